import { isMassUnit, unitInfo } from '@xiangnong/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { CommodityFieldsFragment, PriceMoverFieldsFragment, SeriesInterval, SeriesRange } from '../graphql/generated/graphql';

/**
 * A commodity page keeps what it shows in the address, so a chart can be shared and Back steps
 * through the choices:
 *
 *   /prices/live-hog?range=30d&interval=week&market=changsha-mawangdui
 *
 * Defaults (一年, 日, every market) are left out. A market is named by its code, which a reader of
 * the link can make sense of; the API wants its id. These functions are the only place that
 * format lives.
 */
export interface SeriesChoice {
  range: SeriesRange;
  interval: SeriesInterval;
  /** Market code, or null for every market. */
  market: string | null;
}

export const RANGES: readonly { value: SeriesRange; query: string }[] = [
  { value: 'DAYS_30', query: '30d' },
  { value: 'YEAR', query: 'year' },
  { value: 'ALL', query: 'all' },
];
export const INTERVALS: readonly { value: SeriesInterval; query: string }[] = [
  { value: 'DAY', query: 'day' },
  { value: 'WEEK', query: 'week' },
  { value: 'MONTH', query: 'month' },
];

export const DEFAULT_CHOICE: SeriesChoice = { range: 'YEAR', interval: 'DAY', market: null };
const CHOICE_KEYS = ['range', 'interval', 'market'];

/** vue-router gives a string, null (for ?key) or an array when a key repeats; take the first string. */
function first(value: LocationQuery[string] | undefined): string {
  const raw = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
  return typeof raw === 'string' ? raw.trim().toLowerCase() : '';
}

export function choiceFromQuery(query: LocationQuery): SeriesChoice {
  const range = RANGES.find((r) => r.query === first(query.range))?.value ?? DEFAULT_CHOICE.range;
  const interval = INTERVALS.find((i) => i.query === first(query.interval))?.value ?? DEFAULT_CHOICE.interval;
  const market = first(query.market);
  return { range, interval, market: /^[a-z0-9-]{1,60}$/.test(market) ? market : null };
}

/** The query for `choice`, defaults left out; keys that are not choices (utm tags) are kept. */
export function queryFromChoice(choice: SeriesChoice, current: LocationQuery = {}): LocationQueryRaw {
  const rest: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(current)) if (!CHOICE_KEYS.includes(key)) rest[key] = value;
  const range = RANGES.find((r) => r.value === choice.range)!.query;
  const interval = INTERVALS.find((i) => i.value === choice.interval)!.query;
  return {
    ...rest,
    ...(choice.range !== DEFAULT_CHOICE.range ? { range } : {}),
    ...(choice.interval !== DEFAULT_CHOICE.interval ? { interval } : {}),
    ...(choice.market ? { market: choice.market } : {}),
  };
}

export function sameChoice(a: SeriesChoice, b: SeriesChoice): boolean {
  return a.range === b.range && a.interval === b.interval && a.market === b.market;
}

/** A price per kilogram as people think of it here, per 斤 (half a kilogram), to the fen, half up. */
export function perJinFen(perKgFen: number): number {
  return Math.sign(perKgFen) * Math.floor((Math.abs(perKgFen) + 1) / 2);
}

/**
 * A price per kilogram in the unit the trade quotes the commodity in (早籼稻 per 50 千克, say), to the
 * fen, half up; null when that unit is the kilogram or the 斤 (shown anyway) or not a mass.
 */
export function perQuotingUnitFen(perKgFen: number, commodity: Pick<CommodityFieldsFragment, 'unit' | 'unitQuantity'>): number | null {
  const mass = unitInfo(commodity.unit)?.mass;
  if (!mass || (commodity.unitQuantity === 1 && (commodity.unit === 'KG' || commodity.unit === 'JIN'))) return null;
  const numerator = perKgFen * mass.numerator * commodity.unitQuantity;
  return Math.sign(numerator) * Math.floor((2 * Math.abs(numerator) + mass.denominator) / (2 * mass.denominator));
}

/** Whether a commodity's figures (series, movers) are per kilogram: it is sold by weight. */
export function quotedPerKg(commodity: Pick<CommodityFieldsFragment, 'unit'>): boolean {
  return isMassUnit(commodity.unit);
}

export type ChangeDirection = 'up' | 'down' | 'flat';

/**
 * A change in percent as shown: one decimal with its sign, and whether it went up or down (a
 * change that rounds to 0.0 % is flat). Null when there is nothing to compare with.
 */
export function priceChange(percent: number | null | undefined): { direction: ChangeDirection; text: string } | null {
  if (percent == null || !Number.isFinite(percent)) return null;
  const tenths = Math.round(percent * 10);
  if (tenths === 0) return { direction: 'flat', text: '0.0%' };
  return { direction: tenths > 0 ? 'up' : 'down', text: `${tenths > 0 ? '+' : '−'}${(Math.abs(tenths) / 10).toFixed(1)}%` };
}

/** A commodity with its latest day's figures, or null when it has no recent quotes. */
export interface CommodityLatest {
  commodity: CommodityFieldsFragment;
  latest: PriceMoverFieldsFragment | null;
}

/** Each commodity (in the API's order) with its latest figures from the movers list. */
export function withLatest(commodities: readonly CommodityFieldsFragment[], movers: readonly PriceMoverFieldsFragment[]): CommodityLatest[] {
  const byCode = new Map(movers.map((m) => [m.commodity.code, m]));
  return commodities.map((commodity) => ({ commodity, latest: byCode.get(commodity.code) ?? null }));
}

/** Commodities grouped by channel code, each group in the API's order. */
export function byChannel<T extends { commodity: { channelCode: string } }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.commodity.channelCode, [...(groups.get(item.commodity.channelCode) ?? []), item]);
  return groups;
}

/** A file name from its words: characters no file system takes become '-', spaces '_'. */
export function fileName(parts: readonly string[], extension: string): string {
  const base = parts
    .map((part) => part.trim().replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').replace(/\s+/g, '_'))
    .filter(Boolean)
    .join('-');
  return `${base || 'download'}.${extension}`;
}
