/**
 * Alipay states amounts as decimal strings of yuan ("1234.50"). They are read and written here,
 * digit by digit, so that no amount ever passes through a floating-point number.
 */

/** Yuan with at most two decimals, no sign, no exponent, no leading zeros, at most 100,000,000 yuan. */
const YUAN = /^(0|[1-9][0-9]{0,8})(?:\.([0-9]{1,2}))?$/;

/** The largest amount Alipay takes for one trade: 100,000,000.00 yuan. */
export const ALIPAY_MAX_FEN = 10_000_000_000;

/** Integer fen of an Alipay amount string, or null when the text is not exactly such an amount. */
export function yuanToFen(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = YUAN.exec(text);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= ALIPAY_MAX_FEN ? fen : null;
}

/** The amount string Alipay expects for `fen`: yuan with exactly two decimals, e.g. 123450 → "1234.50". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen > ALIPAY_MAX_FEN) throw new RangeError(`not an amount of fen Alipay takes: ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
