/**
 * 统一社会信用代码 (Unified Social Credit Identifier), GB 32100-2015.
 *
 * 18 characters from a 31-symbol alphabet (digits and capitals without I, O, Z, S, V).
 * The last character is a check character computed from the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'characters' | 'checkCharacter';

/** The check character that the first 17 characters call for, or null if they hold a symbol outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

/** Returns null when the code is valid, or what is wrong with it. Input is upper-cased and trimmed first. */
export function usccProblem(raw: string): UsccProblem | null {
  const code = normalizeUscc(raw);
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'characters';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'checkCharacter';
}

export function normalizeUscc(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The GB/T 2260 division code embedded at positions 3–8 (where the registering authority sits). */
export function usccDivisionCode(code: string): string {
  return normalizeUscc(code).slice(2, 8);
}
