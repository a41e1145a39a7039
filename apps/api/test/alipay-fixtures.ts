import { ALIPAY_NOTIFY_PATH } from '../src/modules/ordering/alipay-notify';
import { formBody } from './alipay-gateway';
import type { TestApp } from './harness';
import { addressDelivery, newKey, PLACE, sellerWithListing } from './ordering-fixtures';
import type { Session } from './fixtures';

export const PAY = `mutation($orderId: ID!, $channel: AlipayChannel!) { payOrderWithAlipay(orderId: $orderId, channel: $channel) { outTradeNo channel url qrCode expiresAt } }`;

export interface AlipayOrder {
  id: string;
  number: string;
  totalFen: number;
  sellerId: string;
  listingId: string;
  seller: Awaited<ReturnType<typeof sellerWithListing>>;
}

/** A verified seller's listing bought by `buyer`, to be paid with Alipay (98 元/斤, no freight). */
export async function alipayOrder(t: TestApp, admin: Session, buyer: Session, { quantity = 2, stock = 100 } = {}): Promise<AlipayOrder> {
  const seller = await sellerWithListing(t, admin, { stock });
  const placed = await t.gql(PLACE, { input: { idempotencyKey: newKey(), paymentMethod: 'ALIPAY', delivery: addressDelivery(), lines: [{ listingId: seller.listingId, quantity }] } }, buyer.token);
  if (placed.errors) throw new Error(JSON.stringify(placed.errors));
  const order = placed.data!.placeCheckout.orders[0];
  return { id: order.id, number: order.number, totalFen: order.totalFen, sellerId: order.sellerId, listingId: seller.listingId, seller };
}

/** The buyer asks for a way to pay; throws on an error answer. */
export async function payLink(t: TestApp, buyer: Session, orderId: string, channel: 'PAGE' | 'WAP' | 'QR') {
  const result = await t.gql(PAY, { orderId, channel }, buyer.token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.payOrderWithAlipay as { outTradeNo: string; channel: string; url: string | null; qrCode: string | null; expiresAt: string };
}

/** Alipay posts a notification; returns the plain text the platform answered. */
export async function notify(t: TestApp, fields: Record<string, string> | string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: ALIPAY_NOTIFY_PATH,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    payload: typeof fields === 'string' ? fields : formBody(fields),
  });
  if (response.statusCode !== 200) throw new Error(`the notify endpoint answered ${response.statusCode}: ${response.body}`);
  return response.body;
}

export async function orderRow(t: TestApp, id: string) {
  const [row] = await t.sql<{ status: string; paid_at: Date | null }>('select status, paid_at from sales_order where id = $1', [id]);
  return row!;
}

/** Everything an Alipay notification can write, to show a refused one wrote nothing. */
export async function moneyWrites(t: TestApp, orderId: string) {
  const [row] = await t.sql<Record<string, string>>(
    `select (select status::text from sales_order where id = $1) as status,
            (select count(*) from order_transition where order_id = $1) as transitions,
            (select count(*) from payment_record where order_id = $1) as payments,
            (select count(*) from settlement_entry where order_id = $1) as settlement,
            (select count(*) from alipay_notification) as notifications,
            (select count(*) from outbox where aggregate_id = $1::text) as events,
            (select status from alipay_trade where order_id = $1) as trade`,
    [orderId],
  );
  return row!;
}

/**
 * The money invariant of Alipay settlement, per seller and overall: Alipay money in the platform's
 * account (payments recorded, less what Alipay refunded) equals what the ledger owes sellers plus
 * the platform's commission; order by order, the ledger's sale is the payment and its refund what
 * Alipay refunded. With `settled` (once the refund jobs ran), every refund an order owes through
 * Alipay has been made.
 */
export async function checkMoney(t: TestApp, { settled = false } = {}): Promise<void> {
  const problems = await t.sql<{ problem: string }>(`
    with alipay_in as (
      select o.seller_id, sum(p.amount_fen) as paid from payment_record p join sales_order o on o.id = p.order_id
       where p.method = 'ALIPAY' and p.kind = 'PAYMENT' group by o.seller_id),
    alipay_out as (
      select o.seller_id, sum(t.refunded_fen) as refunded from alipay_trade t join sales_order o on o.id = t.order_id group by o.seller_id),
    ledger as (
      select seller_id, sum(amount_fen) as amount, sum(owed_fen) as owed, sum(commission_fen) as commission
        from settlement_entry where kind in ('SALE', 'REFUND') group by seller_id),
    sellers as (select seller_id from alipay_in union select seller_id from alipay_out union select seller_id from ledger),
    per_seller as (
      select s.seller_id, coalesce(i.paid, 0) - coalesce(x.refunded, 0) as money_in, coalesce(l.amount, 0) as amount,
             coalesce(l.owed, 0) as owed, coalesce(l.commission, 0) as commission
        from sellers s left join alipay_in i using (seller_id) left join alipay_out x using (seller_id) left join ledger l using (seller_id))
    select 'seller ' || seller_id || ': money in ' || money_in || ' is not owed ' || owed || ' + commission ' || commission as problem
      from per_seller where money_in <> owed + commission or money_in <> amount
    union all
    select 'overall: money in ' || sum(money_in) || ' is not owed + commission ' || sum(owed + commission)
      from per_seller having coalesce(sum(money_in), 0) <> coalesce(sum(owed + commission), 0)
    union all
    select 'order ' || o.number || ': its sale entry is not its Alipay payment' from sales_order o
      join payment_record p on p.order_id = o.id and p.kind = 'PAYMENT' and p.method = 'ALIPAY'
      left join settlement_entry e on e.order_id = o.id and e.kind = 'SALE'
     where e.amount_fen is distinct from p.amount_fen or e.seller_id is distinct from o.seller_id
    union all
    select 'order ' || o.number || ': its refund entry is not what Alipay refunded' from alipay_trade t join sales_order o on o.id = t.order_id
      left join settlement_entry e on e.order_id = o.id and e.kind = 'REFUND'
     where coalesce(-e.amount_fen, 0) <> t.refunded_fen
    union all
    select 'order ' || o.number || ': Alipay refunded more than was paid' from alipay_trade t join sales_order o on o.id = t.order_id
     where t.refunded_fen > coalesce((select amount_fen from payment_record p where p.order_id = o.id and p.kind = 'PAYMENT'), 0)
    union all
    select 'entry ' || id || ': owed is not amount less commission' from settlement_entry where kind in ('SALE', 'REFUND') and owed_fen <> amount_fen - commission_fen
    ${settled ? `union all
    select 'order ' || o.number || ': a refund owed through Alipay was not made' from payment_record r join sales_order o on o.id = r.order_id
     where r.kind = 'REFUND' and r.method = 'ALIPAY' and r.amount_fen <> coalesce((select refunded_fen from alipay_trade t where t.order_id = r.order_id), 0)` : ''}`);
  if (problems.length) throw new Error(`money invariant broken:\n${problems.map((p) => p.problem).join('\n')}`);
}
