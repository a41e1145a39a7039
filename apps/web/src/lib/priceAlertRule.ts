import { parsePriceFen } from '@xiangnong/domain';
import { ApiError } from '../graphql/client';
import type { PriceAlertKind, SubscribePriceInput } from '../graphql/generated/graphql';
import { jsonObject } from './json';

/**
 * The rule of a price alert as a person types it on a commodity page, read exactly (no floating
 * point between the text and the fen) and refused before it is sent when it cannot be a rule.
 * The bounds are the API's (market/price-alerts.service.ts); it checks them again.
 */

/** Highest threshold the API keeps: ¥1,000,000 per kg (or per head for commodities sold by count). */
export const MAX_THRESHOLD_FEN = 100_000_000;
export const MAX_MOVE_PERCENT = 1000;
export const MAX_MOVE_DAYS = 365;

export type AlertField = 'threshold' | 'percent' | 'days';
export type AlertProblem = 'empty' | 'notANumber' | 'tooPrecise' | 'notPositive' | 'tooLarge' | 'notWhole';

export interface AlertRuleForm {
  kind: PriceAlertKind;
  /** ABOVE / BELOW: yuan per kg (per the page's unit) */
  threshold: string;
  /** MOVE: percent */
  percent: string;
  /** MOVE: over how many days */
  days: string;
}

const clean = (text: string) => text.normalize('NFKC').trim();

/** A threshold in yuan as integer fen: more than 0, at most two decimals, at most ¥1,000,000. */
export function thresholdFen(text: string): { fen: number } | { problem: AlertProblem } {
  const parsed = parsePriceFen(clean(text));
  if ('problem' in parsed) return { problem: parsed.problem === 'negative' ? 'notPositive' : parsed.problem };
  if (parsed.fen === 0) return { problem: 'notPositive' };
  if (parsed.fen > MAX_THRESHOLD_FEN) return { problem: 'tooLarge' };
  return { fen: parsed.fen };
}

/** A move in percent ("5", "2.5", "3%"): more than 0, at most 1000, at most two decimals. */
export function movePercent(text: string): { percent: number } | { problem: AlertProblem } {
  const cleaned = clean(text).replace(/\s*%$/, '');
  if (!cleaned) return { problem: 'empty' };
  if (/^-\d/.test(cleaned)) return { problem: 'notPositive' };
  const match = /^(\d{1,6})(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return { problem: 'notANumber' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { problem: 'tooPrecise' };
  // hundredths of a percent, in integers, then once to the number the API takes
  const hundredths = Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (hundredths === 0) return { problem: 'notPositive' };
  if (hundredths > MAX_MOVE_PERCENT * 100) return { problem: 'tooLarge' };
  return { percent: hundredths / 100 };
}

/** Over how many days a move is measured: a whole number from 1 to 365. */
export function moveDays(text: string): { days: number } | { problem: AlertProblem } {
  const cleaned = clean(text);
  if (!cleaned) return { problem: 'empty' };
  if (!/^\d+$/.test(cleaned)) return { problem: /^-?\d*\.\d+$/.test(cleaned) ? 'notWhole' : /^-\d+$/.test(cleaned) ? 'notPositive' : 'notANumber' };
  const days = Number(cleaned);
  if (days < 1) return { problem: 'notPositive' };
  if (days > MAX_MOVE_DAYS) return { problem: 'tooLarge' };
  return { days };
}

/**
 * What to send for `form` on `commodity` (at `marketId`, or everywhere when null), or each field
 * that cannot be sent and why. A field the chosen kind does not use is neither checked nor sent.
 */
export function alertInput(
  commodity: string,
  form: AlertRuleForm,
  marketId: string | null,
  countyCode: string | null = null,
): { input: SubscribePriceInput } | { problems: Partial<Record<AlertField, AlertProblem>> } {
  const input: SubscribePriceInput = { commodity, kind: form.kind, marketId, ...(countyCode ? { countyCode } : {}) };
  const problems: Partial<Record<AlertField, AlertProblem>> = {};
  if (form.kind === 'ABOVE' || form.kind === 'BELOW') {
    const read = thresholdFen(form.threshold);
    if ('problem' in read) problems.threshold = read.problem;
    else input.thresholdFen = read.fen;
  } else if (form.kind === 'MOVE') {
    const percent = movePercent(form.percent);
    const days = moveDays(form.days);
    if ('problem' in percent) problems.percent = percent.problem;
    else input.percent = percent.percent;
    if ('problem' in days) problems.days = days.problem;
    else input.days = days.days;
  }
  return Object.keys(problems).length ? { problems } : { input };
}

/** The API's fields of a rule (market/subscription-invalid names one in `details.field`). */
const REFUSED_FIELDS = ['thresholdFen', 'percent', 'days', 'marketId', 'kind'] as const;
export type RefusedField = (typeof REFUSED_FIELDS)[number];
const FORM_FIELD: Partial<Record<RefusedField, AlertField>> = { thresholdFen: 'threshold', percent: 'percent', days: 'days' };

/**
 * Which part of the rule the API refused (market/subscription-invalid), and the form field to show
 * it beside when there is one; null for any other error, whose own message says what went wrong.
 */
export function refusedRule(error: unknown): { refused: RefusedField; field: AlertField | null } | null {
  if (!(error instanceof ApiError) || error.code !== 'market/subscription-invalid') return null;
  const named = jsonObject(error.details).field;
  const refused = REFUSED_FIELDS.find((f) => f === named);
  return refused ? { refused, field: FORM_FIELD[refused] ?? null } : null;
}
