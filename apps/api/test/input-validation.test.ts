import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { count, createListing, createOrganisation, makeAdmin, signUp, teaCategoryId, teaListingInput, uscc, verify, type Session } from './fixtures';

const NUL = '\u0000';
const TABLES = ['app_user', 'organisation', 'membership', 'channel', 'category', 'listing', 'listing_image', 'refresh_token'];

/** A cursor in the old, unchecked shape whose date PostgreSQL cannot read. */
const BAD_DATE_CURSOR = Buffer.from(JSON.stringify(['2026-13-45T99:00:00.000Z', '4f7a1c52-3a63-4d3e-9d0b-2f1f7d0c9e11'])).toString('base64url');
/** A cursor of today's shape whose id is not an id. */
const BAD_ID_CURSOR = Buffer.from(JSON.stringify([1, '2026-11-30T08:00:00.000Z', "x' or 1=1 --"])).toString('base64url');

interface World {
  owner: Session;
  admin: Session;
  orgId: string;
  listingId: string;
}

type Probe = [name: string, code: string, run: (t: TestApp, w: World) => Promise<{ status: number; errors?: { extensions: { code: string } }[] }>];

const listingInput = async (t: TestApp, w: World, patch: Record<string, unknown>) => ({ ...(await teaListingInput(t, w.orgId)), ...patch });
const CREATE_LISTING = `mutation($input: CreateListingInput!) { createListing(input: $input) { id } }`;
const UPDATE_LISTING = `mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id } }`;
const CREATE_ORG = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const CREATE_CHANNEL = `mutation($input: CreateChannelInput!) { createChannel(input: $input) { code } }`;
const channelInput = (patch: Record<string, unknown>) => ({
  code: 'herbs',
  nameZh: '药材网',
  nameEn: 'Herbs',
  attributeSchema: { attributes: [{ key: 'kind', labelZh: '类', labelEn: 'Kind', type: 'text' }] },
  categories: [{ slug: 'roots', nameZh: '根茎类', nameEn: 'Roots' }],
  ...patch,
});

/** A raw GraphQL POST, for bodies that JSON.stringify cannot build (it recurses too). */
async function raw(t: TestApp, payload: string, token?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload,
  });
  return { status: res.statusCode, errors: (res.json() as { errors?: { extensions: { code: string } }[] }).errors };
}

const nestedJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Every kind of value that used to reach PostgreSQL unchecked, asked anonymously where the API allows it. */
const PROBES: Probe[] = [
  ['NUL in the search words', 'input/invalid-text', (t) => t.gql(`query($q: String) { listings(channel: "tea", q: $q) { nodes { id } } }`, { q: `茶${NUL}` })],
  ['NUL in the channel filter', 'input/invalid-text', (t) => t.gql(`query($c: String) { listings(channel: $c) { nodes { id } } }`, { c: `tea${NUL}` })],
  ['NUL in the county filter', 'input/invalid-text', (t) => t.gql(`query($c: String) { listings(channel: "tea", countyCode: $c) { nodes { id } } }`, { c: `430923${NUL}` })],
  ['NUL written as an escape in the query', 'input/invalid-text', (t) => t.gql(`{ channel(code: "tea\\u0000") { code } }`)],
  ['NUL in a login phone', 'input/invalid-text', (t) => t.gql(`mutation($p: String!) { logIn(input: { phone: $p, password: "whatever-1" }) { accessToken } }`, { p: `1380000${NUL}000` })],
  ['NUL in a sign-up name', 'input/invalid-text', (t) => t.gql(`mutation($n: String!) { signUp(input: { phone: "13712340000", password: "tea-garden-2026", displayName: $n }) { accessToken } }`, { n: `李${NUL}` })],
  ['NUL in an organisation name', 'input/invalid-text', (t, w) => t.gql(CREATE_ORG, { input: { name: `合作社${NUL}名`, kind: 'COOPERATIVE', uscc: uscc(), countyCode: '430923' } }, w.owner.token)],
  ['NUL in an organisation description', 'input/invalid-text', (t, w) => t.gql(`mutation($id: ID!, $d: String) { updateOrganisation(id: $id, input: { description: $d }) { id } }`, { id: w.orgId, d: `简介${NUL}` }, w.owner.token)],
  ['NUL in a listing title', 'input/invalid-text', async (t, w) => t.gql(CREATE_LISTING, { input: await listingInput(t, w, { title: `安化黑茶${NUL}天尖` }) }, w.owner.token)],
  ['NUL in a listing description', 'input/invalid-text', (t, w) => t.gql(UPDATE_LISTING, { id: w.listingId, input: { description: `好茶${NUL}` } }, w.owner.token)],
  ['NUL in a text attribute', 'input/invalid-text', (t, w) => t.gql(UPDATE_LISTING, { id: w.listingId, input: { attributes: { teaType: 'dark', productionYear: 2024, grade: `a${NUL}` } } }, w.owner.token)],
  ['NUL in a category name', 'input/invalid-text', (t, w) => t.gql(CREATE_CHANNEL, { input: channelInput({ categories: [{ slug: 'roots', nameZh: `根${NUL}`, nameEn: 'Roots' }] }) }, w.admin.token)],
  ['a line break in a title', 'input/invalid-text', async (t, w) => t.gql(CREATE_LISTING, { input: await listingInput(t, w, { title: '安化黑茶\n天尖' }) }, w.owner.token)],
  ['a cursor with an impossible date', 'input/invalid-cursor', (t) => t.gql(`query($a: String) { listings(channel: "tea", after: $a) { nodes { id } } }`, { a: BAD_DATE_CURSOR })],
  ['a cursor with a bad id', 'input/invalid-cursor', (t) => t.gql(`query($a: String) { listings(channel: "tea", after: $a) { nodes { id } } }`, { a: BAD_ID_CURSOR })],
  ['a bad cursor for organisation listings', 'input/invalid-cursor', (t, w) => t.gql(`query($o: ID!, $a: String) { organisationListings(organisationId: $o, after: $a) { nodes { id } } }`, { o: w.orgId, a: BAD_DATE_CURSOR }, w.owner.token)],
  ['a bad cursor for the verification queue', 'input/invalid-cursor', (t, w) => t.gql(`query($a: String) { pendingOrganisations(after: $a) { nodes { id } } }`, { a: BAD_DATE_CURSOR }, w.admin.token)],
  ['a category id past integer range', 'catalog/category-unknown', (t) => t.gql(`{ listings(channel: "tea", categoryId: "2147483648") { nodes { id } } }`)],
  ['a category id of 23 digits', 'catalog/category-unknown', (t) => t.gql(`{ listings(channel: "tea", categoryId: "99999999999999999999999") { nodes { id } } }`)],
  ['a listing in a category past integer range', 'catalog/category-unknown', async (t, w) => t.gql(CREATE_LISTING, { input: await listingInput(t, w, { categoryId: '2147483648' }) }, w.owner.token)],
  ['a category name longer than its limit', 'catalog/category-name-invalid', (t, w) => t.gql(CREATE_CHANNEL, { input: channelInput({ categories: [{ slug: 'roots', nameZh: '根'.repeat(36), nameEn: 'Roots' }] }) }, w.admin.token)],
  ['a channel sort order past smallint', 'catalog/schema-invalid', (t, w) => t.gql(CREATE_CHANNEL, { input: channelInput({ sortOrder: 40_000 }) }, w.admin.token)],
  ['categories nested three deep', 'catalog/schema-invalid', (t, w) => t.gql(CREATE_CHANNEL, { input: channelInput({ categories: [{ slug: 'a', nameZh: '甲', nameEn: 'A', children: [{ slug: 'b', nameZh: '乙', nameEn: 'B', children: [{ slug: 'c', nameZh: '丙', nameEn: 'C' }] }] }] }) }, w.admin.token)],
  ['variables nested 4,500 deep, anonymously', 'input/too-large', (t) => raw(t, `{"query":"{ __typename }","variables":{"x":${nestedJson(4500)}}}`)],
  ['attributes nested 20,000 deep as a variable, anonymously', 'input/too-large', (t, w) => raw(t, `{"query":"mutation($a: JSON) { updateListing(id: \\"${w.listingId}\\", input: { attributes: $a }) { id } }","variables":{"a":${nestedJson(20_000)}}}`)],
  ['attributes nested 20,000 deep in the query, anonymously', 'input/too-large', (t, w) => raw(t, JSON.stringify({ query: `mutation { updateListing(id: "${w.listingId}", input: { attributes: ${'{a:'.repeat(20_000)}1${'}'.repeat(20_000)} }) { id } }` }))],
];

describe('values that used to reach PostgreSQL unchecked', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    const owner = await signUp(t);
    const admin = await makeAdmin(t);
    const orgId = await createOrganisation(t, owner);
    await verify(t, admin, orgId);
    w = { owner, admin, orgId, listingId: await createListing(t, owner, orgId) };
  });
  afterAll(() => t.close());

  it.each(PROBES)('%s → %s, nothing written', async (_name, code, run) => {
    const before = await Promise.all(TABLES.map((table) => count(t, table)));
    const listingBefore = await t.sql('select title, description, attributes, updated_at from listing where id = $1', [w.listingId]);
    const res = await run(t, w);
    expect(res.errors?.[0]?.extensions.code).toBe(code);
    expect(res.status).toBeLessThan(500);
    expect(await Promise.all(TABLES.map((table) => count(t, table)))).toEqual(before);
    expect(await t.sql('select title, description, attributes, updated_at from listing where id = $1', [w.listingId])).toEqual(listingBefore);
  });
});

describe('limits a user can see and trust', () => {
  let t: TestApp;
  let owner: Session;
  let orgId: string;
  const CREATE = `mutation($input: CreateListingInput!) { createListing(input: $input) { id title } }`;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await signUp(t);
    orgId = await createOrganisation(t, owner);
  });
  afterAll(() => t.close());

  it('counts a title in characters as readers see them: 60 emoji fit, 61 do not', async () => {
    const fits = await t.gql(CREATE, { input: await teaListingInput(t, orgId, { title: '🍊'.repeat(60) }) }, owner.token);
    expect(fits.errors).toBeUndefined();
    expect(fits.data!.createListing.title).toBe('🍊'.repeat(60));
    const over = await t.gql(CREATE, { input: await teaListingInput(t, orgId, { title: '🍊'.repeat(61) }) }, owner.token);
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'catalog/title-invalid', details: { max: 60 } });
  });

  it('refuses an organisation description over its limit instead of cutting it', async () => {
    const UPDATE = `mutation($id: ID!, $d: String) { updateOrganisation(id: $id, input: { description: $d }) { description } }`;
    const over = await t.gql(UPDATE, { id: orgId, d: '茶'.repeat(2001) }, owner.token);
    expect(over.errors![0]!.extensions.code).toBe('org/description-invalid');
    const ok = await t.gql(UPDATE, { id: orgId, d: '茶'.repeat(2000) }, owner.token);
    expect(ok.data!.updateOrganisation.description).toHaveLength(2000);
    const created = await t.gql(CREATE_ORG, { input: { name: '长描述合作社', kind: 'COOPERATIVE', uscc: uscc(), countyCode: '430923', description: '茶'.repeat(2001) } }, owner.token);
    expect(created.errors![0]!.extensions.code).toBe('org/description-invalid');
  });

  it('takes at most ten price tiers', async () => {
    const tiers = (n: number) => Array.from({ length: n }, (_, i) => ({ minQuantity: i + 1, unitPriceFen: 10_000 - i }));
    expect((await t.gql(CREATE, { input: await teaListingInput(t, orgId, { priceTiers: tiers(10) }) }, owner.token)).errors).toBeUndefined();
    const eleven = await t.gql(CREATE, { input: await teaListingInput(t, orgId, { priceTiers: tiers(11) }) }, owner.token);
    expect(eleven.errors![0]!.extensions).toMatchObject({ code: 'catalog/price-tiers-invalid', details: { problem: 'tooMany' } });
    // thousands are refused at the edge, before anything reads them
    const thousands = await t.gql(CREATE, { input: await teaListingInput(t, orgId, { priceTiers: tiers(5000) }) }, owner.token);
    expect([thousands.status, thousands.errors![0]!.extensions.code]).toEqual([400, 'input/too-large']);
  });

  it('refuses stock that is there but below the minimum order; none at all is sold out', async () => {
    const below = await t.gql(CREATE, { input: await teaListingInput(t, orgId, { minOrderQuantity: 10, stock: 5, priceTiers: [{ minQuantity: 10, unitPriceFen: 9800 }] }) }, owner.token);
    expect(below.errors![0]!.extensions.code).toBe('catalog/stock-below-minimum');
    const soldOut = await t.gql(CREATE, { input: await teaListingInput(t, orgId, { minOrderQuantity: 10, stock: 0, priceTiers: [{ minQuantity: 10, unitPriceFen: 9800 }] }) }, owner.token);
    expect(soldOut.errors).toBeUndefined();
  });

  it('names the missing county instead of calling an empty one unknown', async () => {
    const res = await t.gql(CREATE_ORG, { input: { name: '无县合作社', kind: 'COOPERATIVE', uscc: uscc(), countyCode: '' } }, owner.token);
    expect(res.errors![0]!.extensions.code).toBe('geo/county-required');
  });

  it('stores names as composed text, so the same name typed two ways is the same', async () => {
    const id = await createOrganisation(t, owner, { name: 'Cafe\u0301 茶社' });
    const rows = await t.sql<{ name: string }>('select name from organisation where id = $1', [id]);
    expect(rows[0]!.name).toBe('Café 茶社');
    expect(await teaCategoryId(t)).toMatch(/^\d+$/);
  });
});
