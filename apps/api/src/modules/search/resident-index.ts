import {
  type EngineResult,
  FACET_IGNORES,
  type FacetCount,
  type FacetName,
  type FilterName,
  PRICE_RANGES,
  priceRangeKey,
  type SearchFilters,
  type SearchSortOrder,
} from './search-engine';
import type { QueryToken, QueryUnit } from './text-analysis';

/** A search document as the resident index keeps it: the columns of `search_document`, its tokens, and which of them are the title's. */
export interface ResidentDocument {
  id: string;
  channelCode: string;
  categoryIds: readonly number[];
  prefectureCode: string;
  countyCode: string;
  poverty: boolean;
  certifications: readonly string[];
  pricePerKgFen: number | null;
  inStock: boolean;
  /** microseconds since 1970, as PostgreSQL orders them */
  publishedAtMicros: number;
  tokens: readonly string[];
  titleTokens: readonly string[];
  /** the listing's card as stored (JSON), when the document has one */
  card?: string;
}

/** What to find: every unit (strict) or any alternative (relaxed), or everything when `text` is absent. */
export interface ResidentQuery {
  text?: { units: readonly QueryUnit[]; strict: boolean; alternatives: readonly QueryToken[] };
  filters: SearchFilters;
  sort: SearchSortOrder;
  offset: number;
  limit: number;
}

/** The filters in the order of their bits in a document's "fails" mask. */
const FILTERS: readonly FilterName[] = ['channel', 'category', 'prefecture', 'county', 'certification', 'price', 'poverty', 'inStock'];
const BIT = Object.fromEntries(FILTERS.map((name, i) => [name, 1 << i])) as Record<FilterName, number>;
/** Per facet: the filters a document must pass to be counted in it (all but those it ignores). */
const COUNTED_BY = Object.fromEntries(
  (Object.keys(FACET_IGNORES) as FacetName[]).map((facet) => [facet, FILTERS.filter((f) => !FACET_IGNORES[facet].includes(f)).reduce((mask, f) => mask | BIT[f], 0)]),
) as Record<FacetName, number>;
const PRICE_KEYS = PRICE_RANGES.map(priceRangeKey);
const NO_PRICE = -1;
const FLAG_POVERTY = 1;
const FLAG_IN_STOCK = 2;
const FLAG_ALIVE = 4;

/** Codes ↔ small numbers, so that a document's values are numbers in typed columns. */
class Dictionary {
  private readonly numbers = new Map<string, number>();
  readonly codes: string[] = [];

  number(code: string): number {
    let n = this.numbers.get(code);
    if (n === undefined) {
      n = this.codes.length;
      this.numbers.set(code, n);
      this.codes.push(code);
    }
    return n;
  }

  find(code: string): number | undefined {
    return this.numbers.get(code);
  }
}

/**
 * Every token's list of document ordinals, ascending (documents are only ever appended), in one
 * buffer outside V8's heap: a list per token as objects of its own would be hundreds of thousands
 * of heap objects for the collector to mark and keep. A full list moves to the end of the buffer
 * with twice its room; `compact` packs the lists again.
 */
class PostingLists {
  private readonly numberOf = new Map<string, number>();
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private room = new Int32Array(1024);
  private ordinalsOf = new Int32Array(1 << 16);
  private used = 0;
  private count = 0;

  /** The number of `token`'s list, or undefined when no document holds it. */
  find(token: string): number | undefined {
    return this.numberOf.get(token);
  }

  /** The list's ordinals: a view, valid until the next `add` or `compact`. */
  ordinals(list: number): Int32Array {
    const start = this.start[list]!;
    return this.ordinalsOf.subarray(start, start + this.length[list]!);
  }

  /** Adds `ordinal` to `token`'s list; gives the token as kept when it is new. */
  add(token: string, ordinal: number): string | undefined {
    let list = this.numberOf.get(token);
    let created: string | undefined;
    if (list === undefined) {
      list = this.count++;
      if (list === this.start.length) this.growLists();
      // kept as a string of its own: a token cut out of a document's token text would keep that whole text alive
      created = ownString(token);
      this.numberOf.set(created, list);
      this.start[list] = this.reserve(4);
      this.room[list] = 4;
    }
    const length = this.length[list]!;
    if (length === this.room[list]) {
      const from = this.start[list]!;
      const to = this.reserve(length * 2);
      this.ordinalsOf.copyWithin(to, from, from + length);
      this.start[list] = to;
      this.room[list] = length * 2;
    }
    this.ordinalsOf[this.start[list]! + length] = ordinal;
    this.length[list] = length + 1;
    return created;
  }

  /** Packs every list tightly, dropping the room that moves left behind. */
  compact(): void {
    let total = 0;
    for (let list = 0; list < this.count; list++) total += this.length[list]!;
    const packed = new Int32Array(Math.max(total, 1));
    let at = 0;
    for (let list = 0; list < this.count; list++) {
      packed.set(this.ordinals(list), at);
      this.start[list] = at;
      this.room[list] = this.length[list]!;
      at += this.length[list]!;
    }
    this.ordinalsOf = packed;
    this.used = at;
  }

  private reserve(size: number): number {
    if (this.used + size > this.ordinalsOf.length) {
      const grown = new Int32Array(Math.max(this.ordinalsOf.length * 2, this.used + size));
      grown.set(this.ordinalsOf.subarray(0, this.used));
      this.ordinalsOf = grown;
    }
    const at = this.used;
    this.used += size;
    return at;
  }

  private growLists(): void {
    const capacity = this.start.length * 2;
    this.start = widened(this.start, capacity);
    this.length = widened(this.length, capacity);
    this.room = widened(this.room, capacity);
  }
}

/**
 * Texts by ordinal, kept as UTF-8 in one growing buffer outside V8's heap: the cards of every
 * document are the bulk of the copy, and as strings they would fill hundreds of heap pages that
 * every young-generation collection walks. A replaced text's bytes, and the room the buffer grew
 * by, stay until it is packed (after each load).
 */
class TextStore {
  private bytes = Buffer.allocUnsafeSlow(1 << 16);
  private used = 0;
  private start = new Float64Array(1024);
  /** the text's length in bytes, or -1 for none */
  private length = new Int32Array(1024).fill(-1);

  set(ordinal: number, text: string | undefined): void {
    if (ordinal >= this.start.length) this.grow(ordinal);
    if (text === undefined) {
      this.length[ordinal] = -1;
      return;
    }
    const size = Buffer.byteLength(text, 'utf8');
    if (this.used + size > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + size));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.bytes.write(text, this.used, size, 'utf8');
    this.start[ordinal] = this.used;
    this.length[ordinal] = size;
    this.used += size;
  }

  get(ordinal: number): string | undefined {
    const size = this.length[ordinal] ?? -1;
    if (size < 0) return undefined;
    const start = this.start[ordinal]!;
    return this.bytes.toString('utf8', start, start + size);
  }

  /** Copies the live texts into a buffer of their size, dropping replaced texts and the room growth left. */
  compact(): void {
    const packed = Buffer.allocUnsafeSlow(Math.max(this.liveBytes(), 1));
    let at = 0;
    for (let ordinal = 0; ordinal < this.length.length; ordinal++) {
      const size = this.length[ordinal]!;
      if (size < 0) continue;
      const start = this.start[ordinal]!;
      this.bytes.copy(packed, at, start, start + size);
      this.start[ordinal] = at;
      at += size;
    }
    this.bytes = packed;
    this.used = at;
  }

  private liveBytes(): number {
    let total = 0;
    for (let ordinal = 0; ordinal < this.length.length; ordinal++) total += Math.max(this.length[ordinal]!, 0);
    return total;
  }

  private grow(ordinal: number): void {
    let capacity = this.start.length;
    while (capacity <= ordinal) capacity *= 2;
    this.start = widened(this.start, capacity);
    this.length = widened(this.length, capacity, -1);
  }
}

/** A copy of `column` with room for `capacity` values, the new room holding `fill`. */
function widened<T extends Uint8Array | Int8Array | Uint16Array | Int32Array | Float64Array>(column: T, capacity: number, fill = 0): T {
  const grown = new (column.constructor as new (length: number) => T)(capacity);
  if (fill !== 0) grown.fill(fill, column.length);
  grown.set(column);
  return grown;
}

/** A set of ordinals, one bit each. */
class Bits {
  readonly words: Uint32Array;

  constructor(size: number) {
    this.words = new Uint32Array((size + 31) >>> 5);
  }

  addAll(ordinals: Int32Array): void {
    const words = this.words;
    for (let i = 0; i < ordinals.length; i++) {
      const o = ordinals[i]!;
      words[o >>> 5]! |= 1 << (o & 31);
    }
  }

  and(other: Bits): void {
    for (let i = 0; i < this.words.length; i++) this.words[i]! &= other.words[i]!;
  }

  /** Writes every ordinal in the set, ascending, into `into` (room for all of them); returns how many. */
  collect(into: Int32Array): number {
    const words = this.words;
    let n = 0;
    for (let w = 0; w < words.length; w++) {
      let word = words[w]!;
      while (word !== 0) {
        const low = word & -word;
        into[n++] = (w << 5) + 31 - Math.clz32(low);
        word ^= low;
      }
    }
    return n;
  }
}

/** The ordinals in every one of `lists` (each ascending), ascending: the shortest list, kept where each other list has them. */
export function intersection(lists: readonly Int32Array[]): Int32Array {
  const byLength = [...lists].sort((a, b) => a.length - b.length);
  const kept = byLength[0]!.slice();
  let n = kept.length;
  for (let l = 1; l < byLength.length && n > 0; l++) {
    const list = byLength[l]!;
    let at = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const o = kept[i]!;
      at = seek(list, o, at);
      if (at === list.length) break;
      if (list[at] === o) kept[m++] = o;
    }
    n = m;
  }
  return kept.subarray(0, n);
}

/** The first position from `from` on whose value is at least `value` in an ascending list: in steps that double, then halving. */
function seek(list: Int32Array, value: number, from: number): number {
  let low = from;
  let high = from;
  let step = 1;
  while (high < list.length && list[high]! < value) {
    low = high + 1;
    high = low + step;
    step *= 2;
  }
  if (high > list.length) high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function priceBucket(price: number | null): number {
  if (price === null) return NO_PRICE;
  let bucket = 0;
  while (bucket + 1 < PRICE_RANGES.length && price >= PRICE_RANGES[bucket + 1]!.from) bucket++;
  return bucket;
}

/**
 * The PostgreSQL engine's documents held in memory, in columns, with an inverted list per token:
 * a search is a few list unions and intersections and one pass over the matching documents that
 * filters, counts every facet and keeps the best page, all without leaving the process. It answers
 * exactly as the SQL of the PostgreSQL engine does (the same matching, filters, facet rules, rank
 * and order), and the engine falls back to that SQL whenever this copy is not known to be current.
 *
 * Documents are appended: a changed document gets a new ordinal and its old one is marked dead, so
 * that every token list stays in ascending order. `dead` says how much is wasted; a fresh load
 * reclaims it.
 */
export class ResidentIndex {
  private capacity = 1024;
  private count = 0;
  dead = 0;
  private ids: string[] = [];
  private readonly cards = new TextStore();
  private readonly ordinalOf = new Map<string, number>();
  private channel = new Uint16Array(this.capacity);
  private prefecture = new Uint16Array(this.capacity);
  private county = new Uint16Array(this.capacity);
  /** the document's category list, as a number in `categorySets` */
  private categorySet = new Uint16Array(this.capacity);
  /** the document's certifications, as a number in `certificationSets` */
  private certificationSet = new Uint16Array(this.capacity);
  private price = new Float64Array(this.capacity);
  private bucket = new Int8Array(this.capacity);
  private published = new Float64Array(this.capacity);
  private flags = new Uint8Array(this.capacity);
  private readonly channels = new Dictionary();
  private readonly prefectures = new Dictionary();
  private readonly counties = new Dictionary();
  /** category lists (a category and its parent) and certification lists repeat: each distinct one gets a number */
  private readonly categorySets = new Dictionary();
  private readonly certificationSets = new Dictionary();
  /** scratch for one search at a time (searches are synchronous): a count per document */
  private rankScratch = new Uint8Array(0);
  /** scratch for one set of ordinals at a time (see ordinalsIn) */
  private ordinalScratch = new Int32Array(0);
  private readonly postings = new PostingLists();
  private readonly titlePostings = new PostingLists();
  /** tokens of letters by their first letter, for prefix lookups */
  private readonly latinTokens = new Map<string, string[]>();

  get size(): number {
    return this.count - this.dead;
  }

  has(id: string): boolean {
    return this.ordinalOf.has(id);
  }

  /** Adds a document, or replaces the one with its id. */
  put(doc: ResidentDocument): void {
    this.remove(doc.id);
    if (this.count === this.capacity) this.grow();
    const o = this.count++;
    this.ids[o] = doc.id;
    this.cards.set(o, doc.card);
    this.ordinalOf.set(doc.id, o);
    this.channel[o] = this.channels.number(doc.channelCode);
    this.prefecture[o] = this.prefectures.number(doc.prefectureCode);
    this.county[o] = this.counties.number(doc.countyCode);
    this.categorySet[o] = this.categorySets.number([...doc.categoryIds].sort((a, b) => a - b).join(','));
    this.certificationSet[o] = this.certificationSets.number([...new Set(doc.certifications)].sort().join(','));
    this.price[o] = doc.pricePerKgFen ?? NaN;
    this.bucket[o] = priceBucket(doc.pricePerKgFen);
    this.published[o] = doc.publishedAtMicros;
    this.flags[o] = FLAG_ALIVE | (doc.poverty ? FLAG_POVERTY : 0) | (doc.inStock ? FLAG_IN_STOCK : 0);
    for (const token of doc.tokens) this.post(this.postings, token, o, true);
    for (const token of doc.titleTokens) this.post(this.titlePostings, token, o, false);
  }

  remove(id: string): void {
    const o = this.ordinalOf.get(id);
    if (o === undefined) return;
    this.ordinalOf.delete(id);
    this.flags[o] = 0;
    this.cards.set(o, undefined);
    this.dead++;
  }

  private post(into: PostingLists, token: string, ordinal: number, remember: boolean): void {
    const created = into.add(token, ordinal);
    if (created === undefined || !remember || !/^[a-z]/.test(created)) return;
    const first = created[0]!;
    const bucket = this.latinTokens.get(first);
    if (bucket) bucket.push(created);
    else this.latinTokens.set(first, [created]);
  }

  /** Packs the token lists and the cards after a load (see PostingLists.compact, TextStore.compact). */
  compact(): void {
    this.postings.compact();
    this.titlePostings.compact();
    this.cards.compact();
  }

  private grow(): void {
    const capacity = (this.capacity *= 2);
    this.channel = widened(this.channel, capacity);
    this.prefecture = widened(this.prefecture, capacity);
    this.county = widened(this.county, capacity);
    this.categorySet = widened(this.categorySet, capacity);
    this.certificationSet = widened(this.certificationSet, capacity);
    this.price = widened(this.price, capacity);
    this.bucket = widened(this.bucket, capacity);
    this.published = widened(this.published, capacity);
    this.flags = widened(this.flags, capacity);
  }

  /** The token lists a query token reads: its own, or for a prefix every token that starts with it. */
  private lists(into: PostingLists, query: QueryToken): Int32Array[] {
    if (!query.prefix) {
      const list = into.find(query.token);
      return list === undefined ? [] : [into.ordinals(list)];
    }
    const out: Int32Array[] = [];
    for (const token of this.latinTokens.get(query.token[0]!) ?? []) {
      if (!token.startsWith(query.token)) continue;
      const list = into.find(token);
      if (list !== undefined) out.push(into.ordinals(list));
    }
    return out;
  }

  /** Documents with every unit (strict) or any alternative (relaxed). */
  private matching(text: NonNullable<ResidentQuery['text']>): Bits {
    if (!text.strict) {
      const bits = new Bits(this.count);
      for (const alternative of text.alternatives) for (const list of this.lists(this.postings, alternative)) bits.addAll(list);
      return bits;
    }
    let all: Bits | undefined;
    for (const unit of text.units) {
      const bits = new Bits(this.count);
      for (const token of unit.any) for (const list of this.lists(this.postings, token)) bits.addAll(list);
      if (unit.all.length) {
        // every pair of the word: their lists are intersected from the shortest, not each laid out
        // in a set of its own (a pair such as a county's name is in thousands of documents)
        const lists = unit.all.map((pair) => this.postings.find(pair));
        if (lists.every((list) => list !== undefined)) bits.addAll(intersection(lists.map((list) => this.postings.ordinals(list))));
      }
      if (all) all.and(bits);
      else all = bits;
    }
    return all ?? new Bits(this.count);
  }

  /** How many of the alternatives each document's title has: the rank, as ts_rank over the title orders it. */
  private ranks(alternatives: readonly QueryToken[]): Uint8Array {
    if (this.rankScratch.length < this.count) this.rankScratch = new Uint8Array(this.capacity);
    const rank = this.rankScratch;
    rank.fill(0, 0, this.count);
    for (const alternative of alternatives) {
      const lists = this.lists(this.titlePostings, alternative);
      if (lists.length === 1) {
        for (const o of lists[0]!) if (rank[o]! < 255) rank[o]!++;
        continue;
      }
      // several tokens share the prefix: a title counts once for it
      const bits = new Bits(this.count);
      for (const list of lists) bits.addAll(list);
      for (const o of this.ordinalsIn(bits)) if (rank[o]! < 255) rank[o]!++;
    }
    return rank;
  }

  /** The ordinals in `bits`, ascending, in scratch that the next call overwrites. */
  private ordinalsIn(bits: Bits): Int32Array {
    if (this.ordinalScratch.length < this.count) this.ordinalScratch = new Int32Array(this.capacity);
    return this.ordinalScratch.subarray(0, bits.collect(this.ordinalScratch));
  }

  /** Per distinct list (of categories, of certifications): whether it passes a filter on `wanted`, any of them. */
  private listsWithAny(sets: Dictionary, wanted: readonly string[]): Uint8Array {
    const passes = new Uint8Array(sets.codes.length);
    sets.codes.forEach((list, n) => {
      if (list.split(',').some((value) => wanted.includes(value))) passes[n] = 1;
    });
    return passes;
  }

  /** Counts per distinct list as counts per value: a listing counts once for each value of its list. */
  private spread(facet: FacetName, sets: Dictionary, counts: Int32Array, into: FacetCount[]): void {
    const totals = new Map<string, number>();
    counts.forEach((count, n) => {
      if (count === 0) return;
      for (const value of sets.codes[n]!.split(',')) if (value) totals.set(value, (totals.get(value) ?? 0) + count);
    });
    for (const [value, count] of totals) into.push({ facet, value, count });
  }

  search(query: ResidentQuery): EngineResult {
    const { filters } = query;
    const channel = filters.channel === undefined ? -2 : (this.channels.find(filters.channel) ?? -1);
    const prefecture = filters.prefectureCode === undefined ? -2 : (this.prefectures.find(filters.prefectureCode) ?? -1);
    let counties: Uint8Array | undefined;
    if (filters.countyCodes.length) {
      counties = new Uint8Array(this.counties.codes.length);
      for (const code of filters.countyCodes) {
        const n = this.counties.find(code);
        if (n !== undefined) counties[n] = 1;
      }
    }
    const categories = filters.categoryId === undefined ? undefined : this.listsWithAny(this.categorySets, [String(filters.categoryId)]);
    const certifications = filters.certifications.length ? this.listsWithAny(this.certificationSets, filters.certifications) : undefined;
    const { minPricePerKgFen, maxPricePerKgFen, povertyOnly, inStockOnly } = filters;
    const hasPrice = minPricePerKgFen !== undefined || maxPricePerKgFen !== undefined;
    const min = minPricePerKgFen ?? -Infinity;
    const max = maxPricePerKgFen ?? Infinity;

    const rank = query.text && query.sort === 'RELEVANCE' ? this.ranks(query.text.alternatives) : undefined;
    const compare = this.comparator(query.sort, rank);
    const keep = query.offset + query.limit;
    const best: number[] = [];

    const channelCounts = new Int32Array(this.channels.codes.length);
    const prefectureCounts = new Int32Array(this.prefectures.codes.length);
    const countyCounts = new Int32Array(this.counties.codes.length);
    const categoryCounts = new Int32Array(this.categorySets.codes.length);
    const certificationCounts = new Int32Array(this.certificationSets.codes.length);
    const priceCounts = new Int32Array(PRICE_RANGES.length);
    let povertyCount = 0;
    let inStockCount = 0;
    let total = 0;
    const { flags: flagOf, channel: channelOf, prefecture: prefectureOf, county: countyOf, categorySet, certificationSet, price: priceOf, bucket } = this;

    // the candidates: what the text matched, or every document; one plain loop over them (a callback
    // per candidate cost a third of a broad search)
    const matched = query.text ? this.ordinalsIn(this.matching(query.text)) : undefined;
    const candidates = matched ? matched.length : this.count;
    for (let i = 0; i < candidates; i++) {
      const o = matched ? matched[i]! : i;
      const flags = flagOf[o]!;
      if ((flags & FLAG_ALIVE) === 0) continue;
      let fails = 0;
      if (channel !== -2 && channelOf[o] !== channel) fails |= BIT.channel;
      if (categories && categories[categorySet[o]!] === 0) fails |= BIT.category;
      if (prefecture !== -2 && prefectureOf[o] !== prefecture) fails |= BIT.prefecture;
      if (counties && counties[countyOf[o]!] === 0) fails |= BIT.county;
      if (certifications && certifications[certificationSet[o]!] === 0) fails |= BIT.certification;
      if (hasPrice) {
        const price = priceOf[o]!;
        // a listing without a price per kg is outside every price range (NaN compares false), as in SQL
        if (!(price >= min && price <= max)) fails |= BIT.price;
      }
      if (povertyOnly && (flags & FLAG_POVERTY) === 0) fails |= BIT.poverty;
      if (inStockOnly && (flags & FLAG_IN_STOCK) === 0) fails |= BIT.inStock;

      if (fails === 0) {
        total++;
        if (best.length < keep) {
          best.push(o);
          if (best.length === keep) heapify(best, compare);
        } else if (compare(o, best[0]!) < 0) {
          best[0] = o;
          siftDown(best, 0, compare);
        }
        channelCounts[channelOf[o]!]!++;
        prefectureCounts[prefectureOf[o]!]!++;
        countyCounts[countyOf[o]!]!++;
        categoryCounts[categorySet[o]!]!++;
        certificationCounts[certificationSet[o]!]!++;
        if (bucket[o]! >= 0) priceCounts[bucket[o]!]!++;
        if (flags & FLAG_POVERTY) povertyCount++;
        if (flags & FLAG_IN_STOCK) inStockCount++;
        continue;
      }
      // failing one filter (or, for prefecture, the county too) still counts in that filter's facet
      if ((fails & COUNTED_BY.channel) === 0) channelCounts[channelOf[o]!]!++;
      if ((fails & COUNTED_BY.prefecture) === 0) prefectureCounts[prefectureOf[o]!]!++;
      if ((fails & COUNTED_BY.county) === 0) countyCounts[countyOf[o]!]!++;
      if ((fails & COUNTED_BY.category) === 0) categoryCounts[categorySet[o]!]!++;
      if ((fails & COUNTED_BY.certification) === 0) certificationCounts[certificationSet[o]!]!++;
      if ((fails & COUNTED_BY.price) === 0 && bucket[o]! >= 0) priceCounts[bucket[o]!]!++;
      if ((fails & COUNTED_BY.poverty) === 0 && flags & FLAG_POVERTY) povertyCount++;
      if ((fails & COUNTED_BY.inStock) === 0 && flags & FLAG_IN_STOCK) inStockCount++;
    }

    best.sort(compare);
    const facets: FacetCount[] = [];
    const counted = (facet: FacetName, counts: Int32Array, codes: readonly string[]) => {
      counts.forEach((count, n) => {
        if (count > 0) facets.push({ facet, value: codes[n]!, count });
      });
    };
    counted('channel', channelCounts, this.channels.codes);
    counted('prefecture', prefectureCounts, this.prefectures.codes);
    counted('county', countyCounts, this.counties.codes);
    counted('price', priceCounts, PRICE_KEYS);
    this.spread('category', this.categorySets, categoryCounts, facets);
    this.spread('certification', this.certificationSets, certificationCounts, facets);
    if (povertyCount) facets.push({ facet: 'poverty', value: 'true', count: povertyCount });
    if (inStockCount) facets.push({ facet: 'inStock', value: 'true', count: inStockCount });
    const page = best.slice(query.offset);
    const cards = page.map((o) => this.cards.get(o));
    return {
      ids: page.map((o) => this.ids[o]!),
      total,
      approximate: false,
      facets,
      ...(cards.every((card) => card !== undefined) ? { cards: cards as string[] } : {}),
    };
  }

  /** The order of SQL's ORDER BY for each sort: negative when `a` comes first. */
  private comparator(sort: SearchSortOrder, rank: Uint8Array | undefined): (a: number, b: number) => number {
    const { published, price, ids } = this;
    const idAsc = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0);
    const newest = (a: number, b: number) => published[b]! - published[a]! || idAsc(b, a);
    const byPrice = (direction: 1 | -1) => (a: number, b: number) => {
      const pa = price[a]!;
      const pb = price[b]!;
      if (Number.isNaN(pa) || Number.isNaN(pb)) return Number.isNaN(pa) ? (Number.isNaN(pb) ? idAsc(a, b) : 1) : -1;
      return (pa - pb) * direction || idAsc(a, b);
    };
    switch (sort) {
      case 'RELEVANCE':
        return rank ? (a, b) => rank[b]! - rank[a]! || newest(a, b) : newest;
      case 'PRICE_ASC':
        return byPrice(1);
      case 'PRICE_DESC':
        return byPrice(-1);
      case 'NEWEST':
        return newest;
    }
  }
}

/** A copy of `text` that shares no memory with the string it was cut from. */
function ownString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** A heap with the element that comes last (by `compare`) on top: the one to drop when a better one arrives. */
function heapify(heap: number[], compare: (a: number, b: number) => number): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, compare);
}

function siftDown(heap: number[], start: number, compare: (a: number, b: number) => number): void {
  let i = start;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let last = i;
    if (left < heap.length && compare(heap[left]!, heap[last]!) > 0) last = left;
    if (right < heap.length && compare(heap[right]!, heap[last]!) > 0) last = right;
    if (last === i) return;
    [heap[i], heap[last]] = [heap[last]!, heap[i]!];
    i = last;
  }
}
