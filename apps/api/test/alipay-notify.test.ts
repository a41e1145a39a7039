import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { alipayOrder, checkMoney, moneyWrites, notify, orderRow, payLink } from './alipay-fixtures';
import { AlipayGatewayDouble, chinaNow, formBody } from './alipay-gateway';
import type { Session } from './fixtures';
import { startTestApp, type TestApp } from './harness';
import { checkInvariants, makeAdmin, signUp } from './ordering-fixtures';

describe('Alipay notifications', () => {
  let gateway: AlipayGatewayDouble;
  let t: TestApp;
  let admin: Session;
  let buyer: Session;

  beforeAll(async () => {
    gateway = await AlipayGatewayDouble.start();
    t = await startTestApp({ alipay: gateway.settings() });
    admin = await makeAdmin(t);
    buyer = await signUp(t, '采购员');
  });
  afterEach(async () => {
    await checkInvariants(t);
    await checkMoney(t);
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  const actions = async (orderId: string) => (await t.sql<{ action: string }>('select action from order_transition where order_id = $1 order by id', [orderId])).map((r) => r.action);
  const payments = async (orderId: string) => t.sql<{ kind: string; amount_fen: number; method: string }>('select kind, amount_fen, method from payment_record where order_id = $1 order by id', [orderId]);
  const entries = async (orderId: string) => t.sql<{ kind: string; amount_fen: number }>('select kind, amount_fen from settlement_entry where order_id = $1 order by id', [orderId]);
  const tradeStatus = async (orderId: string) => (await t.sql<{ status: string }>('select status from alipay_trade where order_id = $1', [orderId]))[0]?.status;

  it('moves the order once when 20 copies of one notification and one with another notify_id arrive together, and answers every one `success`', async () => {
    const order = await alipayOrder(t, admin, buyer);
    await payLink(t, buyer, order.id, 'QR');
    gateway.pay(order.number);
    const told = gateway.notification(order.number);
    const toldAgain = gateway.notification(order.number);
    expect(toldAgain.notify_id).not.toBe(told.notify_id);

    const replies = await Promise.all([...Array.from({ length: 20 }, () => notify(t, told)), notify(t, toldAgain)]);

    expect(replies).toEqual(Array.from({ length: 21 }, () => 'success'));
    expect(await actions(order.id)).toEqual(['place', 'pay']);
    expect((await orderRow(t, order.id)).status).toBe('AWAITING_SHIPMENT');
    expect(await payments(order.id)).toEqual([{ kind: 'PAYMENT', amount_fen: order.totalFen, method: 'ALIPAY' }]);
    expect(await entries(order.id)).toEqual([{ kind: 'SALE', amount_fen: order.totalFen }]);
    const recorded = await t.sql<{ notify_id: string; effect: string }>('select notify_id, effect from alipay_notification where out_trade_no = $1', [order.number]);
    expect(recorded.map((r) => r.notify_id).sort()).toEqual([told.notify_id, toldAgain.notify_id].sort());
    expect(recorded.map((r) => r.effect).sort()).toEqual(['already-paid', 'paid']);
    const moves = await t.sql(`select 1 from outbox where type = 'order.transitioned' and aggregate_id = $1`, [order.id]);
    expect(moves).toHaveLength(1);
  });

  it('changes nothing for forged or foreign notifications, and still takes the genuine one', async () => {
    const order = await alipayOrder(t, admin, buyer);
    await payLink(t, buyer, order.id, 'QR');
    gateway.scan(order.number);
    const waiting = gateway.notification(order.number);
    gateway.pay(order.number);
    const genuine = gateway.notification(order.number);
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const { sign: _unsigned, ...withoutSignature } = genuine;
    const forgeries: Record<string, Record<string, string> | string> = {
      'amount changed': { ...genuine, total_amount: '0.01' },
      'status changed': { ...waiting, trade_status: 'TRADE_SUCCESS' },
      'field added': { ...genuine, passback_params: 'credit=1' },
      'field given twice': `${formBody(genuine)}&total_amount=0.01`,
      'signed with another key': gateway.notification(order.number, {}, otherKey),
      'no signature': withoutSignature,
      'another application': gateway.notification(order.number, { app_id: '2021000000000999' }),
      'another seller account': gateway.notification(order.number, { seller_id: '2088000000000999' }),
      'an order the platform never opened': gateway.notification(order.number, { out_trade_no: 'XN20991231999999' }),
      'a signed amount the trade was not opened for': gateway.notification(order.number, { total_amount: '0.01', receipt_amount: '0.01' }),
      // the right amount, written with a third decimal
      'a signed amount with three decimals': gateway.notification(order.number, { total_amount: `${Math.floor(order.totalFen / 100)}.${String(order.totalFen % 100).padStart(2, '0')}0` }),
    };
    const before = await moneyWrites(t, order.id);
    for (const [what, forged] of Object.entries(forgeries)) {
      expect(await notify(t, forged), what).toBe('fail');
      expect(await moneyWrites(t, order.id), what).toEqual(before);
    }
    expect(before.status).toBe('AWAITING_PAYMENT');

    expect(await notify(t, genuine)).toBe('success');
    expect((await orderRow(t, order.id)).status).toBe('AWAITING_SHIPMENT');
    expect(await payments(order.id)).toEqual([{ kind: 'PAYMENT', amount_fen: order.totalFen, method: 'ALIPAY' }]);
  });

  it('never moves an order back or credits twice when notifications come out of order', async () => {
    const order = await alipayOrder(t, admin, buyer);
    const { url } = await payLink(t, buyer, order.id, 'PAGE');
    expect((await gateway.open(url!)).status).toBe(200);
    gateway.scan(order.number);
    const waiting = gateway.notification(order.number);
    gateway.pay(order.number);
    const success = gateway.notification(order.number, { trade_status: 'TRADE_SUCCESS' });
    const finished = gateway.notification(order.number, { trade_status: 'TRADE_FINISHED' });

    // TRADE_FINISHED before TRADE_SUCCESS, and the wait for payment last of all
    expect(await notify(t, finished)).toBe('success');
    expect((await orderRow(t, order.id)).status).toBe('AWAITING_SHIPMENT');
    expect(await notify(t, success)).toBe('success');
    expect(await notify(t, waiting)).toBe('success');
    expect((await orderRow(t, order.id)).status).toBe('AWAITING_SHIPMENT');
    expect(await tradeStatus(order.id)).toBe('TRADE_FINISHED');

    // shipped, then news of a partial refund made at Alipay outside the platform, and of a closed trade
    const shipped = await t.gql(`mutation($input: ShipOrderInput!) { shipOrder(input: $input) { status } }`, { input: { orderId: order.id, ownDelivery: true } }, order.seller.owner.token);
    expect(shipped.errors).toBeUndefined();
    const partial = gateway.notification(order.number, { trade_status: 'TRADE_SUCCESS', refund_fee: '1.00', out_biz_no: 'MANUAL1', gmt_refund: chinaNow() });
    expect(await notify(t, partial)).toBe('success');
    expect(await notify(t, gateway.notification(order.number, { trade_status: 'TRADE_CLOSED' }))).toBe('success');

    expect(await actions(order.id)).toEqual(['place', 'pay', 'ship']);
    expect((await orderRow(t, order.id)).status).toBe('SHIPPED');
    expect(await payments(order.id)).toEqual([{ kind: 'PAYMENT', amount_fen: order.totalFen, method: 'ALIPAY' }]);
    expect(await entries(order.id)).toEqual([{ kind: 'SALE', amount_fen: order.totalFen }]);
    expect(await tradeStatus(order.id)).toBe('TRADE_FINISHED');
  });
});
