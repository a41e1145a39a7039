import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { normalizeMobile, type PriceTier, unitPriceFor } from '@xiangnong/domain';
import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { RequestContext } from '../../common/request-context';
import { pooledQuery, preparedIn, type Sql, sqlIn } from '../../common/sql';
import { optionalText, requireText } from '../../common/text-input';
import { APP_CONFIG, type AppConfig } from '../../config';
import { StockService } from '../catalog/stock.service';
import { GeoService } from '../geo/geo.service';
import { DEFAULT_FREIGHT_RULES, type FreightRules, quoteFreight } from '../logistics/freight';
import { LogisticsService } from '../logistics/logistics.service';
import { PaymentMethod } from '../payments/payments.entities';
import { TradeService } from '../trade/trade.service';
import { OrderStatus } from './order-status';
import { type OrderRecord, type OrderRow, toOrderRecord } from './order.record';
import { retryOnDeadlock } from './transactions';

/** The most one order may come to (¥10,000,000): larger trades are signed as contracts. */
export const MAX_ORDER_FEN = 1_000_000_000;
const MAX_LINES = 50;
const MAX_QUANTITY = 1_000_000_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export interface CartLineInput {
  listingId: string;
  quantity: number;
  /** an accepted 求购 quote: the line is priced as agreed, up to the quoted quantity */
  quoteId?: string | null;
}

export interface DeliveryInput {
  /** a village service station; its county and address are the delivery's */
  stationId?: string | null;
  countyCode?: string | null;
  address?: string | null;
  recipientName: string;
  recipientPhone: string;
}

export interface CartInput {
  lines: CartLineInput[];
  delivery: DeliveryInput;
  /** how every seller's order is paid, unless `sellerPaymentMethods` says otherwise for one */
  paymentMethod: PaymentMethod;
  sellerPaymentMethods?: { sellerId: string; method: PaymentMethod }[] | null;
  note?: string | null;
}

export interface CheckoutInput extends CartInput {
  idempotencyKey: string;
  /** the total the buyer saw; when given and the server's differs, nothing is placed */
  expectedTotalFen?: number | null;
}

interface Delivery {
  kind: 'ADDRESS' | 'STATION';
  stationId: string | null;
  countyCode: string;
  address: string;
  recipientName: string;
  recipientPhone: string;
}

interface Cart {
  lines: CartLineInput[];
  delivery: Delivery;
  methods: Map<string, PaymentMethod>;
  defaultMethod: PaymentMethod;
  note: string | null;
}

interface ListingRow {
  id: string;
  organisation_id: string;
  seller_name: string;
  verification_status: string;
  channel_code: string;
  title: string;
  unit: string;
  origin_county_code: string;
  price_tiers: PriceTier[];
  min_order_quantity: number;
  stock: number;
  status: string;
  freight_rules: FreightRules | null;
  own: boolean;
  takes_transfers: boolean;
}

export interface PricedLine {
  listingId: string;
  title: string;
  channelCode: string;
  originCountyCode: string;
  unit: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

export interface PricedGroup {
  sellerId: string;
  sellerName: string;
  lines: PricedLine[];
  goodsFen: number;
  freightFen: number;
  coldChainFen: number;
  billedKg: number;
  totalFen: number;
  paymentMethod: PaymentMethod;
}

export interface PricedCart {
  groups: PricedGroup[];
  goodsFen: number;
  freightFen: number;
  totalFen: number;
}

/**
 * Prices carts and turns them into orders, one per seller. Every amount is computed here from the
 * listings as they are when the checkout runs; nothing the buyer sends is taken as a price.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly em: EntityManager,
    private readonly geo: GeoService,
    private readonly logistics: LogisticsService,
    private readonly stock: StockService,
    private readonly trade: TradeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the cart would cost, per seller with freight, as placing it now would charge. */
  async quote(ctx: RequestContext, input: CartInput): Promise<PricedCart> {
    const user = ctx.requireUser();
    const cart = await this.cart(input);
    return (await this.price(this.em.fork(), user.id, cart, null)).priced!;
  }

  /**
   * Places the cart as one order per seller, taking the stock in the same transaction. The same
   * idempotency key gives the same orders back however often it is retried; with another cart it
   * is refused.
   */
  async place(ctx: RequestContext, input: CheckoutInput): Promise<{ checkoutId: string; replayed: boolean; orders?: OrderRecord[] }> {
    const user = ctx.requireUser();
    if (typeof input.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(input.idempotencyKey)) throw new DomainError('ordering/idempotency-key-invalid');
    const cart = await this.cart(input);
    const requestHash = hashCart(cart);
    return retryOnDeadlock(() =>
      this.em.fork().transactional(async (em) => {
        // the key is claimed in the statement that locks and reads the listings
        const { priced, createdId } = await this.price(em, user.id, cart, { buyerId: user.id, key: input.idempotencyKey, requestHash });
        if (!priced) {
          // the key was used before: the same cart gets its orders back, another cart is refused, whatever the listings are now
          const [existing] = await sqlIn(em)<{ id: string; request_hash: string }>('select id, request_hash from checkout where buyer_id = ? and idempotency_key = ?', [user.id, input.idempotencyKey]);
          if (existing!.request_hash !== requestHash) throw new DomainError('ordering/idempotency-conflict');
          return { checkoutId: existing!.id, replayed: true };
        }
        if (input.expectedTotalFen !== undefined && input.expectedTotalFen !== null && input.expectedTotalFen !== priced.totalFen) {
          throw new DomainError('ordering/price-changed', { expectedTotalFen: input.expectedTotalFen, totalFen: priced.totalFen });
        }
        const orders = await this.write(em, createdId!, user.id, cart, priced);
        return { checkoutId: createdId!, replayed: false, orders };
      }),
    );
  }

  /**
   * Writes the orders, their lines and first moves in one statement, then takes the stock of every
   * line in one more (in listing id order, the order the rows were locked in), which also records
   * the orders' and the stock's events.
   */
  private async write(em: EntityManager, checkoutId: string, buyerId: string, cart: Cart, priced: PricedCart): Promise<OrderRecord[]> {
    const transferExpiry = new Date(Date.now() + this.config.transferPaymentHours * 3_600_000);
    const alipayExpiry = new Date(Date.now() + this.config.alipayPaymentMinutes * 60_000);
    const d = cart.delivery;
    const orders = priced.groups.map((group) => {
      const cod = group.paymentMethod === PaymentMethod.CASH_ON_DELIVERY;
      return { id: randomUUID(), group, status: cod ? OrderStatus.AWAITING_SHIPMENT : OrderStatus.AWAITING_PAYMENT, expiresAt: cod ? null : group.paymentMethod === PaymentMethod.ALIPAY ? alipayExpiry : transferExpiry };
    });
    const lines = orders.flatMap((o) => o.group.lines.map((line) => ({ orderId: o.id, line })));
    const placed = await preparedIn(em)<OrderRow>(
      `with placed as (
         insert into sales_order (id, number, checkout_id, buyer_id, seller_id, status, payment_method, goods_fen, freight_fen, total_fen,
           delivery_kind, recipient_name, recipient_phone, county_code, address, station_id, buyer_note, expires_at, placed_at, updated_at)
         select o.id, 'XN' || to_char(now() at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad(nextval('order_number_seq')::text, 6, '0'),
                ?, ?, o.seller_id, o.status::order_status, o.method::payment_method, o.goods, o.freight, o.goods + o.freight,
                ?, ?, ?, ?, ?, ?, ?, o.expires_at, now(), now()
           from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::timestamptz[]) as o(id, seller_id, status, method, goods, freight, expires_at)
         returning *),
       lines as (
         insert into order_line (id, order_id, listing_id, title, channel_code, origin_county_code, unit, quantity, unit_price_fen, amount_fen)
         select gen_random_uuid(), l.* from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[])
           as l(order_id, listing_id, title, channel_code, origin_county_code, unit, quantity, unit_price_fen, amount_fen)),
       moves as (
         insert into order_transition (order_id, action, from_status, to_status, actor_role, actor_id, created_at)
         select id, 'place', null, status, 'BUYER', ?, now() from placed)
       select * from placed order by number`,
      [
        checkoutId, buyerId,
        d.kind, d.recipientName, d.recipientPhone, d.countyCode, d.address, d.stationId, cart.note,
        orders.map((o) => o.id), orders.map((o) => o.group.sellerId), orders.map((o) => o.status), orders.map((o) => o.group.paymentMethod),
        orders.map((o) => o.group.goodsFen), orders.map((o) => o.group.freightFen), orders.map((o) => o.expiresAt),
        ...(['orderId', 'listingId', 'title', 'channelCode', 'originCountyCode', 'unit', 'quantity', 'unitPriceFen', 'amountFen'] as const).map((key) =>
          lines.map(({ orderId, line }) => (key === 'orderId' ? orderId : line[key])),
        ),
        buyerId,
      ],
    );
    const numbers = new Map(placed.map((r) => [r.id, r.number]));
    const events = orders.map((o) => ({
      type: 'order.placed' as const,
      aggregate: 'order',
      aggregateId: o.id,
      payload: {
        orderId: o.id,
        number: numbers.get(o.id)!,
        buyerId,
        sellerId: o.group.sellerId,
        stationId: d.stationId,
        status: o.status,
        paymentMethod: o.group.paymentMethod,
        totalFen: o.group.totalFen,
      },
    }));
    await this.stock.adjustMany(
      em,
      takenPerListing(lines),
      'order-reserved',
      buyerId,
      { alsoRecord: events },
    );
    return placed.map(toOrderRecord);
  }

  /** The cart as the server takes it: duplicates merged, delivery checked, every value bounded. */
  private async cart(input: CartInput): Promise<Cart> {
    const lines = new Map<string, CartLineInput>();
    if (!Array.isArray(input.lines) || input.lines.length === 0) throw new DomainError('ordering/cart-empty');
    for (const line of input.lines) {
      if (!isUuid(line.listingId)) throw new DomainError('ordering/listing-unavailable', { listingId: line.listingId });
      if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
        throw new DomainError('ordering/quantity-invalid', { listingId: line.listingId });
      }
      // a listing's lines are one line, unless bought at a quote's agreed price
      const key = `${line.listingId}|${line.quoteId ?? ''}`;
      const earlier = lines.get(key);
      if (earlier && line.quoteId) throw new DomainError('trade/quote-not-orderable', { quoteId: line.quoteId });
      lines.set(key, { listingId: line.listingId, quantity: (earlier?.quantity ?? 0) + line.quantity, quoteId: line.quoteId ?? null });
    }
    if (lines.size > MAX_LINES) throw new DomainError('ordering/cart-too-large');
    const methods = new Map<string, PaymentMethod>();
    for (const m of input.sellerPaymentMethods ?? []) methods.set(m.sellerId, m.method);
    return {
      lines: [...lines.values()],
      delivery: await this.delivery(input.delivery),
      methods,
      defaultMethod: input.paymentMethod,
      note: optionalText(input.note, 'orderNote', 'ordering/note-invalid') ?? null,
    };
  }

  private async delivery(input: DeliveryInput): Promise<Delivery> {
    const recipientName = requireText(input.recipientName ?? '', 'recipientName', 'ordering/recipient-invalid');
    const recipientPhone = normalizeMobile(input.recipientPhone ?? '');
    if (!recipientPhone) throw new DomainError('ordering/phone-invalid');
    if (input.stationId) {
      const station = await this.logistics.requireStation(this.em.fork(), input.stationId);
      return { kind: 'STATION', stationId: station.id, countyCode: station.countyCode, address: `${station.name}（${station.address}）`, recipientName, recipientPhone };
    }
    const county = await this.geo.requireCounty(input.countyCode ?? '');
    const address = requireText(input.address ?? '', 'deliveryAddress', 'ordering/address-invalid');
    return { kind: 'ADDRESS', stationId: null, countyCode: county.code, address, recipientName, recipientPhone };
  }

  /**
   * Prices the cart from the listings as they are: each line at its price tier, each seller's
   * parcel at its freight. Any line that cannot be bought refuses the whole cart with a typed error
   * naming it. With `checkout` (placing), the listings are locked in id order and the same statement
   * claims the idempotency key: `createdId` is the new checkout; when the key was used before,
   * nothing is priced (`priced` is null).
   */
  private async price(
    em: EntityManager,
    buyerId: string,
    cart: Cart,
    checkout: { buyerId: string; key: string; requestHash: string } | null,
  ): Promise<{ priced: PricedCart | null; createdId: string | null }> {
    const ids = [...new Set(cart.lines.map((l) => l.listingId))];
    const lock = checkout !== null;
    // planned once per connection: placing runs in its transaction, a quote on any pooled connection
    const sql: Sql = lock ? preparedIn(em) : (text, params = []) => pooledQuery(em, text, params, { prepare: true });
    // the listings with what pricing needs of their sellers: whether the buyer belongs to one, its freight rules, its bank account
    const rows = await sql<ListingRow & { created_id: string | null }>(
      `with ${lock ? `created as (
         insert into checkout (id, buyer_id, idempotency_key, request_hash, created_at) values (gen_random_uuid(), ?, ?, ?, now())
         on conflict (buyer_id, idempotency_key) do nothing returning id),
       ` : ''}found as (
         select l.id, l.organisation_id, o.name as seller_name, o.verification_status, l.channel_code, l.title, l.unit, l.origin_county_code,
                l.price_tiers, l.min_order_quantity, l.stock, l.status, t.rules as freight_rules,
                exists (select 1 from membership m where m.user_id = ? and m.organisation_id = l.organisation_id) as own,
                exists (select 1 from seller_bank_account a where a.organisation_id = l.organisation_id) as takes_transfers
           from listing l join organisation o on o.id = l.organisation_id
           left join shipping_template t on t.organisation_id = l.organisation_id
          where l.id = any(?::uuid[])
          order by l.id${lock ? ' for update of l' : ''})
       select k.created_id, f.* from (select ${lock ? '(select id from created)' : 'null::uuid'} as created_id) k left join found f on true order by f.id`,
      lock ? [checkout.buyerId, checkout.key, checkout.requestHash, buyerId, ids] : [buyerId, ids],
    );
    const createdId = rows[0]?.created_id ?? null;
    if (lock && !createdId) return { priced: null, createdId };
    const byId = new Map(rows.filter((r) => r.id !== null).map((r) => [r.id, r]));
    const groups = new Map<string, PricedGroup>();
    const wanted = new Map<string, number>();
    for (const { listingId, quantity, quoteId } of cart.lines) {
      const row = byId.get(listingId);
      if (!row || !['ACTIVE', 'SOLD_OUT'].includes(row.status) || row.verification_status !== 'VERIFIED') {
        throw new DomainError('ordering/listing-unavailable', { listingId });
      }
      if (row.own) throw new DomainError('ordering/own-listing', { listingId });
      if (!quoteId && quantity < row.min_order_quantity) throw new DomainError('ordering/quantity-invalid', { listingId, minOrderQuantity: row.min_order_quantity });
      wanted.set(listingId, (wanted.get(listingId) ?? 0) + quantity);
      if (wanted.get(listingId)! > row.stock) throw new DomainError('ordering/stock-insufficient', { listingId, available: row.stock });
      const unitPriceFen = quoteId ? await this.trade.agreedPrice(em, quoteId, buyerId, listingId, quantity, lock) : unitPriceFor(row.price_tiers, quantity)!;
      const amount = BigInt(quantity) * BigInt(unitPriceFen);
      if (amount > BigInt(MAX_ORDER_FEN)) throw new DomainError('ordering/amount-too-large', { listingId, maxFen: MAX_ORDER_FEN });
      let group = groups.get(row.organisation_id);
      if (!group) {
        const method = cart.methods.get(row.organisation_id) ?? cart.defaultMethod;
        group = { sellerId: row.organisation_id, sellerName: row.seller_name, lines: [], goodsFen: 0, freightFen: 0, coldChainFen: 0, billedKg: 0, totalFen: 0, paymentMethod: method };
        groups.set(row.organisation_id, group);
      }
      group.lines.push({
        listingId, title: row.title, channelCode: row.channel_code, originCountyCode: row.origin_county_code,
        unit: row.unit, quantity, unitPriceFen, amountFen: Number(amount),
      });
      group.goodsFen += Number(amount);
    }
    const sellerOf = new Map(rows.filter((r) => r.id !== null).map((r) => [r.organisation_id, r]));
    let goodsFen = 0;
    let freightFen = 0;
    for (const group of groups.values()) {
      const seller = sellerOf.get(group.sellerId)!;
      const quote = quoteFreight(seller.freight_rules ?? DEFAULT_FREIGHT_RULES, cart.delivery.countyCode, group.lines.map((l) => ({ quantity: l.quantity, unit: l.unit, channel: l.channelCode })), group.goodsFen);
      if (quote.freightFen === null) throw new DomainError('logistics/area-not-served', { sellerId: group.sellerId, sellerName: group.sellerName, countyCode: cart.delivery.countyCode });
      group.freightFen = quote.freightFen;
      group.coldChainFen = quote.coldChainFen;
      group.billedKg = quote.billedKg;
      group.totalFen = group.goodsFen + group.freightFen;
      if (group.totalFen > MAX_ORDER_FEN) throw new DomainError('ordering/amount-too-large', { sellerId: group.sellerId, maxFen: MAX_ORDER_FEN });
      if ((group.paymentMethod === PaymentMethod.ALIPAY && !this.config.alipay) || (group.paymentMethod === PaymentMethod.BANK_TRANSFER && !seller.takes_transfers)) {
        throw new DomainError('payments/method-unavailable', { sellerId: group.sellerId, sellerName: group.sellerName, method: group.paymentMethod });
      }
      goodsFen += group.goodsFen;
      freightFen += group.freightFen;
    }
    return { priced: { groups: [...groups.values()], goodsFen, freightFen, totalFen: goodsFen + freightFen }, createdId };
  }
}

/** The stock each listing gives, in listing id order (a listing's lines, bought at its price and at a quote's, are one change). */
function takenPerListing(lines: readonly { orderId: string; line: PricedLine }[]): { listingId: string; delta: number; reference: string }[] {
  const taken = new Map<string, { listingId: string; delta: number; reference: string }>();
  for (const { orderId, line } of lines) {
    const change = taken.get(line.listingId) ?? { listingId: line.listingId, delta: 0, reference: orderId };
    change.delta -= line.quantity;
    taken.set(line.listingId, change);
  }
  return [...taken.values()].sort((a, b) => (a.listingId < b.listingId ? -1 : 1));
}

/** What identifies a cart for its idempotency key: lines in listing order, delivery, payment, note. */
function hashCart(cart: Cart): string {
  const canonical = {
    lines: [...cart.lines].sort((a, b) => (`${a.listingId}|${a.quoteId ?? ''}` < `${b.listingId}|${b.quoteId ?? ''}` ? -1 : 1)).map((l) => [l.listingId, l.quantity, l.quoteId ?? null]),
    delivery: cart.delivery,
    methods: [...cart.methods].sort(([a], [b]) => (a < b ? -1 : 1)),
    defaultMethod: cart.defaultMethod,
    note: cart.note,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
