import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../src/database/demo-data';
import { PostgresSearchEngine } from '../src/modules/search/postgres-search.engine';
import { SearchIndexer } from '../src/modules/search/search-indexer';
import { SearchTerms } from '../src/modules/search/search-terms';
import { queryUnits } from '../src/modules/search/text-analysis';
import { createListing, verifiedSeller, type Session } from './fixtures';
import { startTestApp, type TestApp } from './harness';
import { eventually } from './waiting';


describe('search index upkeep', () => {
  let t: TestApp;
  let owner: Session;
  let orgId: string;
  let indexer: SearchIndexer;
  let orm: MikroORM;

  beforeAll(async () => {
    t = await startTestApp({ meili: undefined });
    ({ owner, orgId } = await verifiedSeller(t));
    indexer = t.app.get(SearchIndexer);
    orm = t.app.get(MikroORM);
  });
  afterAll(() => t?.close());

  const doc = async (listingId: string) =>
    (await t.sql<{ in_stock: boolean; terms: string[]; tokens: string }>('select in_stock, terms, tokens::text from search_document where listing_id = $1', [listingId]))[0];
  const indexNow = (ids: string[]) => orm.em.fork().transactional((em) => indexer.index(em as EntityManager, ids));
  const found = async (q: string) => {
    const { data, errors } = await t.gql<{ search: { nodes: { listing: { id: string } }[] } }>(`query($q: String) { search(q: $q, first: 50) { nodes { listing { id } } } }`, { q });
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.search.nodes.map((n) => n.listing.id);
  };

  it('indexes a listing from its events, and writing it again changes nothing', async () => {
    const id = await createListing(t, owner, orgId, { title: '安化黑茶 花卷 千两 1 支' });
    const first = await eventually(() => doc(id), (d) => !!d);
    expect(first?.tokens).toContain("'anhua'");
    await indexNow([id]);
    await indexNow([id]);
    const again = await doc(id);
    expect(again?.tokens).toBe(first?.tokens);
    expect(await t.sql('select 1 from search_document where listing_id = $1', [id])).toHaveLength(1);
  });

  it('ends with the newest state when changes and deliveries race', async () => {
    const id = await createListing(t, owner, orgId, { title: '茯砖茶 竞速 测试', stock: 100 });
    await eventually(() => doc(id), (d) => !!d);
    const update = (stock: number) =>
      t.gql(`mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id } }`, { id, input: { stock } }, owner.token);
    // changes, and extra deliveries of the listing's events, all at once
    await Promise.all([
      ...[90, 80, 70, 60, 0].map((stock, i) => new Promise((resolve) => setTimeout(resolve, i * 5)).then(() => update(stock))),
      ...Array.from({ length: 10 }, () => indexNow([id])),
    ]);
    // whichever change committed last is what the index must end with
    const [listing] = await t.sql<{ stock: number }>('select stock from listing where id = $1', [id]);
    const expected = listing!.stock > 0;
    const settled = await eventually(() => doc(id), (d) => d?.in_stock === expected);
    expect(settled?.in_stock).toBe(expected);
    // one more delivery of an old event reads the current state, not the old one
    await indexNow([id]);
    expect((await doc(id))?.in_stock).toBe(expected);
    // and a last change after all that is followed too
    await update(expected ? 0 : 30);
    expect((await eventually(() => doc(id), (d) => d?.in_stock === !expected))?.in_stock).toBe(!expected);
  });

  it('rebuilds an index that lost, kept or garbled documents, and keeps what changed while it ran', async () => {
    const keep = await createListing(t, owner, orgId, { title: '天尖茶 重建 保留' });
    const hide = await createListing(t, owner, orgId, { title: '黑砖茶 重建 下架' });
    await eventually(() => doc(hide), (d) => !!d);
    // lose one, garble another, and leave a document for a listing that is no longer public
    await t.sql('delete from search_document where listing_id = $1', [keep]);
    await t.sql(`update listing set status = 'ARCHIVED' where id = $1`, [hide]); // behind the API: no event
    const before = await t.sql<{ n: number }>('select count(*)::int as n from search_document');
    expect(before[0]!.n).toBeGreaterThan(0);
    const postgres = t.app.get(PostgresSearchEngine);
    const count = await indexer.rebuild(postgres);
    const publicCount = await t.sql<{ n: number }>(
      `select count(*)::int as n from listing l join organisation o on o.id = l.organisation_id where l.status in ('ACTIVE', 'SOLD_OUT') and o.verification_status = 'VERIFIED'`,
    );
    expect(count).toBe(publicCount[0]!.n);
    expect(await doc(keep)).toBeTruthy();
    expect(await doc(hide)).toBeUndefined();
    expect((await t.sql<{ n: number }>('select count(*)::int as n from search_document'))[0]!.n).toBe(publicCount[0]!.n);
    // the table that took the old one's place is exactly what the migrations make: same indexes, names and settings
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    expect(diff.trim()).toBe('');
    const [table] = await t.sql<{ options: string[] }>(`select reloptions as options from pg_class where relname = 'search_document'`);
    expect(table!.options).toEqual(['toast_tuple_target=1024']);
    const [gin] = await t.sql<{ definition: string }>(`select indexdef as definition from pg_indexes where indexname = 'search_document_tokens_idx'`);
    expect(gin!.definition).toContain('fastupdate');
    expect(await found('天尖茶 重建')).toContain(keep);
  });

  it('rebuilds a catalogue of several batches, each listing once', async () => {
    const model = await createListing(t, owner, orgId, { title: '君山银针 批量 重建' });
    // copies made behind the API (no events): more than two batches of the rebuild
    const columns = (await t.sql<{ name: string }>(`select column_name as name from information_schema.columns where table_name = 'listing' and column_name <> 'id'`)).map((c) => c.name).join(', ');
    await t.sql(`insert into listing (id, ${columns}) select gen_random_uuid(), ${columns} from listing, generate_series(1, 1234) where listing.id = $1`, [model]);
    const count = await indexer.rebuild(t.app.get(PostgresSearchEngine));
    const [expected] = await t.sql<{ n: number; missing: number; extra: number }>(
      `select count(*)::int as n,
              count(*) filter (where d.listing_id is null)::int as missing,
              (select count(*)::int from search_document) - count(*)::int as extra
         from listing l join organisation o on o.id = l.organisation_id left join search_document d on d.listing_id = l.id
        where l.status in ('ACTIVE', 'SOLD_OUT') and o.verification_status = 'VERIFIED'`,
    );
    expect(expected!.n).toBeGreaterThan(1234);
    expect(count).toBe(expected!.n);
    expect(expected!.missing).toBe(0);
    expect(expected!.extra).toBe(0);
    expect((await found('君山银针 批量')).length).toBeGreaterThan(0);
    await t.sql(`delete from listing where title = '君山银针 批量 重建' and id <> $1`, [model]);
    await t.sql(`delete from search_document d where not exists (select 1 from listing l where l.id = d.listing_id)`);
  });

  it('rebuilds on start when the analysis rules changed, and indexes data loaded without events', async () => {
    const em = orm.em.fork() as EntityManager;
    expect(await loadDemoData(em)).toBe(true);
    // the demo rows arrived without events and cleared the record of the built indexes
    expect(await t.sql('select * from search_index_state')).toEqual([]);
    expect(await found('宁乡花猪')).toEqual([]);
    expect(await indexer.rebuildStale()).toEqual(['postgres']);
    expect((await found('宁乡花猪')).length).toBe(1);
    expect(await indexer.rebuildStale()).toEqual([]); // built with the current rules: nothing to do
    await t.sql(`update search_index_state set analysis = 'older-rules'`);
    expect(await indexer.rebuildStale()).toEqual(['postgres']);
  });

  it('keeps answering when the database ends its search connections', async () => {
    const id = await createListing(t, owner, orgId, { title: '安化黑茶 断线 重连' });
    await eventually(() => found('断线 重连'), (ids) => ids.includes(id));
    // the SQL searches (the resident copy answers most, SQL whenever the copy is not current)
    const postgres = t.app.get(PostgresSearchEngine);
    const inSql = () => postgres.searchInDatabase({ text: '断线 重连', units: queryUnits('断线 重连'), filters: { countyCodes: [], certifications: [], povertyOnly: false, inStockOnly: false }, sort: 'RELEVANCE', offset: 0, limit: 20 });
    expect((await inSql()).ids).toContain(id);
    const ended = await t.sql<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'xiangnong-search' and datname = current_database()`,
    );
    expect(ended[0]!.n).toBeGreaterThan(0);
    // the process is still up, and the next searches get new connections
    expect((await eventually(() => inSql().catch(() => ({ ids: [] as string[] })), (r) => r.ids.includes(id))).ids).toContain(id);
    expect(await found('断线 重连')).toContain(id);
  });

  it('refreshes the suggestion words only when the documents changed', async () => {
    const terms = t.app.get(SearchTerms);
    await terms.refresh({ force: true });
    expect(await terms.refresh()).toBe(false);
    await createListing(t, owner, orgId, { title: '君山银针 新茶 上市' });
    const refreshed = await eventually(() => terms.suggest('junshan'), (s) => s.some((w) => w.text === '君山银针'));
    expect(refreshed.map((w) => w.text)).toContain('君山银针');
  });
});
