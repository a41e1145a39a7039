import type { LocationQuery, LocationQueryRaw, RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import { EMPTY_SEARCH, queryFromSearch } from './searchFilters';

/**
 * The channel page keeps its filters in the address (?category=<slug>&poverty=1) so a reload or a
 * shared link shows the same list. These functions are the only place that format lives. Words
 * typed on the channel page are a search within the channel, at /search.
 */
export interface ChannelFilters {
  /** Category slug, or null for every category. */
  category: string | null;
  povertyOnly: boolean;
}

export const EMPTY_FILTERS: ChannelFilters = { category: null, povertyOnly: false };

const FILTER_KEYS = ['category', 'poverty'] as const;

/** vue-router gives a string, null (for ?key) or an array when a key repeats; take the first string. */
function first(value: LocationQuery[string] | undefined): string {
  const raw = Array.isArray(value) ? value.find((v) => typeof v === 'string') : value;
  return typeof raw === 'string' ? raw.trim() : '';
}

export function filtersFromQuery(query: LocationQuery): ChannelFilters {
  const category = first(query.category);
  const poverty = first(query.poverty).toLowerCase();
  return {
    category: category || null,
    povertyOnly: poverty === '1' || poverty === 'true',
  };
}

/**
 * The query for `filters`, leaving defaults out so the plain channel address stays /c/<code>.
 * Keys that are not filters (say, utm tags on a shared link) are kept as they were.
 */
export function queryFromFilters(filters: ChannelFilters, current: LocationQuery = {}): LocationQueryRaw {
  const rest: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(current)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) rest[key] = value;
  }
  return {
    ...rest,
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.povertyOnly ? { poverty: '1' } : {}),
  };
}

/** Whether two filter states ask the API for the same list. */
export function sameFilters(a: ChannelFilters, b: ChannelFilters): boolean {
  return a.category === b.category && a.povertyOnly === b.povertyOnly;
}

/** Words searched from a channel page: the search, within that channel and its chosen category and 扶贫产品. */
export function channelSearch(code: string, filters: ChannelFilters, q: string): { path: string; query: LocationQueryRaw } {
  return { path: '/search', query: queryFromSearch({ ...EMPTY_SEARCH, q: q.trim(), channel: code, category: filters.category, povertyOnly: filters.povertyOnly }) };
}

/**
 * Channel addresses once carried their search words (/c/tea?q=安化, a title-only match). Links
 * shared then open the search within the channel, which also finds sellers, places and pinyin.
 */
export function legacyChannelSearch(to: RouteLocationNormalized): RouteLocationRaw | true {
  const q = first(to.query.q);
  if (!q) return true;
  return { ...channelSearch(String(to.params.code), filtersFromQuery(to.query), q), replace: true };
}
