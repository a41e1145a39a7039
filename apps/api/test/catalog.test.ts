import { MikroORM, type PostgreSqlConnection } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { count, createListing, createOrganisation, makeAdmin, signUp, teaListingInput, verify, type Session } from './fixtures';

const CREATE = `mutation($input: CreateListingInput!) { createListing(input: $input) { id status } }`;
const PAGE = `query($channel: String!, $first: Int, $after: String, $povertyOnly: Boolean) {
  listings(channel: $channel, first: $first, after: $after, povertyOnly: $povertyOnly) {
    nodes { id title pricePerKgFen isPovertyProduct seller { name } originCounty { name } category { nameZh } channel { nameZh } }
    pageInfo { hasNextPage endCursor }
  } }`;

describe('listings', () => {
  let t: TestApp;
  let owner: Session;
  let admin: Session;
  let orgId: string;

  beforeAll(async () => {
    // a web-only instance: no job runner issuing statements in the background of the query count below
    t = await startTestApp({ jobConcurrency: 0 });
    owner = await signUp(t);
    admin = await makeAdmin(t);
    orgId = await createOrganisation(t, owner);
  });
  afterAll(() => t.close());

  it('creates a tea listing with per-kg prices and the 扶贫产品 mark, public only once the seller is verified', async () => {
    const id = await createListing(t, owner, orgId, { title: '安化黑茶 验证前后' });
    const DETAIL = `query($id: ID!) { listing(id: $id) { title status isPovertyProduct pricePerKgFen unitInfo { nameZh } priceTiers { minQuantity unitPriceFen pricePerKgFen } attributes originCounty { name } } }`;
    const hidden = await t.gql(DETAIL, { id });
    expect(hidden.errors![0]!.extensions.code).toBe('catalog/listing-not-found');
    const ownView = await t.gql(DETAIL, { id }, owner.token);
    expect(ownView.data!.listing).toMatchObject({
      status: 'ACTIVE',
      isPovertyProduct: true,
      pricePerKgFen: 19600,
      unitInfo: { nameZh: '斤' },
      priceTiers: [
        { minQuantity: 1, unitPriceFen: 9800, pricePerKgFen: 19600 },
        { minQuantity: 20, unitPriceFen: 8800, pricePerKgFen: 17600 },
      ],
      originCounty: { name: '安化县' },
    });
    await verify(t, admin, orgId);
    const visible = await t.gql(DETAIL, { id });
    expect(visible.data!.listing.attributes).toEqual({ teaType: 'dark', grade: 'one-bud-one-leaf', productionYear: 2024, harvestSeason: 'yuqian' });
    const page = await t.gql(PAGE, { channel: 'tea', first: 50 });
    expect(page.data!.listings.nodes.map((n: { id: string }) => n.id)).toContain(id);
  });

  it.each([
    ['attributes outside the schema', { attributes: { teaType: 'purple', productionYear: 2024 } }, 'catalog/attributes-invalid'],
    ['a missing required attribute', { attributes: { teaType: 'dark' } }, 'catalog/attributes-invalid'],
    ['an unknown attribute', { attributes: { teaType: 'dark', productionYear: 2024, colour: 'red' } }, 'catalog/attributes-invalid'],
    ['a zero price', { priceTiers: [{ minQuantity: 1, unitPriceFen: 0 }] }, 'catalog/price-tiers-invalid'],
    ['a negative price', { priceTiers: [{ minQuantity: 1, unitPriceFen: -100 }] }, 'catalog/price-tiers-invalid'],
    ['tiers out of order', { priceTiers: [{ minQuantity: 20, unitPriceFen: 8800 }, { minQuantity: 1, unitPriceFen: 9800 }] }, 'catalog/price-tiers-invalid'],
    ['a negative stock', { stock: -1 }, 'catalog/stock-invalid'],
    ['a zero minimum order', { minOrderQuantity: 0 }, 'catalog/quantity-invalid'],
    ['an unknown county', { originCountyCode: '999999' }, 'geo/county-unknown'],
    ['an unknown unit', { unit: 'BUSHEL' }, 'catalog/unit-unknown'],
    ['a category of another channel', { categoryId: '1' }, 'catalog/category-unknown'],
    ['an unknown certification', { certifications: ['MADE_UP'] }, 'catalog/certification-unknown'],
    ['a too short title', { title: '黑茶' }, 'catalog/title-invalid'],
    ['an unknown channel', { channelCode: 'coffee' }, 'catalog/channel-unknown'],
  ])('refuses %s and writes nothing', async (_label, patch, code) => {
    const before = await count(t, 'listing');
    const res = await t.gql(CREATE, { input: await teaListingInput(t, orgId, patch) }, owner.token);
    expect(res.errors![0]!.extensions.code).toBe(code);
    expect(res.errors![0]!.extensions.messageZh).toBeTruthy();
    expect(res.errors![0]!.extensions.messageEn).toBeTruthy();
    expect(await count(t, 'listing')).toBe(before);
  });

  it('refuses a non-integer price at the GraphQL layer with a typed error', async () => {
    const res = await t.gql(CREATE, { input: await teaListingInput(t, orgId, { priceTiers: [{ minQuantity: 1, unitPriceFen: 12.5 }] }) }, owner.token);
    expect(res.errors![0]!.extensions.code).toBe('request/invalid');
  });

  it('a page returns every field it asks for, also through fragments, and only fetches those', async () => {
    const id = await createListing(t, owner, orgId, { title: '安化黑茶 全字段', description: '全字段描述' });
    const res = await t.gql(
      `query { listings(channel: "tea", first: 100) { nodes { id ...Full seller { name ...SellerFull } } } }
       fragment Full on Listing { description attributes certifications priceTiers { unitPriceFen } images { url } createdAt }
       fragment SellerFull on Organisation { description verifiedAt createdAt uscc }`,
      {},
      owner.token,
    );
    expect(res.errors).toBeUndefined();
    const node = res.data!.listings.nodes.find((n: { id: string }) => n.id === id);
    expect(node).toMatchObject({
      description: '全字段描述',
      attributes: { teaType: 'dark' },
      certifications: ['GEO_INDICATION'],
      priceTiers: [{ unitPriceFen: 9800 }, { unitPriceFen: 8800 }],
      images: [],
      seller: { name: '安化县测试黑茶合作社', uscc: expect.stringMatching(/^93430923MA/) },
    });
    expect(node.seller.verifiedAt).toBeTruthy();
    expect(node.seller.createdAt).toBeTruthy();
  });

  it('pauses, resumes and archives; sold out follows stock', async () => {
    const id = await createListing(t, owner, orgId, { title: '安化黑茶 状态测试', stock: 3 });
    const SET = `mutation($id: ID!, $s: ListingStatus!) { setListingStatus(id: $id, status: $s) { status } }`;
    expect((await t.gql(SET, { id, s: 'PAUSED' }, owner.token)).data!.setListingStatus.status).toBe('PAUSED');
    expect((await t.gql(SET, { id, s: 'ACTIVE' }, owner.token)).data!.setListingStatus.status).toBe('ACTIVE');
    const UPDATE = `mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { status stock } }`;
    expect((await t.gql(UPDATE, { id, input: { stock: 0 } }, owner.token)).data!.updateListing).toEqual({ status: 'SOLD_OUT', stock: 0 });
    expect((await t.gql(UPDATE, { id, input: { stock: 7 } }, owner.token)).data!.updateListing).toEqual({ status: 'ACTIVE', stock: 7 });
    expect((await t.gql(SET, { id, s: 'ARCHIVED' }, owner.token)).data!.setListingStatus.status).toBe('ARCHIVED');
    expect((await t.gql(SET, { id, s: 'ACTIVE' }, owner.token)).errors![0]!.extensions.code).toBe('catalog/status-transition');
  });

  it('paginates with cursors, caps the page size and rejects forged cursors', async () => {
    for (let i = 0; i < 5; i++) await createListing(t, owner, orgId, { title: `安化黑茶 分页 ${i}` });
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const res = await t.gql(PAGE, { channel: 'tea', first: 2, after });
      seen.push(...res.data!.listings.nodes.map((n: { id: string }) => n.id));
      after = res.data!.listings.pageInfo.hasNextPage ? res.data!.listings.pageInfo.endCursor : undefined;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await t.sql<{ n: string }>(`select count(*) as n from listing where channel_code = 'tea' and status in ('ACTIVE','SOLD_OUT')`);
    expect(seen.length).toBe(Number(all[0]!.n));
    expect((await t.gql(PAGE, { channel: 'tea', first: 500 })).errors![0]!.extensions.code).toBe('request/page-size');
    expect((await t.gql(PAGE, { channel: 'tea', after: 'bm9wZQ' })).errors![0]!.extensions.code).toBe('input/invalid-cursor');
  });

  it('filters 扶贫产品 by origin county', async () => {
    const richOrg = await createOrganisation(t, owner, { countyCode: '430102', name: '长沙芙蓉茶业公司', kind: 'ENTERPRISE' });
    await verify(t, admin, richOrg);
    const cityId = await createListing(t, owner, richOrg, { title: '长沙 城区 绿茶', originCountyCode: '430102' });
    const res = await t.gql(PAGE, { channel: 'tea', first: 100, povertyOnly: true });
    const nodes = res.data!.listings.nodes as { id: string; isPovertyProduct: boolean }[];
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.isPovertyProduct)).toBe(true);
    expect(nodes.map((n) => n.id)).not.toContain(cityId);
  });

  it('loads a page of 50 listings with seller, county and category in a constant number of queries', async () => {
    const sellers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await signUp(t);
      const org = await createOrganisation(t, s, { name: `第${i}茶叶合作社` });
      await verify(t, admin, org);
      sellers.push(org);
      for (let j = 0; j < 11; j++) await createListing(t, s, org, { title: `安化黑茶 批量 ${i}-${j}` });
    }
    // Count every statement sent by the API's PostgreSQL clients, whichever layer sends it.
    const knex = (t.app.get(MikroORM).em.getConnection() as PostgreSqlConnection).getKnex();
    const probe = await knex.client.acquireConnection();
    const clientPrototype = Object.getPrototypeOf(probe) as { query: (...args: unknown[]) => unknown };
    await knex.client.releaseConnection(probe);
    const originalQuery = clientPrototype.query;
    const queries: string[] = [];
    clientPrototype.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      queries.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return originalQuery.apply(this, args);
    };
    try {
      const small = await t.gql(PAGE, { channel: 'tea', first: 5 });
      const smallCount = queries.length;
      queries.length = 0;
      const big = await t.gql(PAGE, { channel: 'tea', first: 50 });
      expect(small.errors).toBeUndefined();
      expect(big.errors).toBeUndefined();
      expect(big.data!.listings.nodes).toHaveLength(50);
      expect(new Set(big.data!.listings.nodes.map((n: { seller: { name: string } }) => n.seller.name)).size).toBeGreaterThan(3);
      // listings with their sellers and images, then categories and channels: one query each, whatever the page size
      expect(queries.length).toBeGreaterThan(0);
      expect(queries).toHaveLength(3);
      expect(queries.length).toBe(smallCount);
    } finally {
      clientPrototype.query = originalQuery;
    }
  });
});

describe('channels are data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an admin adds a sixth channel and sellers list in it with schema validation, no code change', async () => {
    const admin = await makeAdmin(t);
    const owner = await signUp(t);
    const orgId = await createOrganisation(t, owner, { countyCode: '433130', name: '龙山县百合专业合作社' });
    await verify(t, admin, orgId);
    const created = await t.gql(
      `mutation($input: CreateChannelInput!) { createChannel(input: $input) { code nameZh categories { id slug parentId } } }`,
      {
        input: {
          code: 'herb',
          nameZh: '药材网',
          nameEn: 'Herbs',
          attributeSchema: {
            attributes: [
              { key: 'herb', labelZh: '品名', labelEn: 'Herb', type: 'enum', required: true, options: [{ value: 'lily', labelZh: '百合', labelEn: 'Lily bulb' }] },
              { key: 'moisture', labelZh: '含水量', labelEn: 'Moisture', type: 'decimal', min: 0, max: 100, unitLabel: '%' },
            ],
          },
          categories: [{ slug: 'bulbs', nameZh: '鳞茎类', nameEn: 'Bulbs', children: [{ slug: 'lily', nameZh: '百合', nameEn: 'Lily' }] }],
        },
      },
      admin.token,
    );
    expect(created.errors).toBeUndefined();
    const [bulbs, lily] = created.data!.createChannel.categories;
    expect(lily.parentId).toBe(bulbs.id);
    const categoryId = lily.id;
    const base = { organisationId: orgId, channelCode: 'herb', categoryId, title: '龙山百合 干片 一级', originCountyCode: '433130', unit: 'KG', priceTiers: [{ minQuantity: 10, unitPriceFen: 6000 }], minOrderQuantity: 10, stock: 1000, publish: true };
    const bad = await t.gql(CREATE, { input: { ...base, attributes: { herb: 'lily', moisture: 140 } } }, owner.token);
    expect(bad.errors![0]!.extensions.code).toBe('catalog/attributes-invalid');
    expect(bad.errors![0]!.extensions.details.issues).toEqual([{ key: 'moisture', reason: 'range' }]);
    const ok = await t.gql(CREATE, { input: { ...base, attributes: { herb: 'lily', moisture: 11.5 } } }, owner.token);
    expect(ok.errors).toBeUndefined();
    const page = await t.gql(PAGE, { channel: 'herb', first: 10 });
    expect(page.data!.listings.nodes).toHaveLength(1);
    // filtering by the parent category finds listings of its children
    const byParent = await t.gql(`query($c: ID) { listings(channel: "herb", categoryId: $c) { nodes { id } } }`, { c: bulbs.id });
    expect(byParent.data!.listings.nodes).toHaveLength(1);
    expect(page.data!.listings.nodes[0].isPovertyProduct).toBe(true);
  });

  it('refuses malformed channel schemas and non-admins', async () => {
    const admin = await makeAdmin(t);
    const user = await signUp(t);
    const input = { code: 'bad', nameZh: '坏', nameEn: 'Bad', attributeSchema: { attributes: [{ key: 'x', type: 'float' }] }, categories: [{ slug: 'a', nameZh: '甲', nameEn: 'A' }] };
    const M = `mutation($input: CreateChannelInput!) { createChannel(input: $input) { code } }`;
    expect((await t.gql(M, { input }, admin.token)).errors![0]!.extensions.code).toBe('catalog/schema-invalid');
    expect((await t.gql(M, { input }, user.token)).errors![0]!.extensions.code).toBe('auth/forbidden');
    expect(await t.sql(`select 1 from channel where code = 'bad'`)).toHaveLength(0);
  });
});
