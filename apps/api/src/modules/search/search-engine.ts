import type { EntityManager } from '@mikro-orm/postgresql';
import type { DocumentText, QueryUnit } from './text-analysis';

/** A public listing as the search engines index it: its text, and the values it is filtered, counted and sorted by. */
export interface IndexedListing {
  id: string;
  text: DocumentText;
  /** names offered whole as suggestions: category, parent category, seller */
  names: string[];
  channelCode: string;
  /** the category and its parent */
  categoryIds: number[];
  prefectureCode: string;
  countyCode: string;
  poverty: boolean;
  certifications: string[];
  pricePerKgFen: number | null;
  inStock: boolean;
  publishedAt: Date;
  sellerId: string;
  /** what a result shows of the listing, for engines that keep it (see ListingReadModel.cardRows) */
  card: Record<string, unknown>;
}

/** Filters after validation: every value is known to exist. */
export interface SearchFilters {
  channel?: string;
  categoryId?: number;
  prefectureCode?: string;
  countyCodes: string[];
  povertyOnly: boolean;
  /** any of them */
  certifications: string[];
  minPricePerKgFen?: number;
  maxPricePerKgFen?: number;
  inStockOnly: boolean;
}

export type SearchSortOrder = 'RELEVANCE' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST';

/** The facets counted for every search. Each is counted with every filter but its own, so a buyer sees what choosing another value would give. */
export type FacetName = 'channel' | 'category' | 'prefecture' | 'county' | 'certification' | 'price' | 'poverty' | 'inStock';

/** The filters a search can combine, one per facet. */
export type FilterName = 'channel' | 'category' | 'prefecture' | 'county' | 'certification' | 'price' | 'poverty' | 'inStock';

/**
 * Which filters each facet is counted without: its own (so a buyer sees what choosing another value
 * gives), and for prefecture the counties in it too. Both engines count by this table.
 */
export const FACET_IGNORES: Record<FacetName, readonly FilterName[]> = {
  channel: ['channel'],
  category: ['category'],
  prefecture: ['prefecture', 'county'],
  county: ['county'],
  certification: ['certification'],
  price: ['price'],
  poverty: ['poverty'],
  inStock: ['inStock'],
};

/** Price-per-kg ranges counted as a facet, in fen: [from, to). */
export const PRICE_RANGES: readonly { from: number; to: number | null }[] = [
  { from: 0, to: 1_000 },
  { from: 1_000, to: 2_000 },
  { from: 2_000, to: 5_000 },
  { from: 5_000, to: 10_000 },
  { from: 10_000, to: 20_000 },
  { from: 20_000, to: 50_000 },
  { from: 50_000, to: null },
];

/** The key a price range is counted under: `from-to`, or `from-` for the last one. */
export function priceRangeKey(range: { from: number; to: number | null }): string {
  return `${range.from}-${range.to ?? ''}`;
}

export interface EngineQuery {
  /** the query as the engine should read it: normalised and cut */
  text: string;
  units: readonly QueryUnit[];
  filters: SearchFilters;
  sort: SearchSortOrder;
  offset: number;
  limit: number;
}

export interface FacetCount {
  facet: FacetName;
  /** channel code, category id, prefecture or county code, certification code, price range key; `true` for poverty and inStock */
  value: string;
  count: number;
}

export interface EngineResult {
  /** listing ids of the page, in order */
  ids: string[];
  total: number;
  /** nothing matched every word, so these match some of them */
  approximate: boolean;
  /** the page's listing cards as stored (JSON), in the order of `ids`, when the engine keeps them */
  cards?: string[];
  facets: FacetCount[];
}

/** Where an indexer writes: within the transaction that holds the listings' index locks. */
export interface IndexWrite {
  em: EntityManager;
}

/**
 * A search engine behind the `search` query. Both engines take the same documents and the same
 * validated query and answer with listing ids, a total and facet counts; the service loads the
 * listings and draws the highlights, so the engines differ only in how they match and count.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  /** applies index settings (idempotent); called on start */
  prepare(): Promise<void>;
  /** adds or replaces these listings and removes those ids, as one step of the index's history */
  write(upserts: IndexedListing[], removals: string[], at: IndexWrite): Promise<void>;
  /** starts replacing the whole index; searches keep being answered meanwhile */
  beginRebuild(): Promise<IndexRebuild>;
  search(query: EngineQuery): Promise<EngineResult>;
}

/** An index being rebuilt: every public listing is written to it, then it replaces the old one. */
export interface IndexRebuild {
  write(upserts: IndexedListing[], at: IndexWrite): Promise<void>;
  /** drops every document not written since `startedAt` and puts the index in use */
  finish(startedAt: Date): Promise<void>;
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
