import { addDays, parsePriceFen } from '@xiangnong/domain';
import { ApiError } from '../graphql/client';
import type { ReportedQuoteInput } from '../graphql/generated/graphql';
import { jsonObject } from './json';

/**
 * A market reporter's quotes as typed on a phone, read exactly (yuan text → integer fen) and
 * checked by the rules the API applies to every quote (market/quote-rows.ts), so most mistakes are
 * shown beside their row before anything is sent. Problems use the API's row codes
 * (price-notANumber, low-above-high, …) plus two of the form's own (commodity-missing,
 * average-missing), so one table of messages serves both.
 */

/** How far back a reporter may enter quotes, and how many at once (the API's limits). */
export const REPORT_DAYS_BACK = 7;
export const MAX_REPORT_ROWS = 50;
const MAX_SPECIFICATION = 50;

export interface ReportRow {
  /** Stays with the row while rows are added and removed, so its problems follow it. */
  key: number;
  commodity: string;
  low: string;
  avg: string;
  high: string;
  specification: string;
}

/** The days a report may be for, today (China) first. */
export function reportDates(today: string): string[] {
  return Array.from({ length: REPORT_DAYS_BACK + 1 }, (_, i) => addDays(today, -i));
}

/** A row nobody has typed into: left out of what is sent. */
export function isBlankRow(row: ReportRow): boolean {
  return !row.commodity && ![row.low, row.avg, row.high, row.specification].some((text) => text.trim());
}

/** One row as a quote, or every problem it has. */
export function readRow(row: ReportRow): { quote: ReportedQuoteInput } | { problems: string[] } {
  const problems: string[] = [];
  if (!row.commodity) problems.push('commodity-missing');
  const price = (text: string): number | null | undefined => {
    if (!text.trim()) return undefined;
    const parsed = parsePriceFen(text);
    if ('fen' in parsed) return parsed.fen;
    if (!problems.includes(`price-${parsed.problem}`)) problems.push(`price-${parsed.problem}`);
    return null;
  };
  const [low, avg, high] = [price(row.low), price(row.avg), price(row.high)];
  if (avg === undefined) problems.push('average-missing');
  // the order of the prices, once each one given reads as money (a missing low or high is the average)
  if (avg != null && low !== null && high !== null) {
    const lowFen = low ?? avg;
    const highFen = high ?? avg;
    if (lowFen > highFen) problems.push('low-above-high');
    else if (avg < lowFen || avg > highFen) problems.push('average-outside');
    else if (highFen === 0) problems.push('price-empty');
  }
  const specification = row.specification.normalize('NFKC').trim();
  if ([...specification].length > MAX_SPECIFICATION) problems.push('text-too-long');
  if (problems.length || avg == null) return { problems };
  return { quote: { commodity: row.commodity, lowFen: low ?? null, avgFen: avg, highFen: high ?? null, specification: specification || null } };
}

/**
 * The quotes to send for `rows` (blank rows left out) with the key of the row each came from, in
 * the order sent; or the problems of each row that has some, by row key.
 */
export function reportQuotes(rows: readonly ReportRow[]): { quotes: ReportedQuoteInput[]; keys: number[] } | { problems: Map<number, string[]> } {
  const quotes: ReportedQuoteInput[] = [];
  const keys: number[] = [];
  const problems = new Map<number, string[]>();
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const read = readRow(row);
    if ('problems' in read) problems.set(row.key, read.problems);
    else {
      quotes.push(read.quote);
      keys.push(row.key);
    }
  }
  if (problems.size) return { problems };
  if (!quotes.length) return { problems: new Map(rows.slice(0, 1).map((row) => [row.key, ['commodity-missing']])) };
  return { quotes, keys };
}

export type ReportField = 'commodity' | 'low' | 'avg' | 'high' | 'specification';

const FIELDS_OF_PROBLEM: Record<string, readonly ReportField[]> = {
  'commodity-missing': ['commodity'],
  'commodity-unknown': ['commodity'],
  'unit-mismatch': ['commodity'],
  'average-missing': ['avg'],
  'price-missing': ['avg'],
  'average-outside': ['avg'],
  'low-above-high': ['low', 'high'],
  'price-empty': ['low', 'avg', 'high'],
  'text-too-long': ['specification'],
  duplicate: ['commodity', 'specification'],
};

/** The inputs of `row` to mark for its problems; a price that does not read as money is marked where it was typed. */
export function problemFields(row: ReportRow, problems: readonly string[]): Set<ReportField> {
  const fields = new Set(problems.flatMap((p) => FIELDS_OF_PROBLEM[p] ?? []));
  if (problems.some((p) => p.startsWith('price-'))) {
    for (const field of ['low', 'avg', 'high'] as const) if (row[field].trim() && 'problem' in parsePriceFen(row[field])) fields.add(field);
  }
  return fields;
}

export interface RowRefusal {
  problems: string[];
  /** The API's Chinese wording, for a code this page has no message of its own for. */
  messagesZh: string[];
}

/**
 * A market/report-invalid refusal, split into what it says about rows (by the key of the row
 * whose quote was at that index of `sentKeys`) and about the report as a whole (`count`,
 * `date-tooOld`); null for any other error.
 */
export function reportRefusal(error: unknown, sentKeys: readonly number[]): { rows: Map<number, RowRefusal>; general: string[] } | null {
  if (!(error instanceof ApiError) || error.code !== 'market/report-invalid') return null;
  const listed = jsonObject(error.details).problems;
  const rows = new Map<number, RowRefusal>();
  const general: string[] = [];
  for (const item of Array.isArray(listed) ? listed : []) {
    if (typeof item === 'string') {
      general.push(item);
      continue;
    }
    const problem = jsonObject(item);
    const key = typeof problem.index === 'number' ? sentKeys[problem.index] : undefined;
    const codes = Array.isArray(problem.problems) ? problem.problems.filter((p): p is string => typeof p === 'string') : [];
    const messagesZh = Array.isArray(problem.messagesZh) ? problem.messagesZh.filter((m): m is string => typeof m === 'string') : [];
    if (key === undefined) general.push(...codes);
    else rows.set(key, { problems: codes, messagesZh });
  }
  return { rows, general };
}
