import type { EnqueuedTaskPromise, Meilisearch, MultiSearchParams, MultiSearchQuery, MultiSearchResult, Settings, Task, WaitOptions } from 'meilisearch' with { 'resolution-mode': 'import' };
import type { MeiliSettings } from '../../config';
import {
  type EngineQuery,
  type EngineResult,
  type FacetCount,
  FACET_IGNORES,
  type FacetName,
  type FilterName,
  type IndexedListing,
  type IndexRebuild,
  PRICE_RANGES,
  priceRangeKey,
  type SearchEngine,
  type SearchFilters,
  type SearchSortOrder,
} from './search-engine';
import { cleanToken, documentTokens, pinyinOf, type QueryUnit, queryUnits, relaxedAlternatives, relaxingHelps, synonymGroups } from './text-analysis';

const HAN = /\p{Script=Han}/u;

/** The searchable fields, strongest first: title; names (category, attributes, seller, place, certifications, synonyms); description; single characters and syllables. */
const TOKEN_FIELDS = ['tokensA', 'tokensB', 'tokensC', 'tokensD'];
/** A word every listing has, in a field only a relaxed search reads, so that a listing matching none of its ranking words can still be ranked. */
const ANCHOR_FIELD = 'anchor';
const ANCHOR = 'listing';
/** Meilisearch reads no more words than this of a query. */
const MAX_QUERY_WORDS = 10;
/** Relaxed words counted to find the rarest: a long query has more than Meilisearch reads. */
const MAX_COUNTED_WORDS = 30;
/** Totals are counted exactly up to this many listings (the service pages through at most 1 000). */
const MAX_TOTAL_HITS = 10_000;
/** More values than any facet has: every county of the province, every category. */
const MAX_FACET_VALUES = 500;
/** A rebuild index older than this was left by a rebuild that never finished. */
const ABANDONED_REBUILD_MS = 24 * 3600 * 1000;
const REQUEST_TIMEOUT_MS = 10_000;
/** A write answers a listing event: it should be quick, but a busy queue may hold it. */
const WRITE_WAIT: WaitOptions = { timeout: 60_000, interval: 50 };
/** Settings, index creation and swaps may reindex everything. */
const INDEX_WAIT: WaitOptions = { timeout: 30 * 60_000, interval: 250 };

/** A listing as Meilisearch holds it: its tokens as words to search, its exact tokens to filter by, and its filter and sort values. */
export type MeiliDocument = {
  id: string;
  tokensA: string;
  tokensB: string;
  tokensC: string;
  tokensD: string;
  anchor: string;
  /** every token the PostgreSQL index holds for it, for the exact matching of a relaxed search */
  terms: string[];
  channel: string;
  categoryIds: string[];
  prefectureCode: string;
  countyCode: string;
  poverty: boolean;
  certifications: string[];
  pricePerKgFen: number | null;
  inStock: boolean;
  /** epoch milliseconds */
  publishedAt: number;
};

/**
 * Index settings, applied by code at every start. Sorting comes first, so that a buyer who sorts
 * by price or date gets exactly that order, as from PostgreSQL; relevance breaks ties. Typos are
 * forgiven only in long words: a pinyin syllable or two changed by one letter is usually another
 * real word (hongyang 红阳 / hengyang 衡阳). The tokenizer gets space-separated letters and digits
 * only, so it needs no dictionary, separators or synonyms of its own.
 */
export const INDEX_SETTINGS: Settings = {
  searchableAttributes: [...TOKEN_FIELDS, ANCHOR_FIELD],
  filterableAttributes: ['channel', 'categoryIds', 'prefectureCode', 'countyCode', 'poverty', 'certifications', 'pricePerKgFen', 'inStock', 'terms'],
  sortableAttributes: ['pricePerKgFen', 'publishedAt'],
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 10, twoTypos: 16 }, disableOnNumbers: true, disableOnAttributes: [], disableOnWords: [] },
  synonyms: {},
  stopWords: [],
  dictionary: [],
  separatorTokens: [],
  nonSeparatorTokens: [],
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
  faceting: { maxValuesPerFacet: MAX_FACET_VALUES },
  facetSearch: false,
};

/**
 * A token as the searchable fields hold it: Chinese as its pinyin, anything else as it is. Meilisearch
 * would cut Chinese again with its own dictionary and fold its characters; pinyin it keeps whole.
 * A query sends pinyin too, so homophones match as they do through the PostgreSQL pinyin tokens.
 */
export function searchableForm(token: string): string {
  return HAN.test(token) ? pinyinOf(token) : token;
}

/**
 * The words a query unit is searched by, all required: a latin or numeric word as typed; a Chinese
 * word of one or two characters as its pinyin; a longer one as the pinyin of its character pairs,
 * which every listing containing the word (or a homophone, or its synonyms, see below) also has.
 */
export function unitWords(unit: QueryUnit): string[] {
  if (!HAN.test(unit.text)) return [unit.text];
  return (unit.all.length ? unit.all : [unit.text]).map(pinyinOf);
}

const synonymWordsCache = new Map<string, string[]>();

/** What a query for any word of a synonym group searches by: a listing in the group carries all of it. */
function synonymWords(groupId: string): string[] {
  let cached = synonymWordsCache.get(groupId);
  if (!cached) {
    const group = synonymGroups().find((g) => g.id === groupId);
    cached = [...new Set((group?.words ?? []).flatMap((word) => queryUnits(word).flatMap(unitWords)))];
    synonymWordsCache.set(groupId, cached);
  }
  return cached;
}

function fieldText(tokens: Iterable<string>): string {
  return [...new Set([...tokens].map(searchableForm))].join(' ');
}

export function meiliDocument(listing: IndexedListing): MeiliDocument {
  const tokens = documentTokens(listing.text);
  const synonyms = [...tokens.b].filter((t) => t.startsWith('syn')).flatMap((t) => synonymWords(t.slice(3)));
  return {
    id: listing.id,
    tokensA: fieldText(tokens.a),
    tokensB: fieldText([...tokens.b, ...synonyms]),
    tokensC: fieldText(tokens.c),
    tokensD: fieldText(tokens.d),
    anchor: ANCHOR,
    terms: [...new Set([...tokens.a, ...tokens.b, ...tokens.c, ...tokens.d])],
    channel: listing.channelCode,
    categoryIds: listing.categoryIds.map(String),
    prefectureCode: listing.prefectureCode,
    countyCode: listing.countyCode,
    poverty: listing.poverty,
    certifications: listing.certifications,
    pricePerKgFen: listing.pricePerKgFen,
    inStock: listing.inStock,
    publishedAt: listing.publishedAt.getTime(),
  };
}

/** A string as a filter value: double-quoted, its backslashes and double quotes escaped. */
export function filterString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function filterNumber(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer filter value: ${value}`);
  return String(value);
}

function filterList(values: readonly string[]): string {
  return `[${values.map(filterString).join(', ')}]`;
}

/** The validated filters as Meilisearch filter expressions, one per filter that is set. */
export function filterExpressions(filters: SearchFilters): Partial<Record<FilterName, string>> {
  const out: Partial<Record<FilterName, string>> = {};
  if (filters.channel) out.channel = `channel = ${filterString(filters.channel)}`;
  if (filters.categoryId) out.category = `categoryIds = ${filterString(String(filters.categoryId))}`;
  if (filters.prefectureCode) out.prefecture = `prefectureCode = ${filterString(filters.prefectureCode)}`;
  if (filters.countyCodes.length) out.county = `countyCode IN ${filterList(filters.countyCodes)}`;
  if (filters.certifications.length) out.certification = `certifications IN ${filterList(filters.certifications)}`;
  const price = [
    filters.minPricePerKgFen !== undefined ? `pricePerKgFen >= ${filterNumber(filters.minPricePerKgFen)}` : undefined,
    filters.maxPricePerKgFen !== undefined ? `pricePerKgFen <= ${filterNumber(filters.maxPricePerKgFen)}` : undefined,
  ].filter(Boolean);
  if (price.length) out.price = price.join(' AND ');
  if (filters.povertyOnly) out.poverty = 'poverty = true';
  if (filters.inStockOnly) out.inStock = 'inStock = true';
  return out;
}

function priceRangeFilter(range: { from: number; to: number | null }): string {
  const from = `pricePerKgFen >= ${filterNumber(range.from)}`;
  return range.to === null ? from : `${from} AND pricePerKgFen < ${filterNumber(range.to)}`;
}


type ValueFacet = Exclude<FacetName, 'price'>;

const FACET_FIELD: Record<ValueFacet, string> = {
  channel: 'channel',
  category: 'categoryIds',
  prefecture: 'prefectureCode',
  county: 'countyCode',
  certification: 'certifications',
  poverty: 'poverty',
  inStock: 'inStock',
};

/** Counted as the number of listings where they are true, like the PostgreSQL engine. */
const TRUE_ONLY = new Set<ValueFacet>(['poverty', 'inStock']);

const SORT: Record<SearchSortOrder, string[] | undefined> = {
  RELEVANCE: undefined,
  PRICE_ASC: ['pricePerKgFen:asc'],
  PRICE_DESC: ['pricePerKgFen:desc'],
  NEWEST: ['publishedAt:desc'],
};

/** How a search reads the query text: the words, how many must match, in which fields, and any extra filter. */
export interface TextMatch {
  q: string;
  matchingStrategy?: 'all' | 'last';
  attributesToSearchOn?: string[];
  filter: string[];
}

/**
 * Every unit required. Only a latin word typed last is read as a prefix (Meilisearch reads the
 * last word of a query as one unless a space follows it); Chinese and numbers are whole words.
 */
export function strictMatch(units: readonly QueryUnit[]): TextMatch {
  const last = units[units.length - 1];
  if (!last) return { q: '', filter: [] };
  const prefix = last.any.length === 1 && last.any[0]!.prefix;
  const q = units.flatMap(unitWords).join(' ') + (prefix ? '' : ' ');
  return { q, matchingStrategy: 'all', attributesToSearchOn: TOKEN_FIELDS, filter: [] };
}

/** The alternatives of the PostgreSQL relaxed query, as plain tokens. */
function relaxedTokens(units: readonly QueryUnit[]): string[] {
  return relaxedAlternatives(units)
    .map((t) => t.token)
    .filter((t) => cleanToken(t) === t);
}

/** The words a relaxed search ranks by: the relaxed alternatives as the searchable fields hold them. */
export function relaxedWords(units: readonly QueryUnit[]): string[] {
  return [...new Set(relaxedTokens(units).map(searchableForm))];
}

/**
 * For a query nothing matches in full: listings holding any unit or character pair of it, matched
 * exactly as PostgreSQL matches them (a filter on their tokens), ranked by the words given, in
 * order (Meilisearch drops words from the end). The anchor word, which every listing has, comes
 * first, so that no listing the filter kept is dropped. Undefined when it would match what the
 * strict search already did not.
 */
export function relaxedMatch(units: readonly QueryUnit[], words: readonly string[] = relaxedWords(units)): TextMatch | undefined {
  if (!relaxingHelps(units)) return undefined;
  const alternatives = relaxedTokens(units);
  return {
    q: `${[ANCHOR, ...words.slice(0, MAX_QUERY_WORDS - 1)].join(' ')} `,
    matchingStrategy: 'last',
    attributesToSearchOn: [...TOKEN_FIELDS, ANCHOR_FIELD],
    filter: [`terms IN ${filterList(alternatives)}`],
  };
}

/** The page of hits as Meilisearch pages them (exact totals need `page`): one page holding [offset, offset + limit). */
function pageOf(offset: number, limit: number): { page: number; hitsPerPage: number; skip: number } {
  if (offset % limit === 0) return { page: offset / limit + 1, hitsPerPage: limit, skip: 0 };
  return { page: 1, hitsPerPage: offset + limit, skip: offset };
}

type Hit = {
  id: string;
};

/** One query of a multi-search, and how its answer goes into the result. */
interface Part {
  query: MultiSearchQuery;
  read(answer: MultiSearchResult<Hit>, into: EngineResult): void;
}

function facetCounts(facets: readonly ValueFacet[], answer: MultiSearchResult<Hit>): FacetCount[] {
  return facets.flatMap((facet) =>
    Object.entries(answer.facetDistribution?.[FACET_FIELD[facet]] ?? {})
      .filter(([value, count]) => count > 0 && (!TRUE_ONLY.has(facet) || value === 'true'))
      .map(([value, count]) => ({ facet, value, count })),
  );
}

/**
 * The queries of one search: the page with its total and the facets no filter of their own is set
 * for; one count per facet whose own filter is set, without it; one count per price range, without
 * the price filter. Price ranges are counted by filter, not stored on the documents, so changing
 * the ranges needs no rebuild.
 */
export function searchParts(index: string, query: EngineQuery, text: TextMatch): Part[] {
  const filters = filterExpressions(query.filters);
  const without = (ignored: readonly FilterName[]) => [
    ...(Object.entries(filters) as [FilterName, string][]).filter(([name]) => !ignored.includes(name)).map(([, expression]) => expression),
    ...text.filter,
  ];
  const base = { indexUid: index, q: text.q, matchingStrategy: text.matchingStrategy, attributesToSearchOn: text.attributesToSearchOn };
  const valueFacets = (Object.keys(FACET_FIELD) as ValueFacet[]).map((facet) => ({ facet, own: FACET_IGNORES[facet].some((name) => filters[name]) }));
  const together = valueFacets.filter((f) => !f.own).map((f) => f.facet);
  const page = pageOf(query.offset, query.limit);
  const main: Part = {
    query: {
      ...base,
      filter: without([]),
      sort: SORT[query.sort],
      page: page.page,
      hitsPerPage: page.hitsPerPage,
      attributesToRetrieve: ['id'],
      facets: together.map((facet) => FACET_FIELD[facet]),
    },
    read: (answer, into) => {
      into.ids = answer.hits.slice(page.skip).map((hit) => String(hit.id));
      into.total = answer.totalHits ?? 0;
      into.facets.push(...facetCounts(together, answer));
    },
  };
  const separate: Part[] = valueFacets
    .filter((f) => f.own)
    .map(({ facet }) => ({
      query: { ...base, filter: without(FACET_IGNORES[facet]), page: 1, hitsPerPage: 0, facets: [FACET_FIELD[facet]] },
      read: (answer, into) => into.facets.push(...facetCounts([facet], answer)),
    }));
  const prices: Part[] = PRICE_RANGES.map((range) => ({
    query: { ...base, filter: [...without(FACET_IGNORES.price), priceRangeFilter(range)], page: 1, hitsPerPage: 0 },
    read: (answer, into) => {
      if (answer.totalHits) into.facets.push({ facet: 'price', value: priceRangeKey(range), count: answer.totalHits });
    },
  }));
  return [main, ...separate, ...prices];
}

async function settle(enqueued: EnqueuedTaskPromise, wait: WaitOptions): Promise<Task> {
  const task = await enqueued.waitTask(wait);
  if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`);
  return task;
}

const REBUILD_INFIX = '_rebuild_';

/**
 * Search on a Meilisearch server. Listings are sent already tokenised (see text-analysis): Chinese
 * as pinyin words, so that Meilisearch's own segmentation never changes what matches, and every
 * listing of a synonym group also carries the words of the group. A search sends one pinyin word
 * per Chinese word (or per character pair of a long one), all required; when nothing matches, it
 * falls back to any word or pair, matched exactly on the tokens PostgreSQL would use. Facets are
 * counted as PostgreSQL counts them, each without its own filter, in one multi-search. Filters are
 * built from validated values only, every string quoted.
 */
export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private connecting: Promise<Meilisearch> | undefined;

  constructor(private readonly settings: MeiliSettings) {}

  /** The client loads as an ES module, which this CommonJS build can only import dynamically. */
  private client(): Promise<Meilisearch> {
    this.connecting ??= import('meilisearch').then(
      ({ Meilisearch }) => new Meilisearch({ host: this.settings.host, apiKey: this.settings.apiKey, timeout: REQUEST_TIMEOUT_MS }),
    );
    return this.connecting;
  }

  async prepare(): Promise<void> {
    await this.ensureIndex(this.settings.index);
  }

  /** Creates the index unless it exists (a write may have created it first), then applies the settings. */
  private async ensureIndex(uid: string): Promise<void> {
    const client = await this.client();
    const created = await client.createIndex(uid, { primaryKey: 'id' }).waitTask(INDEX_WAIT);
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') {
      throw new Error(`Meilisearch index ${uid} could not be created: ${created.error?.message ?? created.status}`);
    }
    await settle(client.index(uid).updateSettings(INDEX_SETTINGS), INDEX_WAIT);
  }

  /** Waits until Meilisearch has applied the write, so that the next event for a listing is applied after it. */
  async write(upserts: IndexedListing[], removals: string[]): Promise<void> {
    await this.writeTo(this.settings.index, upserts, removals);
  }

  private async writeTo(uid: string, upserts: IndexedListing[], removals: string[]): Promise<void> {
    const index = (await this.client()).index<MeiliDocument>(uid);
    if (removals.length) await settle(index.deleteDocuments(removals), WRITE_WAIT);
    if (upserts.length) await settle(index.addDocuments(upserts.map(meiliDocument), { primaryKey: 'id' }), WRITE_WAIT);
  }

  /**
   * Builds a new index beside the one in use and swaps them at the end. Events during the rebuild
   * still go to the index in use; the indexer replays them into the new one after the swap, so
   * `startedAt` is not needed here.
   */
  async beginRebuild(): Promise<IndexRebuild> {
    const client = await this.client();
    await this.dropAbandonedRebuilds(client);
    const live = this.settings.index;
    const uid = `${live}${REBUILD_INFIX}${Date.now()}`;
    await this.ensureIndex(uid);
    return {
      write: (upserts) => this.writeTo(uid, upserts, []),
      finish: async () => {
        await settle(client.swapIndexes([{ indexes: [live, uid], rename: false }]), INDEX_WAIT);
        await settle(client.deleteIndex(uid), INDEX_WAIT);
      },
    };
  }

  /** Rebuild indexes a crashed process left behind; a recent one may belong to a rebuild still running elsewhere. */
  private async dropAbandonedRebuilds(client: Meilisearch): Promise<void> {
    const prefix = `${this.settings.index}${REBUILD_INFIX}`;
    const { results } = await client.getRawIndexes({ limit: 1000 });
    for (const { uid } of results) {
      const startedAt = uid.startsWith(prefix) ? Number(uid.slice(prefix.length)) : NaN;
      if (startedAt < Date.now() - ABANDONED_REBUILD_MS) await settle(client.deleteIndex(uid), INDEX_WAIT);
    }
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const strict = await this.run(query, strictMatch(query.units));
    if (strict.total > 0 || !query.units.length) return strict;
    const relaxed = relaxedMatch(query.units);
    if (!relaxed) return strict;
    const words = await this.rarestFirst(query, relaxed);
    return { ...(await this.run(query, relaxedMatch(query.units, words)!)), approximate: true };
  }

  /**
   * The relaxed words that occur among the listings a relaxed search matches, rarest first: the
   * listings sharing the query's most telling word rank first, and a mistyped word that matches
   * nothing does not push every listing into the last place.
   */
  private async rarestFirst(query: EngineQuery, relaxed: TextMatch): Promise<string[]> {
    const words = relaxedWords(query.units).slice(0, MAX_COUNTED_WORDS);
    const filter = [...Object.values(filterExpressions(query.filters)), ...relaxed.filter];
    const queries: MultiSearchQuery[] = words.map((word) => ({
      indexUid: this.settings.index,
      q: `${word} `,
      matchingStrategy: 'all',
      attributesToSearchOn: TOKEN_FIELDS,
      filter,
      page: 1,
      hitsPerPage: 0,
    }));
    const { results } = await (await this.client()).multiSearch<MultiSearchParams, Hit>({ queries });
    return words
      .map((word, i) => ({ word, count: results[i]?.totalHits ?? 0 }))
      .filter((w) => w.count > 0)
      .sort((a, b) => a.count - b.count)
      .map((w) => w.word);
  }

  private async run(query: EngineQuery, text: TextMatch): Promise<EngineResult> {
    const parts = searchParts(this.settings.index, query, text);
    const { results } = await (await this.client()).multiSearch<MultiSearchParams, Hit>({ queries: parts.map((p) => p.query) });
    const result: EngineResult = { ids: [], total: 0, approximate: false, facets: [] };
    parts.forEach((part, i) => part.read(results[i]!, result));
    return result;
  }
}
