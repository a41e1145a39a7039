import { unitInfo } from './units';

/**
 * How Chinese price bulletins and spreadsheets write prices: a unit such as 元/斤, 元/公斤, 元/kg,
 * 元/50公斤 or 元/头, decimal yuan, and dates in several shapes. Everything here is exact: prices
 * become integer fen per quoting unit, and per-kg prices are computed from the unit's exact ratio.
 */

/** A quoting unit: so many of a unit of sale, e.g. 50 × KG for 元/50公斤. */
export interface QuoteUnit {
  unit: string;
  quantity: number;
}

const UNIT_WORDS: Record<string, string> = {
  斤: 'JIN',
  市斤: 'JIN',
  公斤: 'KG',
  千克: 'KG',
  kg: 'KG',
  克: 'G',
  g: 'G',
  吨: 'TONNE',
  t: 'TONNE',
  担: 'DAN',
  头: 'HEAD',
  箱: 'BOX',
  瓶: 'BOTTLE',
  盒: 'CASE',
  袋: 'BAG',
  件: 'PIECE',
};

/**
 * The quoting unit of texts like 元/斤, 元/50公斤, 元 / kg, 斤, 50kg; null when it is none of them.
 * A leading 元/ is optional; the number before the unit is a whole number from 1 to 1000.
 */
export function parseQuoteUnit(text: string): QuoteUnit | null {
  const cleaned = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '').replace(/^(?:元|人民币|rmb)?\//, '').replace(/^每/, '');
  const match = /^(\d{1,4})?(.+)$/.exec(cleaned);
  if (!match) return null;
  const unit = UNIT_WORDS[match[2]!];
  const quantity = match[1] ? Number(match[1]) : 1;
  if (!unit || quantity < 1 || quantity > 1000) return null;
  return { unit, quantity };
}

/** The usual way to write a quoting unit, e.g. 元/50公斤. */
export function quoteUnitLabel(q: QuoteUnit): string {
  const zh = unitInfo(q.unit)?.zh ?? q.unit;
  return `元/${q.quantity === 1 ? '' : q.quantity}${zh}`;
}

export type PriceProblem = 'empty' | 'notANumber' | 'tooPrecise' | 'negative' | 'tooLarge';

/** Largest price a quote takes, in fen (¥20,000,000 per quoting unit). */
export const MAX_QUOTE_FEN = 2_000_000_000;

/**
 * A price in yuan as bulletins write it ("3.85", "1,234.5", "¥12", "12元") as integer fen, or why
 * not. More than two decimals is refused rather than rounded: the file says something we cannot store.
 */
export function parsePriceFen(raw: string | number): { fen: number } | { problem: PriceProblem } {
  const text = (typeof raw === 'number' ? numberText(raw) : raw).normalize('NFKC').trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  if (!text) return { problem: 'empty' };
  if (text.startsWith('-')) return { problem: /^-\d/.test(text) ? 'negative' : 'notANumber' };
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text);
  if (!match) return { problem: 'notANumber' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { problem: 'tooPrecise' };
  const fen = BigInt(match[1]!) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > BigInt(MAX_QUOTE_FEN)) return { problem: 'tooLarge' };
  return { fen: Number(fen) };
}

/** A number as its shortest decimal text, never in exponent form (spreadsheet cells arrive as numbers). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  const text = String(n);
  return /e/i.test(text) ? n.toFixed(20).replace(/\.?0+$/, '') : text;
}

/**
 * Fen per kilogram for a price per quoting unit, rounded half up to the fen; null for count units.
 * Exact: price ÷ (quantity × kg per unit) in integers.
 */
export function quotePerKgFen(priceFen: number, q: QuoteUnit): number | null {
  const mass = unitInfo(q.unit)?.mass;
  if (!mass) return null;
  // price / (quantity × num / den) = price × den / (quantity × num)
  const numerator = BigInt(priceFen) * BigInt(mass.denominator);
  const denominator = BigInt(q.quantity) * BigInt(mass.numerator);
  return Number((numerator * 2n + denominator) / (2n * denominator));
}

export type DateProblem = 'notADate' | 'future' | 'tooOld';

const DATE_SHAPES = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * A report date (2026-11-30, 2026/11/30, 2026年11月30日, 20261130, or a spreadsheet's date) as
 * YYYY-MM-DD, refused when it is no calendar day, after `today` (China's date) or before 2000.
 */
export function parseReportDate(raw: string | Date, today: string): { date: string } | { problem: DateProblem } {
  let y: number, m: number, d: number;
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { problem: 'notADate' };
    // spreadsheet dates carry no zone: their calendar day is the UTC one
    [y, m, d] = [raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate()];
  } else {
    const text = raw.normalize('NFKC').trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
    const match = DATE_SHAPES.map((shape) => shape.exec(text)).find(Boolean);
    if (!match) return { problem: 'notADate' };
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return { problem: 'notADate' };
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (date > today) return { problem: 'future' };
  if (y < 2000) return { problem: 'tooOld' };
  return { date };
}

/** The calendar day `days` after `date` (YYYY-MM-DD; negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD, whatever the server's zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
