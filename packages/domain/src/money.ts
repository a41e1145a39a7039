/** Formats an integer amount of fen as yuan, e.g. 123456 → "¥1,234.56". */
export function formatFen(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Parses a yuan string typed by a person ("12.5", "12.50", "1,200") into fen, or null when it is not a valid amount. */
export function parseYuanToFen(text: string): number | null {
  const cleaned = text.replace(/[,\s¥￥]/g, '');
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
