import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { chinaToday } from '@xiangnong/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../src/modules/events/domain-events';
import { TradePrices } from '../src/modules/market/trade-prices';
import { startTestApp, type TestApp } from './harness';
import { createListing, type Session } from './fixtures';
import { checkInvariants, makeAdmin, place, sellerWithListing, signUp } from './ordering-fixtures';
import { until } from './waiting';

describe('trade prices from completed orders', () => {
  let t: TestApp;
  let admin: Session;
  let buyer: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeAdmin(t);
    buyer = await signUp(t, '采购方');
  });
  afterAll(async () => {
    await checkInvariants(t);
    await t.close();
  });

  /** Places, pays by transfer, ships, delivers and confirms one order of these lines. */
  async function completeOrder(seller: { owner: Session }, lines: { listingId: string; quantity: number }[]): Promise<string> {
    const placed = await place(t, buyer, { lines });
    expect(placed.errors).toBeUndefined();
    const id = placed.data!.placeCheckout.orders[0].id as string;
    const run = async (query: string, vars: Record<string, unknown>, token: string) => {
      const result = await t.gql(query, vars, token);
      expect(result.errors).toBeUndefined();
    };
    await run(`mutation($id: ID!) { confirmTransfer(orderId: $id, reference: "回单") { status } }`, { id }, seller.owner.token);
    await run(`mutation($input: ShipOrderInput!) { shipOrder(input: $input) { status } }`, { input: { orderId: id, ownDelivery: true } }, seller.owner.token);
    await run(`mutation($id: ID!) { markDelivered(orderId: $id) { status } }`, { id }, seller.owner.token);
    await run(`mutation($id: ID!) { confirmReceipt(orderId: $id) { status } }`, { id }, buyer.token);
    return id;
  }

  const tradeQuotes = () =>
    t.sql<{ county_code: string; unit: string; low_fen: number; avg_fen: number; high_fen: number; avg_per_kg_fen: number | null }>(
      `select o.county_code, o.unit, o.low_fen, o.avg_fen, o.high_fen, o.avg_per_kg_fen from market.price_observation o
         join commodity c on c.id = o.commodity_id where c.code = 'anhua-dark-tea' and o.source = 'TRADE' and o.observed_on = $1`,
      [chinaToday()],
    );
  const alertsOf = async (user: Session) => (await t.sql<{ title_zh: string }>(`select title_zh from notification where user_id = $1 and kind = 'price-alert'`, [user.userId])).map((r) => r.title_zh);

  it('makes the day’s quote of a commodity and county from its completed lines, weighted by weight, once per line, and alerts on it', async () => {
    const subscriber = await signUp(t, '茶价订阅');
    const subscribed = await t.gql(`mutation($input: SubscribePriceInput!) { subscribePrice(input: $input) { id } }`, { input: { commodity: 'anhua-dark-tea', kind: 'ABOVE', thresholdFen: 17000 } }, subscriber.token);
    expect(subscribed.errors).toBeUndefined();
    // 安化黑茶 sold by the 斤: 9,800 fen a 斤 below 20, 8,800 from 20 (19,600 and 17,600 per kg)
    const tea = await sellerWithListing(t, admin, { stock: 100 });
    // a listing sold by the box cannot be priced per kg: its trades are not quotes
    const boxes = await createListing(t, tea.owner, tea.orgId, { unit: 'BOX', title: '安化黑茶 礼盒', priceTiers: [{ minQuantity: 1, unitPriceFen: 30000 }] });
    await completeOrder(tea, [{ listingId: tea.listingId, quantity: 5 }, { listingId: boxes, quantity: 1 }]);
    await until('the first trade quote', async () => (await tradeQuotes()).length === 1);
    expect(await tradeQuotes()).toEqual([{ county_code: '430923', unit: 'KG', low_fen: 19600, avg_fen: 19600, high_fen: 19600, avg_per_kg_fen: 19600 }]);
    await until('the subscriber to be alerted', async () => (await alertsOf(subscriber)).length === 1);

    await completeOrder(tea, [{ listingId: tea.listingId, quantity: 20 }]);
    // (49,000 + 176,000) fen for 12.5 kg: 18,000 a kg
    await until('the quote to take the second order', async () => (await tradeQuotes())[0]?.avg_fen === 18000);
    expect(await tradeQuotes()).toEqual([{ county_code: '430923', unit: 'KG', low_fen: 17600, avg_fen: 18000, high_fen: 19600, avg_per_kg_fen: 18000 }]);
    expect(await t.sql(`select 1 from market.trade_line`)).toHaveLength(2);

    // a completion delivered again adds nothing
    const [stored] = await t.sql<StoredEvent<'order.completed'>>(`select id::text, type, aggregate, aggregate_id as "aggregateId", payload, created_at as "createdAt" from outbox where type = 'order.completed' order by id limit 1`);
    await t.app.get(MikroORM).em.fork().transactional((em) => t.app.get(TradePrices).record(stored!, em as EntityManager));
    expect(await t.sql(`select 1 from market.trade_line`)).toHaveLength(2);
    expect((await tradeQuotes())[0]!.avg_fen).toBe(18000);

    // the series shows it, and the price stayed above 170 元: no second alert
    const series = await t.gql(`query { priceSeries(commodity: "anhua-dark-tea", range: DAYS_30, interval: DAY) { perUnit points { period avgFen observations } } }`);
    expect(series.data!.priceSeries.perUnit).toBe('KG');
    expect(series.data!.priceSeries.points.at(-1)).toEqual({ period: chinaToday(), avgFen: 18000, observations: 1 });
    await until('the second quote to be evaluated', async () => (await t.sql(`select 1 from handled_event where handler = 'evaluate-price-alerts'`)).length >= 2);
    expect(await alertsOf(subscriber)).toEqual(['安化黑茶 均价 ¥196.00/千克，高于您设定的 ¥170.00']);
  });
});
