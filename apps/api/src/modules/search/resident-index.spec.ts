import { describe, expect, it } from 'vitest';
import { seededNumbers } from '../../common/seeded-numbers';
import { intersection, type ResidentDocument, ResidentIndex, type ResidentQuery } from './resident-index';
import { FACET_IGNORES, type FacetCount, type FacetName, type FilterName, PRICE_RANGES, priceRangeKey, type SearchFilters, type SearchSortOrder } from './search-engine';
import { parseTokens } from './resident-search';

/** Whole numbers below n, the same sequence every run. */
function numbers(seed: number): (n: number) => number {
  const next = seededNumbers(seed);
  return (n) => next() % n;
}

/** A small random market, the same every run. */
function market(size: number): ResidentDocument[] {
  const next = numbers(7);
  const words = ['黑茶', '绿茶', 'heicha', 'lvcha', '脐橙', 'qicheng', '大米', 'dami', '安化', 'anhua'];
  return Array.from({ length: size }, (_, i) => {
    const tokens = [...new Set(Array.from({ length: 1 + next(4) }, () => words[next(words.length)]!))];
    const price = next(10) === 0 ? null : next(60_000);
    return {
      id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
      channelCode: ['tea', 'fruit', 'rice'][next(3)]!,
      categoryIds: next(5) === 0 ? [1] : [1, 2 + next(3)],
      prefectureCode: ['4309', '4312'][next(2)]!,
      countyCode: ['430923', '430981', '431226', '431229'][next(4)]!,
      poverty: next(2) === 0,
      certifications: ['green', 'organic', 'gi'].filter(() => next(3) === 0),
      pricePerKgFen: price,
      inStock: next(4) !== 0,
      publishedAtMicros: 1_700_000_000_000_000 + next(50) * 1_000_000,
      tokens,
      titleTokens: tokens.filter(() => next(2) === 0),
    };
  });
}

/** What the SQL of the PostgreSQL engine answers, written plainly over an array. */
function reference(docs: ResidentDocument[], query: ResidentQuery) {
  const f: SearchFilters = query.filters;
  const has = (doc: ResidentDocument, token: { token: string; prefix: boolean }) => doc.tokens.some((t) => (token.prefix ? t.startsWith(token.token) : t === token.token));
  const matches = (doc: ResidentDocument) => {
    if (!query.text) return true;
    if (!query.text.strict) return query.text.alternatives.some((a) => has(doc, a));
    return query.text.units.every((u) => u.any.some((a) => has(doc, a)) || (u.all.length > 0 && u.all.every((p) => has(doc, { token: p, prefix: false }))));
  };
  const passes: Record<FilterName, (d: ResidentDocument) => boolean> = {
    channel: (d) => f.channel === undefined || d.channelCode === f.channel,
    category: (d) => f.categoryId === undefined || d.categoryIds.includes(f.categoryId),
    prefecture: (d) => f.prefectureCode === undefined || d.prefectureCode === f.prefectureCode,
    county: (d) => !f.countyCodes.length || f.countyCodes.includes(d.countyCode),
    certification: (d) => !f.certifications.length || d.certifications.some((c) => f.certifications.includes(c)),
    price: (d) =>
      (f.minPricePerKgFen === undefined && f.maxPricePerKgFen === undefined) ||
      (d.pricePerKgFen !== null && d.pricePerKgFen >= (f.minPricePerKgFen ?? 0) && d.pricePerKgFen <= (f.maxPricePerKgFen ?? Infinity)),
    poverty: (d) => !f.povertyOnly || d.poverty,
    inStock: (d) => !f.inStockOnly || d.inStock,
  };
  const found = docs.filter(matches);
  const passing = (d: ResidentDocument, ignoring: readonly FilterName[] = []) => (Object.keys(passes) as FilterName[]).every((name) => ignoring.includes(name) || passes[name](d));
  const rank = (d: ResidentDocument) => (query.text?.alternatives ?? []).filter((a) => d.titleTokens.some((t) => (a.prefix ? t.startsWith(a.token) : t === a.token))).length;
  const byId = (a: ResidentDocument, b: ResidentDocument) => (a.id < b.id ? -1 : 1);
  const newest = (a: ResidentDocument, b: ResidentDocument) => b.publishedAtMicros - a.publishedAtMicros || byId(b, a);
  const price = (direction: number) => (a: ResidentDocument, b: ResidentDocument) =>
    a.pricePerKgFen === null ? (b.pricePerKgFen === null ? byId(a, b) : 1) : b.pricePerKgFen === null ? -1 : (a.pricePerKgFen - b.pricePerKgFen) * direction || byId(a, b);
  const order: Record<SearchSortOrder, (a: ResidentDocument, b: ResidentDocument) => number> = {
    RELEVANCE: (a, b) => (query.text ? rank(b) - rank(a) : 0) || newest(a, b),
    NEWEST: newest,
    PRICE_ASC: price(1),
    PRICE_DESC: price(-1),
  };
  const hits = found.filter((d) => passing(d)).sort(order[query.sort]);
  const facets: FacetCount[] = [];
  const count = (facet: FacetName, values: (d: ResidentDocument) => string[]) => {
    const counts = new Map<string, number>();
    for (const d of found) if (passing(d, FACET_IGNORES[facet])) for (const v of values(d)) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [value, n] of counts) facets.push({ facet, value, count: n });
  };
  count('channel', (d) => [d.channelCode]);
  count('category', (d) => d.categoryIds.map(String));
  count('prefecture', (d) => [d.prefectureCode]);
  count('county', (d) => [d.countyCode]);
  count('certification', (d) => [...d.certifications]);
  count('price', (d) => {
    if (d.pricePerKgFen === null) return [];
    const range = [...PRICE_RANGES].reverse().find((r) => d.pricePerKgFen! >= r.from)!;
    return [priceRangeKey(range)];
  });
  count('poverty', (d) => (d.poverty ? ['true'] : []));
  count('inStock', (d) => (d.inStock ? ['true'] : []));
  return { ids: hits.slice(query.offset, query.offset + query.limit).map((d) => d.id), total: hits.length, facets };
}

const sorted = (facets: FacetCount[]) => [...facets].sort((a, b) => `${a.facet}:${a.value}`.localeCompare(`${b.facet}:${b.value}`));
const noFilters: SearchFilters = { countyCodes: [], certifications: [], povertyOnly: false, inStockOnly: false };

describe('ResidentIndex', () => {
  const docs = market(3_000);
  const index = new ResidentIndex();
  for (const doc of docs) index.put(doc);

  const texts: ResidentQuery['text'][] = [
    undefined,
    { strict: true, units: [{ text: '黑茶', any: [{ token: '黑茶', prefix: false }, { token: 'heicha', prefix: false }], all: [] }], alternatives: [{ token: '黑茶', prefix: false }, { token: 'heicha', prefix: false }] },
    { strict: true, units: [{ text: 'an', any: [{ token: 'an', prefix: true }], all: [] }, { text: '大米', any: [{ token: '大米', prefix: false }], all: [] }], alternatives: [{ token: 'an', prefix: true }, { token: '大米', prefix: false }] },
    { strict: true, units: [{ text: '安化黑茶', any: [{ token: '安化黑茶', prefix: false }], all: ['安化', '黑茶'] }], alternatives: [{ token: '安化', prefix: false }, { token: '黑茶', prefix: false }] },
    { strict: false, units: [], alternatives: [{ token: 'q', prefix: true }, { token: '绿茶', prefix: false }] },
    // every pair of a word: lists of different lengths, one pair twice, a pair no document has
    { strict: true, units: [{ text: '安化黑茶大米', any: [], all: ['大米', '安化', '黑茶', '安化'] }, { text: '脐橙', any: [{ token: 'qicheng', prefix: false }], all: [] }], alternatives: [{ token: '安化', prefix: false }] },
    { strict: true, units: [{ text: '黑茶化', any: [{ token: 'lvcha', prefix: false }], all: ['黑茶', '茶化'] }], alternatives: [{ token: '黑茶', prefix: false }] },
  ];
  const filterSets: SearchFilters[] = [
    noFilters,
    { ...noFilters, channel: 'tea', inStockOnly: true },
    { ...noFilters, categoryId: 3, countyCodes: ['430923', '431229'], certifications: ['green', 'gi'] },
    { ...noFilters, prefectureCode: '4312', minPricePerKgFen: 1_000, maxPricePerKgFen: 20_000, povertyOnly: true },
    { ...noFilters, channel: 'nowhere', countyCodes: ['999999'] },
  ];
  const sorts: SearchSortOrder[] = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'];

  it('answers as the SQL does: matches, filters, every facet without its own filter, order and pages', () => {
    let compared = 0;
    for (const text of texts) {
      for (const filters of filterSets) {
        for (const sort of sorts) {
          for (const [offset, limit] of [[0, 20], [40, 20], [0, 1]] as const) {
            const query: ResidentQuery = { text, filters, sort, offset, limit };
            const expected = reference(docs, query);
            // cards are the engine's own (see below): the SQL has none
            const { cards: _cards, ...actual } = index.search(query);
            expect({ ...actual, facets: sorted(actual.facets) }).toEqual({ ...expected, approximate: false, facets: sorted(expected.facets) });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(texts.length * filterSets.length * sorts.length * 3);
  });

  it('answers the same when its token lists were packed midway and grew again', () => {
    const packed = new ResidentIndex();
    for (const doc of docs.slice(0, 1_000)) packed.put(doc);
    packed.compact();
    // every list is full once packed: the next document moves each list it is added to
    for (const doc of docs.slice(1_000)) packed.put(doc);
    for (const doc of docs.slice(1_500, 1_800)) packed.put(doc); // replaced by themselves: new ordinals, dead old ones
    packed.compact();
    packed.compact();
    let compared = 0;
    for (const text of texts) {
      for (const filters of filterSets) {
        for (const sort of sorts) {
          const query: ResidentQuery = { text, filters, sort, offset: 0, limit: 50 };
          const { cards: _cards, ...actual } = packed.search(query);
          const expected = reference(docs, query);
          expect({ ...actual, facets: sorted(actual.facets) }).toEqual({ ...expected, approximate: false, facets: sorted(expected.facets) });
          compared++;
        }
      }
    }
    expect(compared).toBe(texts.length * filterSets.length * sorts.length);
  });

  it('replaces a changed document and forgets a removed one', () => {
    const copy = new ResidentIndex();
    for (const doc of docs.slice(0, 100)) copy.put(doc);
    const changed = { ...docs[0]!, tokens: ['新词'], titleTokens: ['新词'], channelCode: 'oil' };
    copy.put(changed);
    copy.remove(docs[1]!.id);
    copy.remove('not-there');
    const kept = [changed, ...docs.slice(2, 100)];
    expect(copy.size).toBe(99);
    expect(copy.dead).toBe(2);
    const browse: ResidentQuery = { filters: noFilters, sort: 'NEWEST', offset: 0, limit: 200 };
    const result = copy.search(browse);
    expect(result.ids).toEqual(reference(kept, browse).ids);
    expect(sorted(result.facets)).toEqual(sorted(reference(kept, browse).facets));
    const byNewWord = copy.search({ ...browse, text: { strict: true, units: [{ text: '新词', any: [{ token: '新词', prefix: false }], all: [] }], alternatives: [] } });
    expect(byNewWord.ids).toEqual([changed.id]);
  });
});

describe('ResidentIndex cards', () => {
  it('gives the page’s cards in its order when every listing on it has one, and none otherwise', () => {
    const [a, b, c] = market(3);
    const index = new ResidentIndex();
    index.put({ ...a!, publishedAtMicros: 3, card: '{"id":"a"}' });
    index.put({ ...b!, publishedAtMicros: 2, card: '{"id":"b"}' });
    index.put({ ...c!, publishedAtMicros: 1 });
    const newest = (offset: number, limit: number) => index.search({ filters: noFilters, sort: 'NEWEST', offset, limit }).cards;
    expect(newest(0, 2)).toEqual(['{"id":"a"}', '{"id":"b"}']);
    expect(newest(0, 3)).toBeUndefined();
    index.put({ ...c!, publishedAtMicros: 1, card: '{"id":"c"}' });
    expect(newest(1, 2)).toEqual(['{"id":"b"}', '{"id":"c"}']);
    index.remove(b!.id);
    expect(newest(0, 3)).toEqual(['{"id":"a"}', '{"id":"c"}']);
  });

  it('gives back every card exactly as put, across growth and replacement', () => {
    const docs = market(3_000);
    const card = (i: number, version: number) => JSON.stringify({ id: docs[i]!.id, title: `安化黑茶 千两茶 ${i} 🍵`, seller: '云台山茶业'.repeat(i % 7), version });
    const index = new ResidentIndex();
    docs.forEach((doc, i) => index.put({ ...doc, publishedAtMicros: i, card: card(i, 1) }));
    // a third replaced with a longer card, some after the store has grown
    for (let i = 0; i < docs.length; i += 3) index.put({ ...docs[i]!, publishedAtMicros: i, card: card(i, 2) + ' '.repeat(i % 50) });
    const all = index.search({ filters: noFilters, sort: 'NEWEST', offset: 0, limit: docs.length }).cards!;
    expect(all).toHaveLength(docs.length);
    expect(all.map((text) => JSON.parse(text).id)).toEqual(docs.map((doc) => doc.id).reverse());
    docs.forEach((_, i) => expect(all[docs.length - 1 - i]).toBe(i % 3 === 0 ? card(i, 2) + ' '.repeat(i % 50) : card(i, 1)));
  });

  it('gives back every card after they are packed, and takes new and replaced ones after that', () => {
    const docs = market(2_000);
    const card = (i: number, version: number) => JSON.stringify({ id: docs[i]!.id, title: `麻阳冰糖橙 ${i} 🍊`, note: 'é'.repeat(i % 13), version });
    const index = new ResidentIndex();
    const expected = new Map<string, string>();
    const put = (i: number, version: number) => {
      index.put({ ...docs[i]!, publishedAtMicros: i, card: card(i, version) });
      expected.set(docs[i]!.id, card(i, version));
    };
    docs.slice(0, 1_500).forEach((_, i) => put(i, 1));
    for (let i = 0; i < 1_500; i += 4) put(i, 2);
    for (let i = 1; i < 1_500; i += 9) {
      index.remove(docs[i]!.id);
      expected.delete(docs[i]!.id);
    }
    index.compact();
    const cards = () => index.search({ filters: noFilters, sort: 'NEWEST', offset: 0, limit: docs.length }).cards!;
    expect(new Set(cards())).toEqual(new Set(expected.values()));
    // after packing: new documents, and replacements of packed ones
    for (let i = 1_500; i < docs.length; i++) put(i, 1);
    for (let i = 2; i < 1_500; i += 5) if (expected.has(docs[i]!.id)) put(i, 3);
    expect(cards()).toHaveLength(expected.size);
    expect(new Set(cards())).toEqual(new Set(expected.values()));
  });
});

describe('parseTokens', () => {
  it('reads a stored tsvector, telling the title’s tokens by their weight A', () => {
    expect(parseTokens(`'5':3C 'anhua':1A,2B 'heicha':1A '安化':2B,3C '茶':4`)).toEqual({
      tokens: ['5', 'anhua', 'heicha', '安化', '茶'],
      titleTokens: ['anhua', 'heicha'],
    });
    expect(parseTokens('')).toEqual({ tokens: [], titleTokens: [] });
  });
});

describe('intersection of ascending lists', () => {
  it('keeps exactly the ordinals every list has, whatever their lengths', () => {
    const next = numbers(11);
    const list = (size: number, range: number) => Int32Array.from(new Set(Array.from({ length: size }, () => next(range)))).sort();
    for (let round = 0; round < 300; round++) {
      const range = 1 + next(5_000);
      const lists = Array.from({ length: 1 + next(4) }, () => list(next(3) === 0 ? next(5) : next(range + 1), range));
      // sometimes the very first and last ordinals, which every list then starts or ends with
      if (next(4) === 0) for (const [i, l] of lists.entries()) lists[i] = Int32Array.from(new Set([0, ...l, range])).sort();
      const expected = [...lists[0]!].filter((o) => lists.every((l) => l.includes(o)));
      expect([...intersection(lists)], `round ${round}`).toEqual(expected);
    }
  });
});
