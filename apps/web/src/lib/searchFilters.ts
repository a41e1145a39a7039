import { parseYuanToFen } from '@xiangnong/domain';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { SearchFilterInput, SearchSort } from '../graphql/generated/graphql';

/**
 * The search page keeps everything it shows in the address, so a result page can be shared and
 * Back and Forward step through the searches:
 *
 *   /search?q=黑茶&channel=tea&category=dark-tea&prefecture=430900&county=430923&county=…
 *          &poverty=1&cert=GEO_INDICATION&cert=…&min=10&max=19.99&stock=1&sort=price-asc
 *
 * Prices are yuan per kg, as people type them; the category is its slug (ids mean nothing to a
 * reader of the link). These functions are the only place that format lives. A value that cannot
 * be right (a county code that is not six digits, an unknown sort) is ignored rather than sent;
 * one that is well formed but names nothing is the API's to answer (search/filter-unknown).
 */

export const SORT_KEYS = ['relevance', 'price-asc', 'price-desc', 'newest'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const SORT_TO_API: Record<SortKey, SearchSort> = {
  relevance: 'RELEVANCE',
  'price-asc': 'PRICE_ASC',
  'price-desc': 'PRICE_DESC',
  newest: 'NEWEST',
};

export interface SearchFilters {
  /** Words as typed (trimmed, at most 100 characters); '' browses everything. */
  q: string;
  channel: string | null;
  /** Category slug within `channel`; never set without a channel. */
  category: string | null;
  /** Prefecture (市州) code. */
  prefecture: string | null;
  /** County codes, any of them. */
  counties: string[];
  povertyOnly: boolean;
  /** Certification codes, any of them. */
  certifications: string[];
  /** Price per kg bounds in fen, both inclusive. */
  minFen: number | null;
  maxFen: number | null;
  inStockOnly: boolean;
  /** null: the API's default (relevance, or newest when there are no words). */
  sort: SortKey | null;
}

export const EMPTY_SEARCH: SearchFilters = {
  q: '',
  channel: null,
  category: null,
  prefecture: null,
  counties: [],
  povertyOnly: false,
  certifications: [],
  minFen: null,
  maxFen: null,
  inStockOnly: false,
  sort: null,
};

const MAX_QUERY_CHARACTERS = 100;
/** The API takes at most this many values for one filter. */
export const MAX_FILTER_VALUES = 20;
/** The API's highest price bound: 10 million yuan per kg. */
const MAX_PRICE_FEN = 1_000_000_000;

const CODE = /^[a-z][a-z0-9-]{0,39}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const DIVISION = /^\d{6}$/;
const CERTIFICATION = /^[A-Z][A-Z0-9_]{0,39}$/;

const FILTER_KEYS = ['q', 'channel', 'category', 'prefecture', 'county', 'poverty', 'cert', 'min', 'max', 'stock', 'sort'] as const;

type QueryValue = LocationQuery[string] | undefined;

function strings(value: QueryValue): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
}

/** vue-router gives a string, null (for ?key) or an array when a key repeats; take the first string. */
function first(value: QueryValue): string {
  return strings(value)[0] ?? '';
}

function matching(value: QueryValue, pattern: RegExp): string | null {
  const text = first(value);
  return pattern.test(text) ? text : null;
}

/** Every well-formed value once, in the order given, up to the API's limit. */
function list(value: QueryValue, pattern: RegExp): string[] {
  return [...new Set(strings(value).filter((v) => pattern.test(v)))].slice(0, MAX_FILTER_VALUES);
}

function flag(value: QueryValue): boolean {
  const text = first(value).toLowerCase();
  return text === '1' || text === 'true';
}

function price(value: QueryValue): number | null {
  const fen = parseYuanToFen(first(value));
  return fen !== null && fen <= MAX_PRICE_FEN ? fen : null;
}

/** Fen as the yuan people write in the address and the price fields: 1000 → "10", 1999 → "19.99". */
export function fenToYuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}

export function searchFromQuery(query: LocationQuery): SearchFilters {
  const channel = matching(query.channel, CODE);
  const sort = first(query.sort);
  return {
    q: [...first(query.q)].slice(0, MAX_QUERY_CHARACTERS).join('').trim(),
    channel,
    category: channel ? matching(query.category, SLUG) : null,
    prefecture: matching(query.prefecture, DIVISION),
    counties: list(query.county, DIVISION),
    povertyOnly: flag(query.poverty),
    certifications: list(query.cert, CERTIFICATION),
    minFen: price(query.min),
    maxFen: price(query.max),
    inStockOnly: flag(query.stock),
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : null,
  };
}

/**
 * The query for `filters`, leaving defaults out so a plain search stays /search?q=…. Keys that are
 * not filters (say, utm tags on a shared link) are kept as they were.
 */
export function queryFromSearch(filters: SearchFilters, current: LocationQuery = {}): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  for (const [key, value] of Object.entries(current)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) query[key] = value;
  }
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.channel) query.channel = filters.channel;
  if (filters.channel && filters.category) query.category = filters.category;
  if (filters.prefecture) query.prefecture = filters.prefecture;
  if (filters.counties.length) query.county = [...filters.counties];
  if (filters.povertyOnly) query.poverty = '1';
  if (filters.certifications.length) query.cert = [...filters.certifications];
  if (filters.minFen !== null) query.min = fenToYuanText(filters.minFen);
  if (filters.maxFen !== null) query.max = fenToYuanText(filters.maxFen);
  if (filters.inStockOnly) query.stock = '1';
  if (filters.sort) query.sort = filters.sort;
  return query;
}

/** Whether two states ask the API for the same results. */
export function sameSearch(a: SearchFilters, b: SearchFilters): boolean {
  return JSON.stringify(searchFromQuery(queryFromSearch(a) as LocationQuery)) === JSON.stringify(searchFromQuery(queryFromSearch(b) as LocationQuery));
}

/** How many filters are on, for the 筛选 button (each county and certification counts). Words and sort are not filters. */
export function activeFilterCount(filters: SearchFilters): number {
  return (
    (filters.channel ? 1 : 0) +
    (filters.channel && filters.category ? 1 : 0) +
    (filters.prefecture ? 1 : 0) +
    filters.counties.length +
    (filters.povertyOnly ? 1 : 0) +
    filters.certifications.length +
    (filters.minFen !== null || filters.maxFen !== null ? 1 : 0) +
    (filters.inStockOnly ? 1 : 0)
  );
}

/** The same words and sort with every filter off. */
export function withoutFilters(filters: SearchFilters): SearchFilters {
  return { ...EMPTY_SEARCH, q: filters.q, sort: filters.sort };
}

/** The sort the results are in: the chosen one, or the API's default for these words. */
export function effectiveSort(filters: SearchFilters): SortKey {
  return filters.sort ?? (filters.q ? 'relevance' : 'newest');
}

/** A sort choice as the state keeps it: the default for these words is left implicit. */
export function sortChoice(filters: SearchFilters, key: SortKey): SortKey | null {
  return key === (filters.q ? 'relevance' : 'newest') ? null : key;
}

export interface SearchVariables {
  q: string | null;
  filters: SearchFilterInput;
  sort: SearchSort | null;
}

/**
 * What the API is asked. The category travels as its id, which only the channel's category list
 * knows: `categoryId` is null when the slug names no category of the channel (every category then).
 */
export function searchVariables(filters: SearchFilters, categoryId: string | null): SearchVariables {
  const input: SearchFilterInput = {};
  if (filters.channel) input.channel = filters.channel;
  if (filters.channel && categoryId) input.categoryId = categoryId;
  if (filters.prefecture) input.prefectureCode = filters.prefecture;
  if (filters.counties.length) input.countyCodes = filters.counties;
  if (filters.povertyOnly) input.povertyOnly = true;
  if (filters.certifications.length) input.certifications = filters.certifications;
  if (filters.minFen !== null) input.minPricePerKgFen = filters.minFen;
  if (filters.maxFen !== null) input.maxPricePerKgFen = filters.maxFen;
  if (filters.inStockOnly) input.inStockOnly = true;
  return { q: filters.q || null, filters: input, sort: filters.sort ? SORT_TO_API[filters.sort] : null };
}

/**
 * A price-range bucket of the facet ([minFen, maxFen), the last one open) as filter bounds. The
 * filter's upper bound is inclusive, so it stops one fen short of the bucket's end, and the
 * results are exactly those the bucket counted.
 */
export function bucketBounds(bucket: { minFen: number; maxFen: number | null }): { minFen: number; maxFen: number | null } {
  return { minFen: bucket.minFen, maxFen: bucket.maxFen === null ? null : bucket.maxFen - 1 };
}

export function isBucketChosen(filters: SearchFilters, bucket: { minFen: number; maxFen: number | null }): boolean {
  const bounds = bucketBounds(bucket);
  return filters.minFen === bounds.minFen && filters.maxFen === bounds.maxFen;
}
