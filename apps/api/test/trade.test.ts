import { chinaToday } from '@xiangnong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { count, createListing, createOrganisation, makeAdmin, teaCategoryId, verify, type Session } from './fixtures';
import { sellerWithListing, signUp } from './ordering-fixtures';
import { until } from './waiting';

const inDays = (n: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const POST = `mutation($input: PostPurchaseRequestInput!) { postPurchaseRequest(input: $input) { id status title } }`;
const QUOTE = `mutation($input: QuoteRequestInput!) { quotePurchaseRequest(input: $input) { id status unitPriceFen } }`;

describe('purchase requests (求购) and quotes', () => {
  let t: TestApp;
  let admin: Session;
  let buyer: Session;
  let buyerOrg: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeAdmin(t);
    buyer = await signUp(t, '食堂采购');
    buyerOrg = await createOrganisation(t, buyer, { name: '长沙某高校食堂', kind: 'BUYER', countyCode: '430102' });
    await verify(t, admin, buyerOrg);
  });
  afterAll(() => t.close());

  const request = async (overrides: Record<string, unknown> = {}) =>
    t.gql(POST, { input: { organisationId: buyerOrg, channelCode: 'tea', categoryId: await teaCategoryId(t), title: '求购安化黑茶 200 斤', quantity: 200, unit: 'JIN', maxPriceFen: 10_000, deliveryCountyCode: '430923', neededBy: inDays(10), ...overrides } }, buyer.token);

  it('lets a verified buyer post, refuses bad requests and non-buyers, and shows open requests on the board', async () => {
    const before = await count(t, 'purchase_request');
    for (const bad of [{ quantity: 0 }, { minPriceFen: 500, maxPriceFen: 400 }, { neededBy: '2020-01-01' }, { validUntil: inDays(200) }, { title: '茶' }]) {
      expect((await request(bad)).errors?.[0]?.extensions.code, JSON.stringify(bad)).toBe('trade/request-invalid');
    }
    const seller = await sellerWithListing(t, admin, { stock: 10 });
    const bySeller = await t.gql(POST, { input: { organisationId: seller.orgId, channelCode: 'tea', title: '冒充采购方', quantity: 1, unit: 'JIN', deliveryCountyCode: '430923', neededBy: inDays(1) } }, seller.owner.token);
    expect(bySeller.errors?.[0]?.extensions.code).toBe('trade/not-buyer');
    expect(await count(t, 'purchase_request')).toBe(before);
    const posted = await request();
    expect(posted.data!.postPurchaseRequest).toMatchObject({ status: 'OPEN', title: '求购安化黑茶 200 斤' });
    const board = await t.gql(`query { purchaseRequests(channel: "tea") { nodes { id title } } }`);
    expect(board.data!.purchaseRequests.nodes.map((r: { id: string }) => r.id)).toContain(posted.data!.postPurchaseRequest.id);
    // searchable: words of the title, the commodity, the delivery county or prefecture
    const other = (await request({ title: '求购 100% 黑毛茶_散装', deliveryCountyCode: '431224' })).data!.postPurchaseRequest;
    const find = async (args: string) => {
      const found = await t.gql(`query { purchaseRequests(channel: "tea", ${args}) { nodes { id } } }`);
      return found.errors?.[0]?.extensions.code ?? found.data!.purchaseRequests.nodes.map((r: { id: string }) => r.id);
    };
    expect(await find('q: "安化黑茶"')).toEqual([posted.data!.postPurchaseRequest.id]);
    expect(await find('q: "100%"')).toEqual([other.id]);
    expect(await find('q: "_"')).toEqual([other.id]);
    expect(await find('commodity: "anhua-dark-tea"')).toEqual(expect.arrayContaining([posted.data!.postPurchaseRequest.id, other.id]));
    expect(await find('commodity: "live-hog"')).toEqual([]);
    expect(await find('countyCode: "431224"')).toEqual([other.id]);
    expect(await find('prefectureCode: "430900"')).toEqual([posted.data!.postPurchaseRequest.id]);
    expect(await find('commodity: "durian"')).toBe('market/commodity-unknown');
    expect(await find('prefectureCode: "999999"')).toBe('geo/county-unknown');
    expect(await find(`q: "${'茶'.repeat(200)}"`)).toBe('catalog/query-too-long');
  });

  it('suggests fitting listings, tells their sellers, takes quotes and lets the buyer accept one, once', async () => {
    const near = await sellerWithListing(t, admin, { stock: 500, originCountyCode: '430923' }); // 98 元/斤, in 安化
    const far = await sellerWithListing(t, admin, { stock: 500, originCountyCode: '433126', priceTiers: [{ minQuantity: 1, unitPriceFen: 20_000 }] });
    const posted = (await request()).data!.postPurchaseRequest;
    const suggestions = await t.gql(`query($id: ID!) { purchaseRequest(id: $id) { suggestions { listingId reasons } } }`, { id: posted.id });
    const ranked = suggestions.data!.purchaseRequest.suggestions;
    expect(ranked[0]).toEqual({ listingId: near.listingId, reasons: ['price', 'stock', 'county', 'certified'] });
    expect(ranked.find((s: { listingId: string }) => s.listingId === far.listingId).reasons).not.toContain('price');
    await until('the fitting seller to be told', async () => (await t.sql(`select 1 from notification where user_id = $1 and kind = 'trade-match'`, [near.owner.userId])).length > 0);

    const quote = (seller: typeof near, price: number) =>
      t.gql(QUOTE, { input: { requestId: posted.id, organisationId: seller.orgId, unitPriceFen: price, quantity: 200, deliveryDate: inDays(5), listingId: seller.listingId, note: '可开发票' } }, seller.owner.token);
    expect((await quote(near, 9500)).data!.quotePurchaseRequest).toMatchObject({ status: 'PENDING', unitPriceFen: 9500 });
    expect((await quote(near, 9300)).data!.quotePurchaseRequest.unitPriceFen).toBe(9300); // changed while pending: still one quote
    const farQuote = (await quote(far, 19_000)).data!.quotePurchaseRequest;
    expect((await t.gql(QUOTE, { input: { requestId: posted.id, organisationId: near.orgId, unitPriceFen: 0, quantity: 1, deliveryDate: inDays(1) } }, near.owner.token)).errors?.[0]?.extensions.code).toBe('trade/quote-invalid');
    // the buyer sees both, each seller only its own, others none
    const seen = async (token?: string) => ((await t.gql(`query($id: ID!) { purchaseRequest(id: $id) { quotes { sellerId unitPriceFen } } }`, { id: posted.id }, token)).data!.purchaseRequest.quotes as { sellerId: string }[]).map((q) => q.sellerId);
    expect((await seen(buyer.token)).sort()).toEqual([near.orgId, far.orgId].sort());
    expect(await seen(far.owner.token)).toEqual([far.orgId]);
    expect(await seen()).toEqual([]);
    await until('the buyer to be told of quotes', async () => (await t.sql(`select 1 from notification where user_id = $1 and kind = 'trade-quote'`, [buyer.userId])).length > 0);

    const nearQuoteId = (await t.sql<{ id: string }>(`select id from request_quote where request_id = $1 and seller_id = $2`, [posted.id, near.orgId]))[0]!.id;
    expect((await t.gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { status } }`, { q: nearQuoteId }, far.owner.token)).errors?.[0]?.extensions.code).toBe('trade/quote-not-found');
    const [first, second] = await Promise.all([
      t.gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { status } }`, { q: nearQuoteId }, buyer.token),
      t.gql(`mutation($q: ID!) { acceptQuote(quoteId: $q) { status } }`, { q: farQuote.id }, buyer.token),
    ]);
    const outcomes = [first, second].map((r) => r.data?.acceptQuote?.status ?? r.errors?.[0]?.extensions.code).sort();
    expect(outcomes).toEqual(['ACCEPTED', 'trade/request-closed']);
    // whichever acceptance came first won; the other quote was declined with the request's closing
    const nearOne = { quoteId: nearQuoteId, seller: near, priceFen: 9300 };
    const farOne = { quoteId: farQuote.id as string, seller: far, priceFen: 19_000 };
    const [won, lost] = first.data?.acceptQuote ? [nearOne, farOne] : [farOne, nearOne];
    const statuses = await t.sql<{ id: string; status: string }>(`select id, status from request_quote where request_id = $1`, [posted.id]);
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [won.quoteId]: 'ACCEPTED', [lost.quoteId]: 'DECLINED' });
    expect((await t.gql(`query($id: ID!) { purchaseRequest(id: $id) { status } }`, { id: posted.id })).data!.purchaseRequest.status).toBe('FULFILLED');
    expect((await quote(near, 9000)).errors?.[0]?.extensions.code).toBe('trade/request-closed');

    // the accepted quote becomes an order at the agreed price, once
    const checkout = ({ quoteId, seller }: typeof nearOne, quantity: number, key: string) =>
      t.gql(
        `mutation($input: CheckoutInput!) { placeCheckout(input: $input) { orders { goodsFen sellerId } } }`,
        { input: { idempotencyKey: key, paymentMethod: 'CASH_ON_DELIVERY', delivery: { countyCode: '430923', address: '江南镇', recipientName: '食堂', recipientPhone: '13912340000' }, lines: [{ listingId: seller.listingId, quantity, quoteId }] } },
        buyer.token,
      );
    expect((await checkout(won, 201, 'quote-order-too-many')).errors?.[0]?.extensions.code).toBe('ordering/quantity-invalid');
    expect((await checkout(lost, 1, 'quote-order-declined')).errors?.[0]?.extensions.code).toBe('trade/quote-not-orderable');
    const ordered = await checkout(won, 200, 'quote-order-1');
    expect(ordered.data!.placeCheckout.orders).toEqual([{ goodsFen: 200 * won.priceFen, sellerId: won.seller.orgId }]);
    expect((await checkout(won, 200, 'quote-order-2')).errors?.[0]?.extensions.code).toBe('trade/quote-not-orderable');
    const [stock] = await t.sql<{ stock: number }>('select stock from listing where id = $1', [won.seller.listingId]);
    expect(stock!.stock).toBe(300);
  });

  it('tells a buyer when a new listing fits an open request', async () => {
    await request({ title: '求购黑茶 天尖', categoryId: await teaCategoryId(t, 'dark-tea') });
    const seller = await signUp(t, '新卖家');
    const orgId = await createOrganisation(t, seller, { name: '安化县新茶合作社' });
    await verify(t, admin, orgId);
    const before = (await t.sql(`select 1 from notification where user_id = $1 and kind = 'trade-match'`, [buyer.userId])).length;
    await createListing(t, seller, orgId, { categoryId: await teaCategoryId(t, 'tianjian') });
    await until('the buyer to hear of the listing', async () => (await t.sql(`select 1 from notification where user_id = $1 and kind = 'trade-match'`, [buyer.userId])).length > before);
  });
});

describe('supply and demand by week', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('adds up public listings’ stock and open requests of the commodity’s category, in kg, week by week', async () => {
    const admin = await makeAdmin(t);
    const seller = await sellerWithListing(t, admin, { stock: 300, categoryId: await teaCategoryId(t, 'qianliang') }); // 斤: 150 kg
    await createListing(t, seller.owner, seller.orgId, { stock: 40, unit: 'KG', categoryId: await teaCategoryId(t, 'fuzhuan') }); // 40 kg
    await createListing(t, seller.owner, seller.orgId, { stock: 999, unit: 'BOX', categoryId: await teaCategoryId(t, 'tianjian') }); // by count: left out
    await createListing(t, seller.owner, seller.orgId, { stock: 500, categoryId: await teaCategoryId(t, 'green-tea') }); // another commodity
    const buyer = await signUp(t);
    const org = await createOrganisation(t, buyer, { name: '采购方', kind: 'BUYER' });
    await verify(t, admin, org);
    await t.gql(POST, { input: { organisationId: org, channelCode: 'tea', categoryId: await teaCategoryId(t, 'dark-tea'), title: '求购黑茶 一吨', quantity: 1, unit: 'TONNE', deliveryCountyCode: '430102', neededBy: inDays(20) } }, buyer.token);
    const weeks = (await t.gql(`query { supplyDemand(commodity: "anhua-dark-tea", weeks: 4) { week supplyKg demandKg } }`)).data!.supplyDemand;
    expect(weeks).toHaveLength(4);
    expect(weeks[3]).toMatchObject({ supplyKg: 190, demandKg: 1000 });
    expect(weeks.slice(0, 3).every((w: { supplyKg: number }) => w.supplyKg === 0)).toBe(true); // nothing was listed in the weeks before
    expect((await t.gql(`query { supplyDemand(commodity: "durian") { week } }`)).errors?.[0]?.extensions.code).toBe('market/commodity-unknown');
  });
});
