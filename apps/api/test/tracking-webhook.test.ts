import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTrackingPush, TRACKING_WEBHOOK_PATH } from '../src/modules/logistics/tracking-webhook';
import { startTestApp, type TestApp } from './harness';
import { addressDelivery, makeAdmin, place, sellerWithListing, signUp } from './ordering-fixtures';

const SECRET = 'carrier-shared-secret-'.padEnd(40, 'x');

describe('carriers pushing tracking events', () => {
  let t: TestApp;
  let orderId: string;

  beforeAll(async () => {
    t = await startTestApp({ trackingWebhookSecret: SECRET });
    const admin = await makeAdmin(t);
    const buyer = await signUp(t);
    const seller = await sellerWithListing(t, admin, { stock: 10 });
    const placed = await place(t, buyer, { paymentMethod: 'CASH_ON_DELIVERY', delivery: addressDelivery(), lines: [{ listingId: seller.listingId, quantity: 1 }] });
    orderId = placed.data!.placeCheckout.orders[0].id;
    const shipped = await t.gql(`mutation($input: ShipOrderInput!) { shipOrder(input: $input) { status } }`, { input: { orderId, carrier: 'YTO', trackingNumber: 'YT9876543210' } }, seller.owner.token);
    expect(shipped.data!.shipOrder.status).toBe('SHIPPED');
  });
  afterAll(() => t.close());

  const push = (body: string, signature?: string) =>
    t.app.inject({ method: 'POST', url: TRACKING_WEBHOOK_PATH, headers: { 'content-type': 'application/json', ...(signature ? { 'x-xn-signature': signature } : {}) }, payload: body });
  const events = async () => (await t.sql<{ description: string; source: string }>(
    `select e.description, e.source from tracking_event e join shipment s on s.id = e.shipment_id where s.order_id = $1 order by e.id`, [orderId]));
  const body = (eventId: string, description = '快件已到达 益阳转运中心') =>
    JSON.stringify({ events: [{ carrier: 'yto', trackingNumber: 'YT9876543210', eventId, occurredAt: '2026-12-01T08:30:00+08:00', description, location: '益阳' }] });

  it('records a signed push once, and the same event pushed again adds nothing', async () => {
    // the second push is signed a second earlier than the first, whenever the clock turns over between them
    const signedAt = Math.floor(Date.now() / 1000);
    const first = await push(body('e-1'), signTrackingPush(SECRET, body('e-1'), signedAt));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 1, unknown: 0 });
    const again = await push(body('e-1'), signTrackingPush(SECRET, body('e-1'), signedAt - 1));
    expect(again.json()).toMatchObject({ accepted: 0 });
    expect((await events()).filter((e) => e.source === 'CARRIER')).toEqual([{ description: '快件已到达 益阳转运中心', source: 'CARRIER' }]);
  });

  it('refuses unsigned, wrongly signed, stale and replayed pushes, and changes nothing', async () => {
    const before = await events();
    const payload = body('e-2', '派送中');
    const signed = signTrackingPush(SECRET, payload);
    expect((await push(payload)).statusCode).toBe(401);
    expect((await push(payload, signTrackingPush('another-secret-'.padEnd(40, 'y'), payload))).statusCode).toBe(401);
    expect((await push(body('e-2', '已签收'), signed)).statusCode).toBe(401); // the body changed under the signature
    expect((await push(payload, signTrackingPush(SECRET, payload, Math.floor(Date.now() / 1000) - 3600))).statusCode).toBe(401);
    const refused = await push(payload, 't=abc,v1=123');
    expect(refused.json()).toMatchObject({ code: 'webhook/signature-invalid', messageZh: expect.any(String), messageEn: expect.any(String) });
    expect(await events()).toEqual(before);
    expect((await push(payload, signed)).statusCode).toBe(200);
    const replay = await push(payload, signed);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('webhook/replayed');
    expect((await events()).length).toBe(before.length + 1);
  });

  it('refuses malformed events and counts parcels it does not know', async () => {
    const bad = JSON.stringify({ events: [{ carrier: 'yto', trackingNumber: 'YT9876543210' }] });
    expect((await push(bad, signTrackingPush(SECRET, bad))).statusCode).toBe(400);
    const stranger = JSON.stringify({ events: [{ carrier: 'SF', trackingNumber: 'SF000', eventId: 'x', occurredAt: '2026-12-01T08:00:00Z', description: '揽收' }] });
    expect((await push(stranger, signTrackingPush(SECRET, stranger))).json()).toMatchObject({ accepted: 0, unknown: 1 });
  });
});

describe('carrier pushes without a configured secret', () => {
  it('are refused as not configured', async () => {
    const t = await startTestApp();
    try {
      const response = await t.app.inject({ method: 'POST', url: TRACKING_WEBHOOK_PATH, headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('webhook/not-configured');
    } finally {
      await t.close();
    }
  });
});
