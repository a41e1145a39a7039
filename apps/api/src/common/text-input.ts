import { cleanText, TEXT_RULES, textProblem, type TextRuleName } from '@xiangnong/domain';
import { DomainError, type ErrorCode } from './errors';

/**
 * Typed text as it is stored: trimmed, composed, free of control characters and within the
 * length its rule gives (counted in characters a reader sees). A text that breaks the length rule
 * is answered with the field's own code, so the message names the field and its limits.
 */
export function requireText(raw: string, rule: TextRuleName, code: ErrorCode): string {
  const text = cleanText(raw);
  const problem = textProblem(text, TEXT_RULES[rule]);
  if (problem === 'characters' || problem === 'lineBreak') throw new DomainError('input/invalid-text', { field: rule, reason: problem });
  if (problem) throw new DomainError(code, { field: rule, reason: problem, min: TEXT_RULES[rule].min, max: TEXT_RULES[rule].max });
  return text;
}

/** Like requireText, for a field that may be left out: absent stays absent, and empty text counts as absent. */
export function optionalText(raw: string | null | undefined, rule: TextRuleName, code: ErrorCode): string | undefined {
  if (raw === undefined || raw === null || !cleanText(raw)) return undefined;
  return requireText(raw, rule, code);
}

/**
 * What to look for in titles (`searchWords` rules; `code` when too long), as an `ilike ? escape '\'`
 * pattern that finds it anywhere; undefined for nothing to look for.
 */
export function containsPattern(raw: string | null | undefined, code: ErrorCode): string | undefined {
  const words = cleanText(raw ?? '');
  if (!words) return undefined;
  if (textProblem(words, TEXT_RULES.searchWords)) throw new DomainError(code);
  return `%${words.replace(/[\\%_]/g, '\\$&')}%`;
}
