import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OrderService } from '../src/modules/ordering/order.service';
import { startTestApp, type TestApp } from './harness';
import { count, createListing, createOrganisation, type Session } from './fixtures';
import { addressDelivery, checkInvariants, makeAdmin, newKey, ORDER_FIELDS, place, PLACE, QUOTE, sellerWithListing, signUp, stationOperator } from './ordering-fixtures';
import { until } from './waiting';

describe('checkout and orders', () => {
  let t: TestApp;
  let admin: Session;
  let buyer: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makeAdmin(t);
    buyer = await signUp(t, '采购员');
  });
  afterEach(() => checkInvariants(t));
  afterAll(() => t.close());

  const stockOf = async (id: string) => (await t.sql<{ stock: number }>('select stock from listing where id = $1', [id]))[0]!.stock;
  const writes = async () => ({ orders: await count(t, 'sales_order'), checkouts: await count(t, 'checkout'), movements: await count(t, 'stock_movement') });

  it('prices a cart per seller at its tiers and freight, and places one order per seller with the stock taken', async () => {
    const tea = await sellerWithListing(t, admin, { stock: 100 }); // 98 元/斤, 88 from 20 斤
    const fruit = await sellerWithListing(t, admin, { stock: 40, unit: 'KG', priceTiers: [{ minQuantity: 5, unitPriceFen: 1200 }], minOrderQuantity: 5 });
    // the fruit seller charges freight: 8 元 for the first 2 kg, 1.5 元 per further kg, cold chain 0.5 元/kg for fresh produce
    const template = await t.gql(
      `mutation($org: ID!, $input: ShippingTemplateInput!) { setShippingTemplate(organisationId: $org, input: $input) { firstZone: zones { firstFen } } }`,
      { org: fruit.orgId, input: { zones: [{ regions: ['430000'], firstKg: 2, firstFen: 800, additionalKg: 1, additionalFen: 150 }], excluded: ['433100'], coldChainFenPerKg: 50, freeAboveFen: null, pieceWeightGrams: 1000 } },
      fruit.owner.token,
    );
    expect(template.errors).toBeUndefined();
    // the fruit listing is in the tea channel in this fixture; the cold chain follows the channel, so none here
    const lines = [{ listingId: tea.listingId, quantity: 20 }, { listingId: fruit.listingId, quantity: 10 }];
    const quote = await t.gql(QUOTE, { input: { lines, delivery: addressDelivery(), paymentMethod: 'BANK_TRANSFER' } }, buyer.token);
    expect(quote.errors).toBeUndefined();
    const groups = quote.data!.checkoutQuote.groups;
    expect(groups.map((g: any) => [g.goodsFen, g.freightFen, g.totalFen])).toEqual([
      [20 * 8800, 0, 20 * 8800],
      [10 * 1200, 800 + 8 * 150, 12000 + 2000],
    ]);
    expect(groups[0].lines[0].pricePerKgFen).toBe(17600);

    const before = await writes();
    const placed = await place(t, buyer, { lines, expectedTotalFen: quote.data!.checkoutQuote.totalFen });
    expect(placed.errors).toBeUndefined();
    const orders = placed.data!.placeCheckout.orders;
    expect(orders).toHaveLength(2);
    expect(orders.every((o: any) => o.status === 'AWAITING_PAYMENT' && /^XN\d{14}$/.test(o.number) && o.expiresAt)).toBe(true);
    expect(orders.map((o: any) => o.totalFen).sort()).toEqual([14000, 176000]);
    expect(await stockOf(tea.listingId)).toBe(80);
    expect(await stockOf(fruit.listingId)).toBe(30);
    expect(await writes()).toEqual({ orders: before.orders + 2, checkouts: before.checkouts + 1, movements: before.movements + 2 });
    const events = await t.sql<{ type: string }>(`select type from outbox where aggregate = 'order' and aggregate_id = any($1::text[])`, [orders.map((o: any) => o.id)]);
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.placed']);
    // the seller hears of it
    await until('the seller to be told', async () => (await t.sql(`select 1 from notification where user_id = $1 and kind = 'order-seller'`, [tea.owner.userId])).length > 0);
  });

  it('gives the same orders for a retried key, refuses the key with another cart, and places once under a burst of retries', async () => {
    const { listingId } = await sellerWithListing(t, admin, { stock: 30 });
    const key = newKey();
    const input = { idempotencyKey: key, paymentMethod: 'CASH_ON_DELIVERY', delivery: addressDelivery(), lines: [{ listingId, quantity: 3 }] };
    const burst = await Promise.all(Array.from({ length: 12 }, () => t.gql(PLACE, { input }, buyer.token)));
    expect(burst.every((r) => !r.errors)).toBe(true);
    const ids = new Set(burst.map((r) => r.data!.placeCheckout.orders[0].id));
    expect(ids.size).toBe(1);
    expect(burst.filter((r) => !r.data!.placeCheckout.replayed)).toHaveLength(1);
    expect(await stockOf(listingId)).toBe(27);
    const before = await writes();
    const other = await t.gql(PLACE, { input: { ...input, lines: [{ listingId, quantity: 4 }] } }, buyer.token);
    expect(other.errors?.[0]?.extensions.code).toBe('ordering/idempotency-conflict');
    expect(await writes()).toEqual(before);
    // another buyer's identical key is theirs alone
    const someoneElse = await signUp(t);
    const theirs = await t.gql(PLACE, { input }, someoneElse.token);
    expect(theirs.data!.placeCheckout.replayed).toBe(false);
    // a retry after the listing sold out and was paused still gets its orders back, not an error
    await t.sql(`update listing set status = 'PAUSED', stock = 0 where id = $1`, [listingId]);
    const late = await t.gql(PLACE, { input }, buyer.token);
    expect(late.errors).toBeUndefined();
    expect(late.data!.placeCheckout).toMatchObject({ replayed: true, orders: [{ id: [...ids][0] }] });
    await t.sql(`update listing set status = 'ACTIVE', stock = 24 where id = $1`, [listingId]);
  });

  it('refuses bad carts with a typed error and writes nothing', async () => {
    const seller = await sellerWithListing(t, admin, { stock: 10, minOrderQuantity: 2, priceTiers: [{ minQuantity: 2, unitPriceFen: 5000 }] });
    const paused = await createListing(t, seller.owner, seller.orgId, { stock: 10 });
    await t.gql(`mutation($id: ID!) { setListingStatus(id: $id, status: PAUSED) { id } }`, { id: paused }, seller.owner.token);
    const unverifiedOwner = await signUp(t);
    const unverifiedOrg = await createOrganisation(t, unverifiedOwner);
    const unverifiedListing = await createListing(t, unverifiedOwner, unverifiedOrg, { stock: 10 });
    const far = await sellerWithListing(t, admin, { stock: 10 });
    await t.gql(
      `mutation($org: ID!, $input: ShippingTemplateInput!) { setShippingTemplate(organisationId: $org, input: $input) { excluded } }`,
      { org: far.orgId, input: { zones: [{ regions: ['430900'], firstKg: 1, firstFen: 500, additionalKg: 1, additionalFen: 100 }], excluded: [], coldChainFenPerKg: 0, freeAboveFen: null, pieceWeightGrams: 1000 } },
      far.owner.token,
    );
    const line = (listingId: string, quantity: number) => ({ lines: [{ listingId, quantity }] });
    const cases: [Record<string, unknown>, string, Session?][] = [
      [line(seller.listingId, 1), 'ordering/quantity-invalid'],
      [line(seller.listingId, 11), 'ordering/stock-insufficient'],
      [line(seller.listingId, 2.5), 'request/invalid'],
      [line(seller.listingId, 0), 'ordering/quantity-invalid'],
      [line(paused, 1), 'ordering/listing-unavailable'],
      [line(unverifiedListing, 1), 'ordering/listing-unavailable'],
      [line('00000000-0000-4000-8000-000000000000', 1), 'ordering/listing-unavailable'],
      [{ lines: [] }, 'ordering/cart-empty'],
      [{ ...line(far.listingId, 1), delivery: addressDelivery('430102') }, 'logistics/area-not-served'],
      [{ ...line(seller.listingId, 2), expectedTotalFen: 9000 }, 'ordering/price-changed'],
      [{ ...line(seller.listingId, 2), delivery: { ...addressDelivery(), recipientPhone: '12345' } }, 'ordering/phone-invalid'],
      [{ ...line(seller.listingId, 2), delivery: { ...addressDelivery(), countyCode: '999999' } }, 'geo/county-unknown'],
      [{ ...line(seller.listingId, 2), delivery: { ...addressDelivery(), stationId: '00000000-0000-4000-8000-000000000000' } }, 'logistics/station-unknown'],
      [{ ...line(seller.listingId, 2), paymentMethod: 'ALIPAY' }, 'payments/method-unavailable'],
      [{ ...line(seller.listingId, 2), idempotencyKey: 'short' }, 'ordering/idempotency-key-invalid'],
      [line(seller.listingId, 2), 'ordering/own-listing', seller.owner],
    ];
    for (const [input, code, who] of cases) {
      const before = await writes();
      const result = await place(t, who ?? buyer, input);
      expect(result.errors?.[0]?.extensions.code, JSON.stringify(input)).toBe(code);
      expect(result.errors![0]!.extensions.messageZh).toBeTruthy();
      expect(await writes()).toEqual(before);
    }
    expect(await stockOf(seller.listingId)).toBe(10);
  });

  it('takes exactly the stock there is when 200 checkouts race for one listing', async () => {
    const { listingId } = await sellerWithListing(t, admin, { stock: 50 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => signUp(t)));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => place(t, buyers[i % buyers.length]!, { paymentMethod: 'CASH_ON_DELIVERY', lines: [{ listingId, quantity: 1 }] })),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(50);
    expect(new Set(results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions.code))).toEqual(new Set(['ordering/stock-insufficient']));
    expect(await stockOf(listingId)).toBe(0);
    const [held] = await t.sql<{ n: string }>(`select sum(quantity) as n from order_line where listing_id = $1`, [listingId]);
    expect(Number(held!.n)).toBe(50);
  });

  it('lets carts of [A, B] and [B, A] run side by side without a deadlock reaching anyone', async () => {
    const a = await sellerWithListing(t, admin, { stock: 1000 });
    const b = await sellerWithListing(t, admin, { stock: 1000 });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const lines = i % 2 ? [{ listingId: a.listingId, quantity: 1 }, { listingId: b.listingId, quantity: 1 }] : [{ listingId: b.listingId, quantity: 1 }, { listingId: a.listingId, quantity: 1 }];
        return place(t, buyer, { paymentMethod: 'CASH_ON_DELIVERY', lines });
      }),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(await stockOf(a.listingId)).toBe(940);
    expect(await stockOf(b.listingId)).toBe(940);
  });

  it('expires unpaid orders once, even when two expiry runs race, and a transfer that arrives late takes the stock again', async () => {
    const { listingId, owner } = await sellerWithListing(t, admin, { stock: 10 });
    const placed = await place(t, buyer, { lines: [{ listingId, quantity: 4 }] });
    const order = placed.data!.placeCheckout.orders[0];
    await t.sql(`update sales_order set expires_at = now() - interval '1 minute' where id = $1`, [order.id]);
    const service = t.app.get(OrderService);
    const runs = await Promise.all([service.expireDue(), service.expireDue(), service.expireDue()]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await stockOf(listingId)).toBe(10);
    const released = await t.sql(`select 1 from stock_movement where reference = $1 and reason = 'reservation-released'`, [order.id]);
    expect(released).toHaveLength(1);
    // the buyer's transfer arrives after all: the stock is still there, so the order is taken up again
    const late = await t.gql(`mutation($id: ID!) { confirmTransfer(orderId: $id, reference: "网银 0042") { status paidAt } }`, { id: order.id }, owner.token);
    expect(late.errors).toBeUndefined();
    expect(late.data!.confirmTransfer.status).toBe('AWAITING_SHIPMENT');
    expect(await stockOf(listingId)).toBe(6);
    // told twice, counted once
    const again = await t.gql(`mutation($id: ID!) { confirmTransfer(orderId: $id) { status } }`, { id: order.id }, owner.token);
    expect(again.data!.confirmTransfer.status).toBe('AWAITING_SHIPMENT');
    expect(await t.sql(`select 1 from payment_record where order_id = $1`, [order.id])).toHaveLength(1);
  });

  it('refunds a transfer that arrives after expiry when the stock has gone meanwhile', async () => {
    const { listingId, owner } = await sellerWithListing(t, admin, { stock: 5 });
    const order = (await place(t, buyer, { lines: [{ listingId, quantity: 5 }] })).data!.placeCheckout.orders[0];
    await t.sql(`update sales_order set expires_at = now() - interval '1 minute' where id = $1`, [order.id]);
    await t.app.get(OrderService).expireDue();
    const other = await signUp(t);
    expect((await place(t, other, { paymentMethod: 'CASH_ON_DELIVERY', lines: [{ listingId, quantity: 5 }] })).errors).toBeUndefined();
    const late = await t.gql(`mutation($id: ID!) { confirmTransfer(orderId: $id) { status } }`, { id: order.id }, owner.token);
    expect(late.data!.confirmTransfer.status).toBe('CANCELLED');
    const money = await t.sql<{ kind: string; amount_fen: number }>(`select kind, amount_fen from payment_record where order_id = $1 order by id`, [order.id]);
    expect(money).toEqual([{ kind: 'PAYMENT', amount_fen: 49000 }, { kind: 'REFUND', amount_fen: 49000 }]);
    expect(await stockOf(listingId)).toBe(0);
  });

  it('cancels before shipment with the stock returned, and not after', async () => {
    const { listingId, owner } = await sellerWithListing(t, admin, { stock: 10 });
    const [first] = (await place(t, buyer, { paymentMethod: 'CASH_ON_DELIVERY', lines: [{ listingId, quantity: 2 }] })).data!.placeCheckout.orders;
    const cancelled = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "买多了") { status cancelReason } }`, { id: first.id }, buyer.token);
    expect(cancelled.data!.cancelOrder).toEqual({ status: 'CANCELLED', cancelReason: '买多了' });
    expect(await stockOf(listingId)).toBe(10);
    const twice = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "再取消") { status } }`, { id: first.id }, buyer.token);
    expect(twice.errors?.[0]?.extensions.code).toBe('ordering/transition-not-allowed');
    const [second] = (await place(t, buyer, { paymentMethod: 'CASH_ON_DELIVERY', lines: [{ listingId, quantity: 2 }] })).data!.placeCheckout.orders;
    await t.gql(`mutation($input: ShipOrderInput!) { shipOrder(input: $input) { status } }`, { input: { orderId: second.id, carrier: 'SF', trackingNumber: 'SF1234567890' } }, owner.token);
    const late = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "不要了") { status } }`, { id: second.id }, buyer.token);
    expect(late.errors?.[0]?.extensions.code).toBe('ordering/transition-not-allowed');
    // a buyer cannot ship, and a stranger cannot even see the order
    const stranger = await signUp(t);
    const peek = await t.gql(`query($id: ID!) { order(id: $id) { id } }`, { id: second.id }, stranger.token);
    expect(peek.errors?.[0]?.extensions.code).toBe('ordering/not-found');
    const strangerCancel = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "x") { id } }`, { id: second.id }, stranger.token);
    expect(strangerCancel.errors?.[0]?.extensions.code).toBe('ordering/not-found');
    const buyerShips = await t.gql(`mutation($input: ShipOrderInput!) { shipOrder(input: $input) { status } }`, { input: { orderId: first.id, ownDelivery: true } }, buyer.token);
    expect(buyerShips.errors?.[0]?.extensions.code).toBe('ordering/transition-not-allowed');
  });

  it('follows a parcel to a village station: pickup code, hand-over, cash collected, receipt confirmed, sales counted', async () => {
    const tea = await sellerWithListing(t, admin, { stock: 100 });
    const station = await stationOperator(t, admin);
    const delivery = { stationId: station.stationId, recipientName: '王采购', recipientPhone: '13912345678' };
    const placed = await place(t, buyer, { paymentMethod: 'CASH_ON_DELIVERY', delivery, lines: [{ listingId: tea.listingId, quantity: 5 }] });
    expect(placed.errors).toBeUndefined();
    const order = placed.data!.placeCheckout.orders[0];
    expect(order).toMatchObject({ status: 'AWAITING_SHIPMENT', deliveryKind: 'STATION', stationId: station.stationId, expiresAt: null });
    const ship = await t.gql(`mutation($input: ShipOrderInput!) { shipOrder(input: $input) { status } }`, { input: { orderId: order.id, carrier: 'ems', trackingNumber: 'EM123456789CN' } }, tea.owner.token);
    expect(ship.data!.shipOrder.status).toBe('SHIPPED');
    // the station hears the parcel is coming
    await until('the station operator to be told', async () => (await t.sql(`select 1 from notification where user_id = $1 and kind = 'order-station'`, [station.operator.userId])).length > 0);
    // the buyer cannot skip the station for a cash-on-delivery order
    const early = await t.gql(`mutation($id: ID!) { confirmReceipt(orderId: $id) { status } }`, { id: order.id }, buyer.token);
    expect(early.errors?.[0]?.extensions.code).toBe('ordering/transition-not-allowed');
    const parcels = await t.gql(`query($org: ID!) { partnerOrders(organisationId: $org) { nodes { id status recipientName } } }`, { org: station.orgId }, station.operator.token);
    expect(parcels.data!.partnerOrders.nodes.map((o: any) => o.id)).toEqual([order.id]);
    const arrived = await t.gql(`mutation($id: ID!) { markArrivedAtStation(orderId: $id) { status pickupCode } }`, { id: order.id }, station.operator.token);
    expect(arrived.data!.markArrivedAtStation).toEqual({ status: 'AT_STATION', pickupCode: null }); // the code is the buyer's alone
    const mine = await t.gql(`query($id: ID!) { order(id: $id) { pickupCode actions shipment { carrier events { description source } } } }`, { id: order.id }, buyer.token);
    const code = mine.data!.order.pickupCode as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(mine.data!.order.shipment.carrier).toBe('EMS');
    expect(mine.data!.order.shipment.events.map((e: any) => e.source)).toEqual(['SELLER', 'STATION']);
    const wrong = await t.gql(`mutation($id: ID!, $code: String!) { handOverOrder(orderId: $id, pickupCode: $code) { status } }`, { id: order.id, code: code === '000000' ? '111111' : '000000' }, station.operator.token);
    expect(wrong.errors?.[0]?.extensions.code).toBe('ordering/pickup-code-wrong');
    const handed = await t.gql(`mutation($id: ID!, $code: String!) { handOverOrder(orderId: $id, pickupCode: $code) { status paidAt } }`, { id: order.id, code }, station.operator.token);
    expect(handed.data!.handOverOrder.status).toBe('DELIVERED');
    expect(handed.data!.handOverOrder.paidAt).toBeTruthy();
    const done = await t.gql(`mutation($id: ID!) { confirmReceipt(orderId: $id) { status completedAt } }`, { id: order.id }, buyer.token);
    expect(done.data!.confirmReceipt.status).toBe('COMPLETED');
    const review = await t.gql(`mutation($id: ID!) { reviewOrder(orderId: $id, rating: 5, comment: "茶很好") }`, { id: order.id }, buyer.token);
    expect(review.data!.reviewOrder).toBe(true);
    const reviewAgain = await t.gql(`mutation($id: ID!) { reviewOrder(orderId: $id, rating: 4) }`, { id: order.id }, buyer.token);
    expect(reviewAgain.errors?.[0]?.extensions.code).toBe('ordering/review-exists');
    const sales = await t.gql(`query($org: ID!) { sellerSales(organisationId: $org) { orders amountFen byChannel { channelCode amountFen } } }`, { org: tea.orgId }, tea.owner.token);
    expect(sales.data!.sellerSales).toEqual({ orders: 1, amountFen: 49000, byChannel: [{ channelCode: 'tea', amountFen: 49000 }] });
    const timeline = await t.gql(`query($id: ID!) { order(id: $id) { timeline { action toStatus actorRole } payments { kind method amountFen } } }`, { id: order.id }, buyer.token);
    expect(timeline.data!.order.timeline.map((e: any) => `${e.action}:${e.actorRole}`)).toEqual(['place:BUYER', 'ship:SELLER', 'arrive-at-station:STATION', 'hand-over:STATION', 'confirm-receipt:BUYER']);
    expect(timeline.data!.order.payments).toEqual([{ kind: 'PAYMENT', method: 'CASH_ON_DELIVERY', amountFen: 49000 }]);
  });

  it('completes delivered orders by itself after the set days, and handles refunds asked after delivery', async () => {
    const { listingId, owner } = await sellerWithListing(t, admin, { stock: 20 });
    const orders = [];
    for (let i = 0; i < 2; i++) orders.push((await place(t, buyer, { lines: [{ listingId, quantity: 1 }] })).data!.placeCheckout.orders[0]);
    for (const o of orders) {
      expect((await t.gql(`mutation($id: ID!) { confirmTransfer(orderId: $id, reference: "回单") { status } }`, { id: o.id }, owner.token)).data!.confirmTransfer.status).toBe('AWAITING_SHIPMENT');
      await t.gql(`mutation($input: ShipOrderInput!) { shipOrder(input: $input) { status } }`, { input: { orderId: o.id, ownDelivery: true } }, owner.token);
      expect((await t.gql(`mutation($id: ID!) { markDelivered(orderId: $id) { status } }`, { id: o.id }, owner.token)).data!.markDelivered.status).toBe('DELIVERED');
    }
    const asked = await t.gql(`mutation($id: ID!) { requestRefund(orderId: $id, reason: "茶叶受潮") { status } }`, { id: orders[1].id }, buyer.token);
    expect(asked.data!.requestRefund.status).toBe('REFUND_REQUESTED');
    const approved = await t.gql(`mutation($id: ID!) { decideRefund(orderId: $id, approve: true) { status } }`, { id: orders[1].id }, owner.token);
    expect(approved.data!.decideRefund.status).toBe('REFUNDED');
    await t.sql(`update sales_order set delivered_at = now() - interval '8 days' where id = $1`, [orders[0].id]);
    expect(await t.app.get(OrderService).autoConfirmDue()).toBe(1);
    const [row] = await t.sql<{ status: string }>('select status from sales_order where id = $1', [orders[0].id]);
    expect(row!.status).toBe('COMPLETED');
    expect(await t.sql('select 1 from sales_record where order_id = $1', [orders[0].id])).toHaveLength(1);
  });

  it('keeps other buyers and sellers out of an order and its lists', async () => {
    const { listingId, orgId } = await sellerWithListing(t, admin, { stock: 10 });
    const order = (await place(t, buyer, { paymentMethod: 'CASH_ON_DELIVERY', lines: [{ listingId, quantity: 1 }] })).data!.placeCheckout.orders[0];
    const other = await sellerWithListing(t, admin, { stock: 10 });
    const theirs = await t.gql(`query($org: ID!) { sellerOrders(organisationId: $org) { nodes { id } } }`, { org: orgId }, other.owner.token);
    expect(theirs.errors?.[0]?.extensions.code).toBe('auth/forbidden');
    const confirm = await t.gql(`mutation($id: ID!) { markDelivered(orderId: $id) { id } }`, { id: order.id }, other.owner.token);
    expect(confirm.errors?.[0]?.extensions.code).toBe('ordering/not-found');
    const mine = await t.gql(`query { myOrders(first: 100) { nodes { id } } }`, {}, buyer.token);
    expect(mine.data!.myOrders.nodes.map((o: any) => o.id)).toContain(order.id);
    expect(ORDER_FIELDS).toContain('actions');
  });
});
