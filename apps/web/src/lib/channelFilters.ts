import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/**
 * The channel page keeps its filters in the address (?category=<slug>&poverty=1&q=<words>) so a reload
 * or a shared link shows the same list. These two functions are the only place that format lives.
 */
export interface ChannelFilters {
  /** Category slug, or null for every category. */
  category: string | null;
  povertyOnly: boolean;
  /** Search words as typed (trimmed); '' for none. */
  q: string;
}

export const EMPTY_FILTERS: ChannelFilters = { category: null, povertyOnly: false, q: '' };

const FILTER_KEYS = ['category', 'poverty', 'q'] as const;

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
    q: first(query.q).slice(0, 100),
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
  const q = filters.q.trim();
  return {
    ...rest,
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.povertyOnly ? { poverty: '1' } : {}),
    ...(q ? { q } : {}),
  };
}

/** Whether two filter states ask the API for the same list. */
export function sameFilters(a: ChannelFilters, b: ChannelFilters): boolean {
  return a.category === b.category && a.povertyOnly === b.povertyOnly && a.q.trim() === b.q.trim();
}
