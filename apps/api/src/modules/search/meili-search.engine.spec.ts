import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  filterExpressions,
  filterString,
  INDEX_SETTINGS,
  meiliDocument,
  MeiliSearchEngine,
  relaxedMatch,
  strictMatch,
  type MeiliDocument,
} from './meili-search.engine';
import { type EngineQuery, type IndexedListing, PRICE_RANGES, type SearchFilters } from './search-engine';
import { queryUnits } from './text-analysis';

/** A request as the fake server saw it. */
interface Seen {
  method: string;
  path: string;
  params: URLSearchParams;
  authorization: string | undefined;
  body: any;
}

type Answer = (query: Record<string, any>, call: number) => Record<string, any>;

/**
 * A stand-in for a Meilisearch server on the loopback: it records every request, accepts every
 * write as a task that has already succeeded (unless told that one fails), lists the indexes it
 * is given, and answers multi-searches with whatever the test says.
 */
function fakeMeilisearch() {
  const seen: Seen[] = [];
  const state = {
    failures: new Map<string, { code: string; message: string }>(),
    indexes: [] as string[],
    answer: (() => ({ hits: [], totalHits: 0 })) as Answer,
    multiSearches: 0,
  };
  const tasks = new Map<number, Record<string, unknown>>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://meili');
      const request: Seen = { method: req.method!, path: url.pathname, params: url.searchParams, authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined };
      seen.push(request);
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const task = /^\/tasks\/(\d+)$/.exec(url.pathname);
      if (req.method === 'GET' && task) return reply(200, tasks.get(Number(task[1])));
      if (req.method === 'GET' && url.pathname === '/indexes') {
        const results = state.indexes.map((uid) => ({ uid, primaryKey: 'id', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }));
        return reply(200, { results, offset: 0, limit: 1000, total: results.length });
      }
      if (req.method === 'POST' && url.pathname === '/multi-search') {
        const call = state.multiSearches++;
        return reply(200, { results: request.body.queries.map((q: Record<string, any>) => ({ indexUid: q.indexUid, query: q.q, processingTimeMs: 1, hitsPerPage: q.hitsPerPage, page: q.page, totalPages: 1, ...state.answer(q, call) })) });
      }
      const uid = tasks.size + 1;
      const failure = state.failures.get(`${req.method} ${url.pathname}`);
      tasks.set(uid, {
        uid, batchUid: uid, indexUid: null, status: failure ? 'failed' : 'succeeded', type: 'settingsUpdate', canceledBy: null, details: {},
        error: failure ? { ...failure, type: 'invalid_request', link: '' } : null, duration: 'PT0S', enqueuedAt: '2026-01-01T00:00:00Z', startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:00Z',
      });
      return reply(202, { taskUid: uid, indexUid: null, status: 'enqueued', type: 'settingsUpdate', enqueuedAt: '2026-01-01T00:00:00Z' });
    });
  });
  return { server, seen, state };
}

const hogText = {
  title: '宁乡花猪 出栏 110 公斤左右',
  names: ['生猪', '猪', '宁乡花猪', '宁乡县', '长沙市', '宁乡花猪养殖专业合作社'],
  description: '林下散养，谷物喂养。',
  attributes: { breed: '宁乡花猪', liveWeightBand: '90-110' },
};

function listing(overrides: Partial<IndexedListing> = {}): IndexedListing {
  return {
    id: '0b6f1c9e-8d1a-4c0e-9a51-0c1d2e3f4a5b',
    text: hogText,
    names: ['生猪', '宁乡花猪养殖专业合作社'],
    channelCode: 'hog',
    categoryIds: [31, 3],
    prefectureCode: '430100',
    countyCode: '430182',
    poverty: false,
    certifications: [],
    pricePerKgFen: null,
    inStock: true,
    publishedAt: new Date('2026-11-30T08:00:00.000Z'),
    sellerId: '5f0e8a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    card: {},
    ...overrides,
  };
}

const noFilters: SearchFilters = { countyCodes: [], certifications: [], povertyOnly: false, inStockOnly: false };

function query(q: string, overrides: Partial<EngineQuery> = {}): EngineQuery {
  return { text: q, units: queryUnits(q), filters: noFilters, sort: 'RELEVANCE', offset: 0, limit: 20, ...overrides };
}

const words = (doc: MeiliDocument) => new Set([doc.tokensA, doc.tokensB, doc.tokensC, doc.tokensD].join(' ').split(' '));

/** Whether a strict search finds the document, as Meilisearch reads the words: all required, the last one a prefix unless a space follows. */
function finds(doc: MeiliDocument, q: string): boolean {
  const match = strictMatch(queryUnits(q));
  const sent = match.q.trim().split(' ');
  const prefix = !match.q.endsWith(' ');
  const have = words(doc);
  return sent.every((word, i) => (prefix && i === sent.length - 1 ? [...have].some((w) => w.startsWith(word)) : have.has(word)));
}

describe('Meilisearch documents and queries', () => {
  const hog = meiliDocument(listing());
  const duroc = meiliDocument(listing({ text: { title: '杜洛克 三元杂交 育肥猪', names: ['生猪', '猪', '杜洛克', '长沙县'], description: '', attributes: { breed: '杜洛克' } } }));
  const orange = meiliDocument(listing({ text: { title: '麻阳冰糖橙 果园直发 70-75 mm', names: ['冰糖橙', '柑橘', '冰糖橙', '麻阳苗族自治县', '怀化市'], description: '', attributes: { variety: '冰糖橙' } } }));
  const tea = meiliDocument(listing({ text: { title: '安化黑茶 千两茶 2019 年', names: ['千两茶', '黑茶', '安化县', '益阳市'], description: '', attributes: {} } }));
  const brick = meiliDocument(listing({ text: { title: '金花茯砖 手筑 1 公斤', names: ['茯砖茶', '黑茶', '安化县', '益阳市'], description: '', attributes: {} } }));

  it('sends Chinese as pinyin words (words, pairs, initials, syllables), never as characters Meilisearch would cut again', () => {
    const title = hog.tokensA.split(' ');
    expect(title).toEqual(expect.arrayContaining(['ningxianghuazhu', 'ningxiang', 'huazhu', 'nxhz', 'xianghua', 'chulan', '110', 'gongjin']));
    expect(hog.tokensD.split(' ')).toEqual(expect.arrayContaining(['ning', 'xiang', 'hua', 'zhu']));
    for (const field of [hog.tokensA, hog.tokensB, hog.tokensC, hog.tokensD]) expect(field).not.toMatch(/\p{Script=Han}/u);
    expect(hog.tokensC.split(' ')).toEqual(expect.arrayContaining(['sanyang', 'guwu']));
  });

  it('gives a listing of a local breed the synonym token and the words of its group, so 土猪 and 黑猪肉 find it', () => {
    expect(hog.tokensB.split(' ')).toEqual(expect.arrayContaining(['syntuzhu', 'tuzhu', 'heizhu', 'zhurou', 'nongjia', 'jiazhu', 'bendi', 'dizhu']));
    expect(duroc.tokensB).not.toContain('syntuzhu');
    for (const q of ['土猪', '黑猪肉', '农家猪', '宁乡花猪', 'ningxiang', 'nxhz']) expect(finds(hog, q), q).toBe(true);
    for (const q of ['土猪', '黑猪肉', '农家猪']) expect(finds(duroc, q), q).toBe(false);
  });

  it('finds a Chinese word by itself, a homophone or its pinyin, and only where all of it is', () => {
    for (const q of ['冰糖橙', '冰糖澄', 'bingtangcheng', 'bingtang']) expect(finds(orange, q), q).toBe(true);
    expect(finds(tea, '安化黑茶')).toBe(true);
    expect(finds(brick, '安化黑茶')).toBe(false); // 安化 and 黑茶, but never 化黑: not the same thing
    expect(finds(brick, '黑茶')).toBe(true);
    expect(finds(orange, '黑茶')).toBe(false);
  });

  it('keeps every exact token for relaxed matching, and the filter and sort values as Meilisearch compares them', () => {
    expect(hog.terms).toEqual(expect.arrayContaining(['宁乡花猪', '乡花', '宁', 'ning', 'ningxiang', 'syntuzhu']));
    expect(hog).toMatchObject({
      id: listing().id,
      anchor: 'listing',
      channel: 'hog',
      categoryIds: ['31', '3'],
      prefectureCode: '430100',
      countyCode: '430182',
      poverty: false,
      certifications: [],
      pricePerKgFen: null,
      inStock: true,
      publishedAt: Date.parse('2026-11-30T08:00:00.000Z'),
    });
  });

  it('sends every unit as required words; only latin typed last is a prefix', () => {
    expect(strictMatch(queryUnits('安化黑茶')).q).toBe('anhua huahei heicha ');
    expect(strictMatch(queryUnits('黑茶')).q).toBe('heicha ');
    expect(strictMatch(queryUnits('anhua heicha'))).toEqual({ q: 'anhua heicha', matchingStrategy: 'all', attributesToSearchOn: ['tokensA', 'tokensB', 'tokensC', 'tokensD'], filter: [] });
    expect(strictMatch(queryUnits('ahhc 2019')).q).toBe('ahhc 2019 ');
    expect(strictMatch(queryUnits(`黑茶' | !x & "y" -z`)).q).toBe('heicha x y z');
    expect(strictMatch([]).q).toBe('');
  });

  it('relaxes to any word or pair, matched exactly on the tokens, ranked behind a word every listing has', () => {
    const relaxed = relaxedMatch(queryUnits('冰糖柠'))!;
    expect(relaxed.matchingStrategy).toBe('last');
    expect(relaxed.attributesToSearchOn).toContain('anchor');
    expect(relaxed.q.startsWith('listing ')).toBe(true);
    expect(relaxed.q.endsWith(' ')).toBe(true);
    expect(relaxed.q).toContain('bingtang');
    expect(relaxed.filter).toHaveLength(1);
    expect(relaxed.filter[0]).toMatch(/^terms IN \[.*"冰糖".*\]$/);
    // a single latin word relaxes to itself: nothing to retry
    expect(relaxedMatch(queryUnits('zzzzqqq'))).toBeUndefined();
  });

  it('quotes filter strings, escaping backslashes and quotes', () => {
    expect(filterString('tea')).toBe('"tea"');
    expect(filterString('a"b')).toBe('"a\\"b"');
    expect(filterString('a\\b')).toBe('"a\\\\b"');
    expect(filterString('\\" OR channel = "x')).toBe('"\\\\\\" OR channel = \\"x"');
    expect(filterExpressions({ ...noFilters, certifications: ['ORGANIC', 'X" OR poverty = true OR "'] }).certification).toBe(
      'certifications IN ["ORGANIC", "X\\" OR poverty = true OR \\""]',
    );
  });

  it('builds a filter for every kind, and price ranges open at either end', () => {
    const filters: SearchFilters = {
      channel: 'tea',
      categoryId: 12,
      prefectureCode: '430900',
      countyCodes: ['430923', '433126'],
      povertyOnly: true,
      certifications: ['GEO_INDICATION', 'ORGANIC'],
      minPricePerKgFen: 1_000,
      maxPricePerKgFen: 10_000,
      inStockOnly: true,
    };
    expect(filterExpressions(filters)).toEqual({
      channel: 'channel = "tea"',
      category: 'categoryIds = "12"',
      prefecture: 'prefectureCode = "430900"',
      county: 'countyCode IN ["430923", "433126"]',
      certification: 'certifications IN ["GEO_INDICATION", "ORGANIC"]',
      price: 'pricePerKgFen >= 1000 AND pricePerKgFen <= 10000',
      poverty: 'poverty = true',
      inStock: 'inStock = true',
    });
    expect(filterExpressions({ ...noFilters, minPricePerKgFen: 1_000 }).price).toBe('pricePerKgFen >= 1000');
    expect(filterExpressions({ ...noFilters, maxPricePerKgFen: 5_000 }).price).toBe('pricePerKgFen <= 5000');
    expect(filterExpressions(noFilters)).toEqual({});
    expect(() => filterExpressions({ ...noFilters, minPricePerKgFen: 1.5 })).toThrow();
  });
});

describe('Meilisearch engine, against a recording server', () => {
  const fake = fakeMeilisearch();
  let engine: MeiliSearchEngine;

  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    engine = new MeiliSearchEngine({ host: `http://127.0.0.1:${port}`, apiKey: 'search-key', index: 'listings' });
  });
  afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));
  beforeEach(() => {
    fake.seen.length = 0;
    fake.state.failures.clear();
    fake.state.indexes = [];
    fake.state.answer = () => ({ hits: [], totalHits: 0 });
    fake.state.multiSearches = 0;
  });

  const writes = () => fake.seen.filter((r) => r.method !== 'GET');
  const steps = () => fake.seen.map((r) => `${r.method} ${r.path.replace(/^\/tasks\/\d+$/, '/tasks/…')}`);
  const searches = () => fake.seen.filter((r) => r.path === '/multi-search').map((r) => r.body.queries as Record<string, any>[]);

  it('creates the index if it is missing and applies the settings by code, with the key', async () => {
    fake.state.failures.set('POST /indexes', { code: 'index_already_exists', message: 'Index `listings` already exists.' });
    await engine.prepare();
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /indexes', 'PATCH /indexes/listings/settings']);
    expect(writes()[0]!.body).toEqual({ uid: 'listings', primaryKey: 'id' });
    expect(fake.seen.every((r) => r.authorization === 'Bearer search-key')).toBe(true);
    // each task was waited for before the next step
    expect(steps()).toEqual(['POST /indexes', 'GET /tasks/…', 'PATCH /indexes/listings/settings', 'GET /tasks/…']);

    const settings = writes()[1]!.body;
    expect(settings).toEqual(INDEX_SETTINGS);
    expect(settings.searchableAttributes).toEqual(['tokensA', 'tokensB', 'tokensC', 'tokensD', 'anchor']);
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(['channel', 'categoryIds', 'prefectureCode', 'countyCode', 'poverty', 'certifications', 'pricePerKgFen', 'inStock', 'terms']),
    );
    expect(settings.sortableAttributes).toEqual(['pricePerKgFen', 'publishedAt']);
    expect(settings.rankingRules).toEqual(['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc']);
    expect(settings.typoTolerance).toMatchObject({ enabled: true, disableOnNumbers: true, minWordSizeForTypos: { oneTypo: 10, twoTypos: 16 } });
    expect(settings).toMatchObject({ synonyms: {}, dictionary: [], stopWords: [], separatorTokens: [], nonSeparatorTokens: [] });
    expect(settings.pagination.maxTotalHits).toBeGreaterThanOrEqual(1_000);
    expect(settings.faceting.maxValuesPerFacet).toBeGreaterThanOrEqual(200);
  });

  it('does not start on settings Meilisearch refuses', async () => {
    fake.state.failures.set('PATCH /indexes/listings/settings', { code: 'invalid_settings_ranking_rules', message: 'bad rule' });
    await expect(engine.prepare()).rejects.toThrow(/bad rule/);
  });

  it('removes, then adds, and returns only when Meilisearch has applied both', async () => {
    await engine.write([listing()], ['7d1f0000-0000-4000-8000-000000000001']);
    expect(steps()).toEqual(['POST /indexes/listings/documents/delete-batch', 'GET /tasks/…', 'POST /indexes/listings/documents', 'GET /tasks/…']);
    expect(fake.seen[0]!.body).toEqual(['7d1f0000-0000-4000-8000-000000000001']);
    expect(fake.seen[2]!.params.get('primaryKey')).toBe('id');
    expect(fake.seen[2]!.body).toEqual([meiliDocument(listing())]);

    fake.seen.length = 0;
    await engine.write([], []);
    expect(fake.seen).toEqual([]);
  });

  it('raises when a write fails, so the event is retried', async () => {
    fake.state.failures.set('POST /indexes/listings/documents', { code: 'max_fields_limit_exceeded', message: 'too many fields' });
    await expect(engine.write([listing()], [])).rejects.toThrow(/too many fields/);
  });

  it('sends the filters with the page, and counts each facet with its own filter removed', async () => {
    const filters: SearchFilters = { ...noFilters, channel: 'tea', countyCodes: ['430923'], minPricePerKgFen: 1_000 };
    await engine.search(query('', { filters, sort: 'NEWEST' }));
    const [queries] = searches();
    const [main, ...counts] = queries!;
    expect(main).toMatchObject({
      indexUid: 'listings',
      q: '',
      filter: ['channel = "tea"', 'countyCode IN ["430923"]', 'pricePerKgFen >= 1000'],
      sort: ['publishedAt:desc'],
      page: 1,
      hitsPerPage: 20,
      attributesToRetrieve: ['id'],
    });
    expect(main!.facets.sort()).toEqual(['categoryIds', 'certifications', 'inStock', 'poverty']);
    const byFacet = new Map(counts.filter((c) => c.facets).map((c) => [c.facets.join(), c.filter]));
    expect(Object.fromEntries(byFacet)).toEqual({
      channel: ['countyCode IN ["430923"]', 'pricePerKgFen >= 1000'],
      prefectureCode: ['channel = "tea"', 'pricePerKgFen >= 1000'],
      countyCode: ['channel = "tea"', 'pricePerKgFen >= 1000'],
    });
    const ranges = counts.filter((c) => !c.facets);
    expect(ranges).toHaveLength(PRICE_RANGES.length);
    expect(ranges[0]!.filter).toEqual(['channel = "tea"', 'countyCode IN ["430923"]', 'pricePerKgFen >= 0 AND pricePerKgFen < 1000']);
    expect(ranges.at(-1)!.filter).toEqual(['channel = "tea"', 'countyCode IN ["430923"]', 'pricePerKgFen >= 50000']);
    for (const count of counts) expect(count).toMatchObject({ page: 1, hitsPerPage: 0 });
  });

  it.each([
    ['RELEVANCE', undefined],
    ['PRICE_ASC', ['pricePerKgFen:asc']],
    ['PRICE_DESC', ['pricePerKgFen:desc']],
    ['NEWEST', ['publishedAt:desc']],
  ] as const)('sorts %s as %j', async (sort, expected) => {
    await engine.search(query('', { sort }));
    expect(searches()[0]![0]!.sort).toEqual(expected);
  });

  it('pages exactly: whole pages by number, an offset between pages from a larger first page', async () => {
    fake.state.answer = (q) => ({ hits: Array.from({ length: q.hitsPerPage }, (_, i) => ({ id: `id-${i}` })), totalHits: 40 });
    const aligned = await engine.search(query('', { offset: 6, limit: 3 }));
    expect(searches()[0]![0]).toMatchObject({ page: 3, hitsPerPage: 3 });
    expect(aligned).toMatchObject({ ids: ['id-0', 'id-1', 'id-2'], total: 40 });
    const between = await engine.search(query('', { offset: 5, limit: 3 }));
    expect(searches()[1]![0]).toMatchObject({ page: 1, hitsPerPage: 8 });
    expect(between.ids).toEqual(['id-5', 'id-6', 'id-7']);
  });

  it('answers ids in order, the total, and facet counts as PostgreSQL names them', async () => {
    fake.state.answer = (q) => {
      if (q.attributesToRetrieve) {
        return {
          hits: [{ id: 'b' }, { id: 'a' }],
          totalHits: 2,
          facetDistribution: {
            channel: { tea: 2 },
            categoryIds: { '12': 2, '3': 1 },
            prefectureCode: { '430900': 2 },
            countyCode: { '430923': 2 },
            certifications: { ORGANIC: 1 },
            poverty: { true: 2 },
            inStock: { true: 1, false: 1 },
          },
        };
      }
      return { hits: [], totalHits: q.filter.at(-1) === 'pricePerKgFen >= 20000 AND pricePerKgFen < 50000' ? 1 : 0 };
    };
    const result = await engine.search(query('黑茶'));
    expect(result.ids).toEqual(['b', 'a']);
    expect(result.total).toBe(2);
    expect(result.approximate).toBe(false);
    expect(result.facets).toEqual(
      expect.arrayContaining([
        { facet: 'channel', value: 'tea', count: 2 },
        { facet: 'category', value: '12', count: 2 },
        { facet: 'category', value: '3', count: 1 },
        { facet: 'prefecture', value: '430900', count: 2 },
        { facet: 'county', value: '430923', count: 2 },
        { facet: 'certification', value: 'ORGANIC', count: 1 },
        { facet: 'poverty', value: 'true', count: 2 },
        { facet: 'inStock', value: 'true', count: 1 },
        { facet: 'price', value: '20000-50000', count: 1 },
      ]),
    );
    expect(result.facets).toHaveLength(9);
    expect(searches()).toHaveLength(1);
  });

  it('retries a query nothing matches in full with any of its words, rarest first, and says the answer is approximate', async () => {
    const counts: Record<string, number> = { 'bingtang ': 1, 'bing ': 2, 'ning ': 3, 'tang ': 0 };
    fake.state.answer = (q, call) => {
      if (call === 0) return { hits: [], totalHits: 0 };
      if (call === 1) return { hits: [], totalHits: counts[q.q] ?? 0 };
      return q.attributesToRetrieve ? { hits: [{ id: 'orange' }], totalHits: 1 } : { hits: [], totalHits: 0 };
    };
    const result = await engine.search(query('冰糖柠', { filters: { ...noFilters, channel: 'fruit' } }));
    expect(result).toMatchObject({ ids: ['orange'], total: 1, approximate: true });
    const [strict, counted, relaxed] = searches();
    expect(strict!.every((q) => q.matchingStrategy === 'all' && q.q === 'bingtang ning ')).toBe(true);
    const termsFilter = expect.stringMatching(/^terms IN \[.*"冰糖".*"柠".*\]$/);
    expect(counted!.map((q) => q.q)).toEqual(['bingtang ', 'bing ', 'tang ', 'ning ']);
    expect(counted![0]).toMatchObject({ filter: ['channel = "fruit"', termsFilter], hitsPerPage: 0 });
    // a word no listing has is left out; the rest rank rarest first, behind the word every listing has
    expect(relaxed!.every((q) => q.matchingStrategy === 'last' && q.q === 'listing bingtang bing ning ')).toBe(true);
    expect(relaxed![0]!.filter).toEqual(['channel = "fruit"', termsFilter]);
    expect(relaxed![0]!.attributesToSearchOn).toContain('anchor');
  });

  it('does not retry a browse or a query that found something', async () => {
    await engine.search(query(''));
    fake.state.answer = () => ({ hits: [{ id: 'x' }], totalHits: 1 });
    await engine.search(query('黑茶'));
    expect(searches()).toHaveLength(2);
  });

  it('rebuilds into a new index with the same settings, swaps it in and drops the old one', async () => {
    const old = `listings_rebuild_${Date.now() - 2 * 24 * 3600 * 1000}`;
    const recent = `listings_rebuild_${Date.now() - 60_000}`;
    fake.state.indexes = ['listings', old, recent, 'other'];
    const rebuild = await engine.beginRebuild();
    await rebuild.write([listing()], { em: undefined as never });
    await rebuild.finish(new Date());
    const steps = writes().map((r) => `${r.method} ${r.path}`);
    const temp = writes().find((r) => r.method === 'POST' && r.path === '/indexes')!.body.uid as string;
    expect(temp).toMatch(/^listings_rebuild_\d+$/);
    expect(steps).toEqual([
      `DELETE /indexes/${old}`,
      'POST /indexes',
      `PATCH /indexes/${temp}/settings`,
      `POST /indexes/${temp}/documents`,
      'POST /swap-indexes',
      `DELETE /indexes/${temp}`,
    ]);
    expect(writes().find((r) => r.path === `/indexes/${temp}/settings`)!.body).toEqual(INDEX_SETTINGS);
    expect(writes().find((r) => r.path === '/swap-indexes')!.body).toEqual([{ indexes: ['listings', temp], rename: false }]);
  });
});
