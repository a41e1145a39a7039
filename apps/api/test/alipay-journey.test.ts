import { EntityManager } from '@mikro-orm/postgresql';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlipayPayments } from '../src/modules/ordering/alipay-payments';
import { refundRequestNo } from '../src/modules/ordering/alipay-trade-rules';
import { OrderService } from '../src/modules/ordering/order.service';
import { AlipayClient } from '../src/modules/payments/alipay/alipay.client';
import { alipayOrder, checkMoney, notify, orderRow, PAY, payLink } from './alipay-fixtures';
import { AlipayGatewayDouble } from './alipay-gateway';
import { count, type Session } from './fixtures';
import { startTestApp, type TestApp } from './harness';
import { addressDelivery, checkInvariants, makeAdmin, place, signUp } from './ordering-fixtures';
import { until } from './waiting';

/** How long Alipay orders wait for payment in these tests (not the default, so that the setting is seen to count). */
const PAYMENT_MINUTES = 45;
/** Far enough ahead that every unpaid trade counts as gone quiet. */
const later = () => new Date(Date.now() + 6 * 60_000);

describe('paying with Alipay, end to end through alipay-sdk', () => {
  let gateway: AlipayGatewayDouble;
  let t: TestApp;
  let admin: Session;
  let buyer: Session;
  const zone = process.env.TZ;

  beforeAll(async () => {
    // Alipay's clock is China time: run the server somewhere else, where local time is 16 hours behind
    process.env.TZ = 'America/Los_Angeles';
    gateway = await AlipayGatewayDouble.start();
    t = await startTestApp({ alipay: gateway.settings(), alipayPaymentMinutes: PAYMENT_MINUTES });
    admin = await makeAdmin(t);
    buyer = await signUp(t, '采购员');
  });
  afterEach(async () => {
    await checkInvariants(t);
    await checkMoney(t);
    expect(gateway.refusals).toEqual([]);
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  const actions = async (orderId: string) => (await t.sql<{ action: string }>('select action from order_transition where order_id = $1 order by id', [orderId])).map((r) => r.action);
  const trade = async (orderId: string) => (await t.sql<{ status: string; refunded_fen: number; trade_no: string | null }>('select status, refunded_fen, trade_no from alipay_trade where order_id = $1', [orderId]))[0];
  const alipay = () => t.app.get(AlipayPayments);

  it('is offered, and orders are placed with it, when the keys are configured', async () => {
    const options = await t.gql('{ paymentOptions { alipay } }');
    expect(options.data!.paymentOptions.alipay).toBe(true);
    const order = await alipayOrder(t, admin, buyer);
    const [row] = await t.sql<{ payment_method: string; expires_at: Date; placed_at: Date }>('select payment_method, expires_at, placed_at from sales_order where id = $1', [order.id]);
    expect(row!.payment_method).toBe('ALIPAY');
    const waits = new Date(row!.expires_at).getTime() - new Date(row!.placed_at).getTime();
    expect(Math.abs(waits - PAYMENT_MINUTES * 60_000)).toBeLessThan(60_000);
  });

  it('takes payment on a computer, a phone and by QR code from another phone; signed requests in China time, signed answers', async () => {
    // on a computer: the cashier link opens at the gateway, whose checks of signature and timestamp pass
    const desk = await alipayOrder(t, admin, buyer);
    const page = await payLink(t, buyer, desk.id, 'PAGE');
    expect(page).toMatchObject({ outTradeNo: desk.number, channel: 'PAGE', qrCode: null });
    expect(page.url!.startsWith(`${gateway.url}?`)).toBe(true);
    expect(await gateway.open(page.url!)).toMatchObject({ status: 200 });
    const opened = gateway.trade(desk.number);
    expect(opened.amountFen).toBe(desk.totalFen);
    expect(opened.timeExpire).toBe(new Date(new Date(page.expiresAt).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19));
    expect(gateway.calls.at(-1)).toMatchObject({ method: 'alipay.trade.page.pay', biz: { product_code: 'FAST_INSTANT_TRADE_PAY' } });
    gateway.pay(desk.number);
    expect(await notify(t, gateway.notification(desk.number))).toBe('success');
    expect(await actions(desk.id)).toEqual(['place', 'pay']);
    expect(await trade(desk.id)).toMatchObject({ status: 'TRADE_SUCCESS', trade_no: opened.tradeNo });

    // on a phone: paid, but the notification is lost; reconciliation asks Alipay and completes the order
    const phone = await alipayOrder(t, admin, buyer);
    const wap = await payLink(t, buyer, phone.id, 'WAP');
    expect(await gateway.open(wap.url!)).toMatchObject({ status: 200 });
    expect(gateway.calls.at(-1)).toMatchObject({ method: 'alipay.trade.wap.pay', biz: { product_code: 'QUICK_WAP_WAY' } });
    gateway.pay(phone.number);
    expect(await alipay().reconcile(later())).toBeGreaterThanOrEqual(1);
    expect((await orderRow(t, phone.id)).status).toBe('AWAITING_SHIPMENT');
    expect(await trade(phone.id)).toMatchObject({ status: 'TRADE_SUCCESS' });
    // its notification, arriving late, credits nothing more
    expect(await notify(t, gateway.notification(phone.number))).toBe('success');
    expect(await actions(phone.id)).toEqual(['place', 'pay']);

    // by QR code: nothing exists at Alipay until the code is scanned
    const qr = await alipayOrder(t, admin, buyer);
    const code = await payLink(t, buyer, qr.id, 'QR');
    expect(code.qrCode).toMatch(/^https:\/\/qr\.alipay\.com\//);
    expect(code.url).toBeNull();
    await alipay().reconcile(later());
    expect(await trade(qr.id)).toMatchObject({ status: 'CREATED' });
    expect((await orderRow(t, qr.id)).status).toBe('AWAITING_PAYMENT');
    gateway.scan(qr.number);
    await alipay().reconcile(new Date(later().getTime() + 6 * 60_000));
    expect(await trade(qr.id)).toMatchObject({ status: 'WAIT_BUYER_PAY' });
    gateway.pay(qr.number);
    expect(await notify(t, gateway.notification(qr.number))).toBe('success');
    expect(await actions(qr.id)).toEqual(['place', 'pay']);
    // asking again for a way to pay a paid order is refused
    const again = await t.gql(PAY, { orderId: qr.id, channel: 'QR' }, buyer.token);
    expect(again.errors?.[0]?.extensions.code).toBe('ordering/transition-not-allowed');
  });

  it('closes the trade of an order that expired unpaid, and settles payments that raced the expiry', async () => {
    const service = t.app.get(OrderService);
    const expireNow = async (orderId: string) => {
      // past its time here and beyond any clock difference with Alipay (whose time_expire the gateway keeps as it was)
      await t.sql(`update sales_order set expires_at = now() - interval '5 minutes' where id = $1`, [orderId]);
      await service.expireDue();
    };

    // scanned, not paid: the expiry closes the trade at Alipay, which then takes no payment
    const unpaid = await alipayOrder(t, admin, buyer);
    await payLink(t, buyer, unpaid.id, 'QR');
    gateway.scan(unpaid.number);
    await expireNow(unpaid.id);
    await until('the trade to be closed at Alipay', () => gateway.trade(unpaid.number).status === 'TRADE_CLOSED');
    await until('the trade to be closed here', async () => (await trade(unpaid.id))?.status === 'TRADE_CLOSED');
    expect(() => gateway.pay(unpaid.number)).toThrow(/TRADE_CLOSED/);

    // paid while it expired, stock still there: the order is taken up again
    const raced = await alipayOrder(t, admin, buyer);
    await payLink(t, buyer, raced.id, 'QR');
    await expireNow(raced.id);
    await until('the unscanned code to be written off', async () => (await trade(raced.id))?.status === 'TRADE_CLOSED');
    gateway.pay(raced.number);
    expect(await notify(t, gateway.notification(raced.number))).toBe('success');
    expect(await actions(raced.id)).toEqual(['place', 'expire', 'reinstate']);
    expect((await orderRow(t, raced.id)).status).toBe('AWAITING_SHIPMENT');

    // paid after it expired and another buyer took the stock: the money goes back through Alipay
    const late = await alipayOrder(t, admin, buyer, { quantity: 2, stock: 2 });
    await payLink(t, buyer, late.id, 'QR');
    await expireNow(late.id);
    await until('the unscanned code to be written off', async () => (await trade(late.id))?.status === 'TRADE_CLOSED');
    const rival = await signUp(t);
    const taken = await place(t, rival, { paymentMethod: 'CASH_ON_DELIVERY', lines: [{ listingId: late.listingId, quantity: 2 }] });
    expect(taken.errors).toBeUndefined();
    gateway.pay(late.number);
    expect(await notify(t, gateway.notification(late.number))).toBe('success');
    expect((await orderRow(t, late.id)).status).toBe('CANCELLED');
    await until('Alipay to refund the late payment', () => gateway.refundedFen(late.number) === late.totalFen);
    await until('the seller’s share to be given back', async () => (await trade(late.id))?.refunded_fen === late.totalFen);
    expect(await t.sql('select kind, amount_fen from settlement_entry where order_id = $1 order by id', [late.id])).toEqual([
      { kind: 'SALE', amount_fen: late.totalFen },
      { kind: 'REFUND', amount_fen: -late.totalFen },
    ]);
    await checkMoney(t, { settled: true });
  });

  it('refunds through Alipay when a paid order is cancelled or its refund approved, once per request number', async () => {
    const paid = async () => {
      const order = await alipayOrder(t, admin, buyer);
      await payLink(t, buyer, order.id, 'QR');
      gateway.pay(order.number);
      expect(await notify(t, gateway.notification(order.number))).toBe('success');
      return order;
    };

    // cancelled before shipping
    const cancelled = await paid();
    const cancel = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "买错了") { status } }`, { id: cancelled.id }, buyer.token);
    expect(cancel.errors).toBeUndefined();
    await until('Alipay to refund the cancelled order', async () => (await trade(cancelled.id))?.refunded_fen === cancelled.totalFen);
    expect(gateway.refundedFen(cancelled.number)).toBe(cancelled.totalFen);
    expect(await trade(cancelled.id)).toMatchObject({ status: 'TRADE_CLOSED' });

    // asked again under the same request number (a retry), Alipay refunds nothing more and confirms the first
    const again = await t.app.get(AlipayClient).refund({ outTradeNo: cancelled.number, amountFen: cancelled.totalFen, outRequestNo: refundRequestNo(cancelled.number), reason: 'retry' });
    expect(again).toBe(cancelled.totalFen);
    expect(gateway.refundedFen(cancelled.number)).toBe(cancelled.totalFen);
    expect(await t.app.get(EntityManager).fork().transactional((em) => alipay().refundOwed(em, cancelled.id))).toBe(false);
    expect(gateway.calls.filter((c) => c.method === 'alipay.trade.refund' && c.biz.out_trade_no === cancelled.number)).toHaveLength(2);

    // delivered, refund asked and approved
    const returned = await paid();
    const seller = returned.seller.owner.token;
    for (const [mutation, token] of [
      [`mutation($id: ID!) { shipOrder(input: { orderId: $id, ownDelivery: true }) { status } }`, seller],
      [`mutation($id: ID!) { markDelivered(orderId: $id) { status } }`, seller],
      [`mutation($id: ID!) { requestRefund(orderId: $id, reason: "茶叶受潮") { status } }`, buyer.token],
      [`mutation($id: ID!) { decideRefund(orderId: $id, approve: true) { status } }`, seller],
    ] as const) {
      const result = await t.gql(mutation, { id: returned.id }, token);
      expect(result.errors, mutation).toBeUndefined();
    }
    await until('Alipay to refund the returned order', async () => (await trade(returned.id))?.refunded_fen === returned.totalFen);
    expect(gateway.refundedFen(returned.number)).toBe(returned.totalFen);
    await checkMoney(t, { settled: true });
  });

  it('takes a payment made after the buyer cancelled, and gives it back', async () => {
    const order = await alipayOrder(t, admin, buyer);
    await payLink(t, buyer, order.id, 'QR');
    const cancel = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "不要了") { status } }`, { id: order.id }, buyer.token);
    expect(cancel.data!.cancelOrder.status).toBe('CANCELLED');
    // the code was never scanned, so the trade stays open to questions until it expires at Alipay
    await until('the cancellation to be handled', async () => (await t.sql(`select 1 from handled_event h join outbox o on o.id = h.event_id where h.handler = 'settle-alipay-order' and o.aggregate_id = $1`, [order.id])).length > 0);
    expect(await trade(order.id)).toMatchObject({ status: 'CREATED' });
    gateway.pay(order.number);
    expect(await notify(t, gateway.notification(order.number))).toBe('success');
    expect((await orderRow(t, order.id)).status).toBe('CANCELLED');
    await until('Alipay to refund it', async () => (await trade(order.id))?.refunded_fen === order.totalFen);
    expect(await t.sql('select kind, amount_fen, reference from payment_record where order_id = $1 order by id', [order.id])).toEqual([
      { kind: 'PAYMENT', amount_fen: order.totalFen, reference: gateway.trade(order.number).tradeNo },
      { kind: 'REFUND', amount_fen: order.totalFen, reference: 'paid after cancellation' },
    ]);
    await checkMoney(t, { settled: true });
  });

  it('refuses bad requests to pay with a typed error and writes nothing', async () => {
    const order = await alipayOrder(t, admin, buyer);
    const transfer = await place(t, buyer, { lines: [{ listingId: order.listingId, quantity: 1 }], paymentMethod: 'BANK_TRANSFER', delivery: addressDelivery() });
    const transferId = transfer.data!.placeCheckout.orders[0].id;
    const stranger = await signUp(t);
    const soon = await alipayOrder(t, admin, buyer);
    await t.sql(`update sales_order set expires_at = now() + interval '20 seconds' where id = $1`, [soon.id]);
    const cases: [Record<string, unknown>, Session, string][] = [
      [{ orderId: order.id, channel: 'QR' }, stranger, 'ordering/not-found'],
      [{ orderId: order.id, channel: 'QR' }, order.seller.owner, 'auth/forbidden'],
      [{ orderId: 'not-an-id', channel: 'QR' }, buyer, 'ordering/not-found'],
      [{ orderId: transferId, channel: 'PAGE' }, buyer, 'payments/not-alipay-order'],
      [{ orderId: soon.id, channel: 'WAP' }, buyer, 'payments/payment-window-closed'],
      [{ orderId: order.id, channel: 'CARD' }, buyer, 'request/invalid'],
    ];
    for (const [variables, who, code] of cases) {
      const before = await count(t, 'alipay_trade');
      const result = await t.gql(PAY, variables, who.token);
      expect(result.errors?.[0]?.extensions.code, JSON.stringify(variables)).toBe(code);
      expect(result.errors![0]!.extensions.messageZh).toBeTruthy();
      expect(await count(t, 'alipay_trade')).toBe(before);
    }
    const anonymous = await t.gql(PAY, { orderId: order.id, channel: 'QR' });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('auth/unauthenticated');

    // an answer that is not signed by Alipay's key is not believed, and the trade is not recorded
    gateway.signAnswersWith = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    try {
      const forged = await t.gql(PAY, { orderId: order.id, channel: 'QR' }, buyer.token);
      expect(forged.errors?.[0]?.extensions.code).toBe('payments/alipay-failed');
      expect(await trade(order.id)).toBeUndefined();
    } finally {
      gateway.signAnswersWith = undefined;
    }
    expect((await payLink(t, buyer, order.id, 'QR')).qrCode).toBeTruthy();
  });
});

describe('without Alipay keys', () => {
  it('is not offered without keys: checkout refuses it and there is no way to pay with it', async () => {
    const t = await startTestApp();
    try {
      expect((await t.gql('{ paymentOptions { alipay } }')).data!.paymentOptions.alipay).toBe(false);
      const admin = await makeAdmin(t);
      const buyer = await signUp(t);
      await expect(alipayOrder(t, admin, buyer)).rejects.toThrow('payments/method-unavailable');
      const pay = await t.gql(PAY, { orderId: '00000000-0000-4000-8000-000000000000', channel: 'QR' }, buyer.token);
      expect(pay.errors?.[0]?.extensions.code).toBe('payments/alipay-unavailable');
      // a notification cannot be checked without Alipay's key, so it is refused
      expect(await notify(t, { notify_id: 'x', sign: 'x' })).toBe('fail');
    } finally {
      await t.close();
    }
  });
});
