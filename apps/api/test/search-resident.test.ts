import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/database/demo-data';
import { PostgresSearchEngine } from '../src/modules/search/postgres-search.engine';
import { ResidentSearch } from '../src/modules/search/resident-search';
import type { EngineQuery, EngineResult, SearchFilters, SearchSortOrder } from '../src/modules/search/search-engine';
import { SearchIndexer } from '../src/modules/search/search-indexer';
import { normalise, queryUnits } from '../src/modules/search/text-analysis';
import { createListing, verifiedSeller, type Session } from './fixtures';
import { startTestApp, type TestApp } from './harness';
import { eventually, settled, until } from './waiting';

const NO_FILTERS: SearchFilters = { countyCodes: [], certifications: [], povertyOnly: false, inStockOnly: false };

/** Facets in a fixed order, so that two answers compare whatever order each engine counted in; the cards only memory gives are compared apart. */
const comparable = ({ cards: _cards, ...r }: EngineResult) => ({ ...r, facets: [...r.facets].sort((a, b) => `${a.facet}:${a.value}`.localeCompare(`${b.facet}:${b.value}`)) });

describe('the resident copy of the search documents', () => {
  let t: TestApp;
  let owner: Session;
  let orgId: string;
  let engine: PostgresSearchEngine;
  let resident: ResidentSearch;
  /** a listing of `owner`'s */
  let own: string;

  beforeAll(async () => {
    t = await startTestApp({ meili: undefined });
    ({ owner, orgId } = await verifiedSeller(t));
    engine = t.app.get(PostgresSearchEngine);
    resident = t.app.get(ResidentSearch);
    // the demo market (about a hundred listings across the five channels), indexed by a rebuild
    expect(await loadDemoData(t.app.get(MikroORM).em.fork() as EntityManager)).toBe(true);
    await t.app.get(SearchIndexer).rebuildStale();
    // ranked by the title: the word in a title counts, the same word in a description does not
    own = await createListing(t, owner, orgId, { title: '常驻 黑茶 甲' });
    await createListing(t, owner, orgId, { title: '常驻 茶叶 乙', description: '上好黑茶，常驻供应' });
    // the demo data's and these listings' events are handled (the index only changes from them), then the copy has caught up
    await settled(t);
    await inStep();
  }, 120_000);
  afterAll(() => t?.close());

  const query = (q: string, filters: SearchFilters = NO_FILTERS, sort: SearchSortOrder = 'RELEVANCE', offset = 0, limit = 20): EngineQuery => {
    const text = normalise(q).trim();
    return { text, units: queryUnits(text), filters, sort, offset, limit };
  };
  /** Waits until the copy is loaded and holds what the table holds (changes reach it moments after they commit). */
  const inStep = () =>
    until('the resident copy to hold every document as the table does', async () => {
      const everything = query('', NO_FILTERS, 'NEWEST', 0, 1_000);
      if (!resident.current) return false;
      return JSON.stringify(comparable(await engine.search(everything))) === JSON.stringify(comparable(await engine.searchInDatabase(everything)));
    });
  /** the answer from memory and the same search in SQL */
  const both = async (q: EngineQuery) => {
    expect(resident.current).toBeDefined();
    return { memory: comparable(await engine.search(q)), sql: comparable(await engine.searchInDatabase(q)) };
  };

  it('answers every search as the SQL does: matches, typos, filters, facets, order and pages', async () => {
    const [county] = await t.sql<{ code: string; prefecture: string }>(
      `select county_code as code, prefecture_code as prefecture from search_document group by 1, 2 order by count(*) desc limit 1`,
    );
    const filterSets: SearchFilters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, channel: 'tea', inStockOnly: true },
      { ...NO_FILTERS, countyCodes: [county!.code], certifications: ['GREEN_FOOD', 'ORGANIC', 'GI'] },
      { ...NO_FILTERS, prefectureCode: county!.prefecture, minPricePerKgFen: 1_000, maxPricePerKgFen: 20_000, povertyOnly: true },
    ];
    const texts = ['', '常驻 黑茶', '黑茶', '安化黑茶', 'ahhc', 'anhua heicha', '冰糖澄', '土猪', '茶油', 'a', '米', '不存在的东西'];
    let nonEmpty = 0;
    for (const text of texts) {
      for (const filters of filterSets) {
        for (const sort of ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'] as const) {
          const { memory, sql } = await both(query(text, filters, sort, 0, 10));
          expect(memory, `${text} ${JSON.stringify(filters)} ${sort}`).toEqual(sql);
          if (memory.total > 0) nonEmpty++;
        }
      }
      const second = await both(query(text, NO_FILTERS, 'NEWEST', 10, 10));
      expect(second.memory).toEqual(second.sql);
    }
    // the comparison covered real answers, not only empty ones
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it('follows changes within moments, and agrees with SQL after them', async () => {
    const id = await createListing(t, owner, orgId, { title: '常驻索引 新到 黑茶' });
    const found = () => engine.search(query('常驻索引'));
    expect((await eventually(found, (r) => r.ids.includes(id))).ids).toEqual([id]);
    await t.gql(`mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id } }`, { id, input: { stock: 0 } }, owner.token);
    // out of stock: gone from what is in stock (what is left is only near the words), still found without the filter
    const inStock = () => engine.search(query('常驻索引', { ...NO_FILTERS, inStockOnly: true }));
    expect((await eventually(inStock, (r) => !r.ids.includes(id))).ids).not.toContain(id);
    expect((await found()).ids).toEqual([id]);
    const paused = await t.gql(`mutation($id: ID!) { setListingStatus(id: $id, status: PAUSED) { id } }`, { id }, owner.token);
    expect(paused.errors).toBeUndefined();
    expect((await eventually(found, (r) => !r.ids.includes(id))).ids).not.toContain(id);
    await inStep();
    const { memory, sql } = await both(query('黑茶'));
    expect(memory).toEqual(sql);
  });

  it('shows results from the cards it keeps exactly as the listings read now, and keeps the cards current', async () => {
    await inStep();
    const SHOWN = `id title unit basePriceFen pricePerKgFen minOrderQuantity stock status isPovertyProduct certifications publishedAt
      seller { id name kind verificationStatus county { code } } originCounty { code name } channel { code } category { id }`;
    const page = async (extra: string) => {
      const { data, errors } = await t.gql<{ search: { nodes: { listing: Record<string, unknown> }[] } }>(
        `query { search(q: "黑茶", first: 20) { nodes { listing { ${SHOWN} ${extra} } } } }`,
      );
      expect(errors).toBeUndefined();
      return data!.search.nodes.map((n) => n.listing);
    };
    const fromCards = await page('');
    // a field no card holds makes the search read the listings themselves
    const fromListings = (await page('description')).map(({ description: _description, ...listing }) => listing);
    expect(fromCards.length).toBeGreaterThan(1);
    expect(fromCards).toEqual(fromListings);
    expect((await engine.search(query('黑茶'))).cards).toHaveLength(fromCards.length);

    expect(fromCards.map((l) => l.id)).toContain(own);
    const changed = await t.gql(`mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id } }`, {
      id: own,
      input: { title: '常驻卡片 黑茶 改过的标题' },
    }, owner.token);
    expect(changed.errors).toBeUndefined();
    const shown = await eventually(
      () => page(''),
      (listings) => listings.some((l) => l.title === '常驻卡片 黑茶 改过的标题'),
    );
    expect(shown.find((l) => l.id === own)?.title).toBe('常驻卡片 黑茶 改过的标题');
  });

  it('is not used while changes cannot be heard, and is loaded again once they can', async () => {
    const ended = await t.sql<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'xiangnong-listen' and datname = current_database()`,
    );
    expect(ended[0]!.n).toBe(1);
    await until('the copy to be set aside', () => !resident.current);
    // a listing made while the copy is away is found all the same (by SQL)
    const id = await createListing(t, owner, orgId, { title: '断联期间 上新' });
    expect((await eventually(() => engine.search(query('断联期间')), (r) => r.total === 1)).ids).toEqual([id]);
    await until('the copy to be loaded again', () => resident.current, 30_000);
    expect((await engine.search(query('断联期间'))).ids).toEqual([id]);
  });

  it('is set aside the moment the index is rebuilt, and loaded again from the new one', async () => {
    await until('the resident copy', () => resident.current, 30_000);
    const before = resident.current;
    await t.app.get(SearchIndexer).rebuild(engine);
    expect(resident.current).not.toBe(before);
    const reloaded = await until('the copy to be loaded again', () => resident.current, 30_000);
    expect(reloaded).not.toBe(before);
    await inStep();
    const { memory, sql } = await both(query('', NO_FILTERS, 'NEWEST', 0, 50));
    expect(memory).toEqual(sql);
  });
});
