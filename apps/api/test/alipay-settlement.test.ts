import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/database/csv';
import { chinaDate } from '../src/modules/payments/alipay/china-time';
import { alipayOrder, checkMoney, notify, payLink } from './alipay-fixtures';
import { AlipayGatewayDouble } from './alipay-gateway';
import { count, type Session } from './fixtures';
import { startTestApp, type TestApp } from './harness';
import { addressDelivery, checkInvariants, makeAdmin, newKey, PLACE, signUp } from './ordering-fixtures';
import { until } from './waiting';

/** 0.6 % commission, so that every amount below shows whether it was taken and given back. */
const COMMISSION_BPS = 60;
const DAY_MS = 86_400_000;

const STATEMENT = `query($org: ID!, $from: String!, $to: String!) {
  sellerStatement(organisationId: $org, from: $from, to: $to) {
    organisationId from to openingBalanceFen salesFen refundsFen commissionFen payoutsFen closingBalanceFen
    entries { kind orderId orderNumber amountFen commissionFen owedFen reference createdAt } csv
  }
}`;
const PAYOUT = `mutation($org: ID!, $amount: Int!, $reference: String!) {
  recordPayout(organisationId: $org, amountFen: $amount, reference: $reference) { kind orderId amountFen commissionFen owedFen reference }
}`;

/** The commission as the platform's rule states it: basis points of the amount, fractions of a fen to the seller. */
const commissionOf = (fen: number) => Math.floor((fen * COMMISSION_BPS) / 10_000);
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

describe('settling Alipay money with sellers', () => {
  let gateway: AlipayGatewayDouble;
  let t: TestApp;
  let admin: Session;
  let buyer: Session;
  const today = chinaDate(new Date());
  const tomorrow = chinaDate(new Date(Date.now() + DAY_MS));
  const yesterday = chinaDate(new Date(Date.now() - DAY_MS));

  beforeAll(async () => {
    gateway = await AlipayGatewayDouble.start();
    t = await startTestApp({ alipay: gateway.settings(), platformCommissionBps: COMMISSION_BPS });
    admin = await makeAdmin(t);
    buyer = await signUp(t, '采购员');
  });
  afterEach(async () => {
    await checkInvariants(t);
    await checkMoney(t, { settled: true });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  const statement = (org: string, from: string, to: string, who: Session) => t.gql(STATEMENT, { org, from, to }, who.token);

  /** Pays an order at the gateway and tells the platform. */
  async function pay(order: { id: string; number: string }) {
    await payLink(t, buyer, order.id, 'QR');
    gateway.pay(order.number);
    expect(await notify(t, gateway.notification(order.number))).toBe('success');
  }

  /** Another order from the same listing. */
  async function orderFrom(listingId: string, quantity: number) {
    const placed = await t.gql(PLACE, { input: { idempotencyKey: newKey(), paymentMethod: 'ALIPAY', delivery: addressDelivery(), lines: [{ listingId, quantity }] } }, buyer.token);
    expect(placed.errors).toBeUndefined();
    return placed.data!.placeCheckout.orders[0] as { id: string; number: string; totalFen: number };
  }

  it('owes each paid order to its seller less the commission, gives the share back with a refund, and states it per period, as CSV too', async () => {
    const kept = await alipayOrder(t, admin, buyer, { quantity: 3 });
    const returned = await orderFrom(kept.listingId, 1);
    await pay(kept);
    await pay(returned);
    const cancel = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "重复下单") { status } }`, { id: returned.id }, buyer.token);
    expect(cancel.errors).toBeUndefined();
    await until('the refund to be made and settled', async () => (await t.sql(`select 1 from settlement_entry where order_id = $1 and kind = 'REFUND'`, [returned.id])).length > 0);

    const owner = kept.seller.owner;
    const { data, errors } = await statement(kept.sellerId, today, today, owner);
    expect(errors).toBeUndefined();
    const s = data!.sellerStatement;
    const keptCommission = commissionOf(kept.totalFen);
    const returnedCommission = commissionOf(returned.totalFen);
    expect(keptCommission).toBeGreaterThan(0);
    expect(s.entries.map((e: any) => [e.kind, e.orderNumber, e.amountFen, e.commissionFen, e.owedFen])).toEqual([
      ['SALE', kept.number, kept.totalFen, keptCommission, kept.totalFen - keptCommission],
      ['SALE', returned.number, returned.totalFen, returnedCommission, returned.totalFen - returnedCommission],
      ['REFUND', returned.number, -returned.totalFen, -returnedCommission, -(returned.totalFen - returnedCommission)],
    ]);
    expect(s).toMatchObject({
      organisationId: kept.sellerId, from: today, to: today, openingBalanceFen: 0,
      salesFen: kept.totalFen + returned.totalFen, refundsFen: returned.totalFen, commissionFen: keptCommission, payoutsFen: 0,
      closingBalanceFen: kept.totalFen - keptCommission,
    });
    expect(s.entries[0].reference).toBe(gateway.trade(kept.number).tradeNo);

    // the CSV says the same, in yuan
    expect(s.csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(s.csv.slice(1));
    expect(rows.map((r) => [r['类型'], r['订单号'], r['金额（元）'], r['平台佣金（元）'], r['应结（元）']])).toEqual(
      s.entries.map((e: any) => [{ SALE: '销售', REFUND: '退款' }[e.kind as 'SALE' | 'REFUND'], e.orderNumber, yuan(e.amountFen), yuan(e.commissionFen), yuan(e.owedFen)]),
    );

    // periods: nothing before today; tomorrow opens with what today closed on
    expect((await statement(kept.sellerId, yesterday, yesterday, owner)).data!.sellerStatement).toMatchObject({ openingBalanceFen: 0, closingBalanceFen: 0, entries: [] });
    expect((await statement(kept.sellerId, tomorrow, tomorrow, owner)).data!.sellerStatement).toMatchObject({
      openingBalanceFen: s.closingBalanceFen, closingBalanceFen: s.closingBalanceFen, entries: [],
    });
    expect((await statement(kept.sellerId, yesterday, tomorrow, admin)).data!.sellerStatement.closingBalanceFen).toBe(s.closingBalanceFen);
  });

  it('lets a platform admin record payouts up to the balance owed, and no further even when they race', async () => {
    const order = await alipayOrder(t, admin, buyer, { quantity: 2 });
    await pay(order);
    const owed = order.totalFen - commissionOf(order.totalFen);
    const org = order.sellerId;
    const cases: [Record<string, unknown>, Session, string][] = [
      [{ org, amount: 100, reference: 'ICBC-20261201-0001' }, order.seller.owner, 'auth/forbidden'],
      [{ org, amount: 0, reference: 'ICBC-20261201-0001' }, admin, 'payments/payout-amount-invalid'],
      [{ org, amount: -100, reference: 'ICBC-20261201-0001' }, admin, 'payments/payout-amount-invalid'],
      [{ org, amount: owed + 1, reference: 'ICBC-20261201-0001' }, admin, 'payments/payout-amount-invalid'],
      [{ org, amount: 100, reference: ' ' }, admin, 'payments/payout-reference-invalid'],
      [{ org: '00000000-0000-4000-8000-000000000000', amount: 100, reference: 'ICBC-20261201-0001' }, admin, 'org/not-found'],
      [{ org, amount: 1.5, reference: 'ICBC-20261201-0001' }, admin, 'request/invalid'],
    ];
    for (const [variables, who, code] of cases) {
      const before = await count(t, 'settlement_entry');
      const result = await t.gql(PAYOUT, variables, who.token);
      expect(result.errors?.[0]?.extensions.code, JSON.stringify(variables)).toBe(code);
      expect(result.errors![0]!.extensions.messageZh).toBeTruthy();
      expect(await count(t, 'settlement_entry')).toBe(before);
    }

    // more than half the balance, five times at once: one payout fits
    const part = Math.floor(owed / 2) + 1;
    const raced = await Promise.all(Array.from({ length: 5 }, (_, i) => t.gql(PAYOUT, { org, amount: part, reference: `ICBC-20261201-00${10 + i}` }, admin.token)));
    const paidOut = raced.filter((r) => !r.errors);
    expect(paidOut).toHaveLength(1);
    expect(paidOut[0]!.data!.recordPayout).toMatchObject({ kind: 'PAYOUT', orderId: null, amountFen: 0, commissionFen: 0, owedFen: -part });
    expect(new Set(raced.filter((r) => r.errors).map((r) => r.errors![0]!.extensions.code))).toEqual(new Set(['payments/payout-amount-invalid']));
    const rest = await t.gql(PAYOUT, { org, amount: owed - part, reference: 'ICBC-20261201-0099' }, admin.token);
    expect(rest.errors).toBeUndefined();

    const s = (await statement(org, today, today, order.seller.owner)).data!.sellerStatement;
    expect(s).toMatchObject({ salesFen: order.totalFen, payoutsFen: owed, closingBalanceFen: 0 });
    expect(parseCsv(s.csv.slice(1)).filter((r) => r['类型'] === '结算付款').map((r) => [r['应结（元）'], r['参考号']])).toEqual([
      [yuan(-part), paidOut[0]!.data!.recordPayout.reference],
      [yuan(-(owed - part)), 'ICBC-20261201-0099'],
    ]);
  });

  it('shows a statement only to the seller’s members and platform admins, for a period of real days', async () => {
    const order = await alipayOrder(t, admin, buyer);
    const stranger = await signUp(t);
    expect((await t.gql(STATEMENT, { org: order.sellerId, from: today, to: today })).errors?.[0]?.extensions.code).toBe('auth/unauthenticated');
    expect((await statement(order.sellerId, today, today, stranger)).errors?.[0]?.extensions.code).toBe('auth/forbidden');
    expect((await statement(order.sellerId, today, today, buyer)).errors?.[0]?.extensions.code).toBe('auth/forbidden');
    expect((await statement(order.sellerId, today, today, admin)).errors).toBeUndefined();
    for (const [from, to] of [[tomorrow, today], ['2026-13-01', '2026-12-31'], ['2026/12/01', '2026/12/31'], ['2025-01-01', '2026-12-31'], ['', today]]) {
      const result = await statement(order.sellerId, from!, to!, order.seller.owner);
      expect(result.errors?.[0]?.extensions.code, `${from} to ${to}`).toBe('payments/statement-period-invalid');
    }
  });
});
