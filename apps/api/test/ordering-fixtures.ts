import type { TestApp } from './harness';
import { createListing, createOrganisation, makeAdmin, signUp, verify, type Session } from './fixtures';

/** Field selections the ordering tests read back. */
export const ORDER_FIELDS = 'id number status paymentMethod goodsFen freightFen totalFen sellerId deliveryKind stationId expiresAt actions pickupCode';

export const PLACE = `mutation($input: CheckoutInput!) { placeCheckout(input: $input) { checkoutId replayed orders { ${ORDER_FIELDS} } } }`;
export const QUOTE = `query($input: CartInput!) { checkoutQuote(input: $input) { goodsFen freightFen totalFen groups { sellerId goodsFen freightFen coldChainFen billedKg totalFen lines { listingId quantity unitPriceFen amountFen pricePerKgFen } } } }`;

let keys = 0;
/** A fresh idempotency key, as a client makes one per checkout attempt. */
export function newKey(): string {
  return `test-${process.pid}-${Date.now().toString(36)}-${++keys}`;
}

export const addressDelivery = (countyCode = '430923') => ({ countyCode, address: '江南镇洞市村 3 组', recipientName: '王采购', recipientPhone: '13912345678' });

export interface Seller {
  owner: Session;
  orgId: string;
}

/** A verified seller with a listing (stock and tiers as given), and its bank account for transfers. */
export async function sellerWithListing(t: TestApp, admin: Session, overrides: Record<string, unknown> = {}): Promise<Seller & { listingId: string }> {
  const owner = await signUp(t, '卖家');
  const orgId = await createOrganisation(t, owner);
  await verify(t, admin, orgId);
  const listingId = await createListing(t, owner, orgId, overrides);
  const { errors } = await t.gql(
    `mutation($org: ID!, $input: BankAccountInput!) { setBankAccount(organisationId: $org, input: $input) { accountNumber } }`,
    { org: orgId, input: { accountName: '安化县测试合作社', bankName: '农业银行安化支行', accountNumber: '6228480012345678' } },
    owner.token,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return { owner, orgId, listingId };
}

/** A verified service-station organisation with one station in `countyCode`. */
export async function stationOperator(t: TestApp, admin: Session, countyCode = '430923'): Promise<{ operator: Session; orgId: string; stationId: string }> {
  const operator = await signUp(t, '站长');
  const orgId = await createOrganisation(t, operator, { name: '江南镇村级电商服务站', kind: 'SERVICE_STATION', countyCode });
  await verify(t, admin, orgId);
  const { data, errors } = await t.gql(
    `mutation($input: CreateServiceStationInput!) { createServiceStation(input: $input) { id } }`,
    { input: { organisationId: orgId, name: '洞市村服务站', countyCode, address: '江南镇洞市村村部一楼' } },
    operator.token,
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return { operator, orgId, stationId: data!.createServiceStation.id };
}

export async function place(t: TestApp, buyer: Session, input: Record<string, unknown>) {
  return t.gql(PLACE, { input: { idempotencyKey: newKey(), paymentMethod: 'BANK_TRANSFER', delivery: addressDelivery(), ...input } }, buyer.token);
}

export { makeAdmin, signUp };

/**
 * The invariants that must hold whatever happened: no stock below zero; every listing's ledger adds
 * up to its stock; the stock orders hold is what was taken for them less what came back; every
 * order's money is its payment (and refund) records.
 */
export async function checkInvariants(t: TestApp): Promise<void> {
  const problems = await t.sql<{ problem: string }>(`
    select 'negative stock ' || id as problem from listing where stock < 0
    union all
    select 'ledger of ' || l.id || ' does not add up' from listing l
      where l.stock <> coalesce((select sum(delta) from stock_movement m where m.listing_id = l.id), 0)
    union all
    select 'orders hold other stock than taken for ' || l.id from listing l
      where coalesce((select -sum(delta) from stock_movement m where m.listing_id = l.id
                       and m.reason in ('order-reserved', 'order-reinstated', 'reservation-released', 'order-cancelled')), 0)
         <> coalesce((select sum(ol.quantity) from order_line ol join sales_order o on o.id = ol.order_id
                       where ol.listing_id = l.id and o.status <> 'CANCELLED'), 0)
    union all
    select 'order ' || o.number || ' paid without a payment of its total' from sales_order o
      where (o.paid_at is not null) <> exists (select 1 from payment_record p where p.order_id = o.id and p.kind = 'PAYMENT' and p.amount_fen = o.total_fen)
        and not (o.status = 'CANCELLED' and exists (select 1 from payment_record r where r.order_id = o.id and r.kind = 'REFUND'))
    union all
    select 'order ' || o.number || ' cancelled or refunded with money kept' from sales_order o
      where o.status in ('CANCELLED', 'REFUNDED')
        and coalesce((select sum(case kind when 'PAYMENT' then amount_fen else -amount_fen end) from payment_record p where p.order_id = o.id), 0) <> 0
    union all
    select 'order ' || o.number || ' total is not its lines and freight' from sales_order o
      where o.goods_fen <> (select sum(amount_fen) from order_line ol where ol.order_id = o.id)`);
  if (problems.length) throw new Error(`invariants broken:\n${problems.map((p) => p.problem).join('\n')}`);
}
