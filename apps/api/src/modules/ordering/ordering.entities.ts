import { Check, Entity, Enum, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { PaymentMethod } from '../payments/payments.entities';
import { OrderStatus } from './order-status';

/** One checkout: the request that made a buyer's orders, keyed by the buyer's idempotency key. */
@Entity({ tableName: 'checkout' })
@Unique({ properties: ['buyerId', 'idempotencyKey'] })
export class Checkout {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  buyerId!: string;

  @Property({ type: 'string', length: 64 })
  idempotencyKey!: string;

  /** sha-256 of the cart and delivery as asked, so that a key reused for another cart is refused */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** One seller's part of a checkout. Amounts in fen, recomputed by the server from the listing. */
@Entity({ tableName: 'sales_order' })
@Index({ properties: ['buyerId', 'placedAt'] })
@Index({ properties: ['sellerId', 'placedAt'] })
@Index({ properties: ['status', 'expiresAt'] })
@Index({ properties: ['stationId', 'status'] })
@Check({ name: 'sales_order_total', expression: 'total_fen = goods_fen + freight_fen and goods_fen > 0 and freight_fen >= 0' })
@Check({ name: 'sales_order_delivery', expression: `(delivery_kind = 'STATION') = (station_id is not null)` })
export class SalesOrder {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** what people quote on the phone: XN + China date + sequence */
  @Property({ type: 'string', length: 24, unique: true })
  number!: string;

  @Property({ type: 'uuid' })
  @Index()
  checkoutId!: string;

  @Property({ type: 'uuid' })
  buyerId!: string;

  /** the seller organisation */
  @Property({ type: 'uuid' })
  sellerId!: string;

  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  status!: OrderStatus;

  @Enum({ items: () => PaymentMethod, nativeEnumName: 'payment_method' })
  paymentMethod!: PaymentMethod;

  @Property({ type: 'integer' })
  goodsFen!: number;

  @Property({ type: 'integer' })
  freightFen!: number;

  @Property({ type: 'integer' })
  totalFen!: number;

  /** ADDRESS or STATION */
  @Property({ type: 'string', length: 8 })
  deliveryKind!: 'ADDRESS' | 'STATION';

  @Property({ type: 'string', length: 80 })
  recipientName!: string;

  @Property({ type: 'string', length: 11 })
  recipientPhone!: string;

  @Property({ type: 'string', length: 6 })
  countyCode!: string;

  @Property({ type: 'string', length: 400 })
  address!: string;

  @Property({ type: 'uuid', nullable: true })
  stationId?: string | null;

  @Property({ type: 'string', length: 400, nullable: true })
  buyerNote?: string | null;

  /** an unpaid order is cancelled and its stock returned after this */
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt?: Date | null;

  /** issued when the parcel reaches the station; the buyer shows it to collect */
  @Property({ type: 'string', length: 6, nullable: true })
  pickupCode?: string | null;

  @Property({ type: 'string', length: 400, nullable: true })
  cancelReason?: string | null;

  @Property({ type: 'timestamptz' })
  placedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  paidAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  shippedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/** A line of an order, as priced when it was placed. */
@Entity({ tableName: 'order_line' })
@Check({ name: 'order_line_amount', expression: 'quantity > 0 and unit_price_fen > 0 and amount_fen = quantity * unit_price_fen' })
export class OrderLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  @Index()
  orderId!: string;

  @Property({ type: 'uuid' })
  @Index()
  listingId!: string;

  @Property({ type: 'string', length: 240 })
  title!: string;

  @Property({ type: 'string', length: 20 })
  channelCode!: string;

  @Property({ type: 'string', length: 6 })
  originCountyCode!: string;

  @Property({ type: 'string', length: 10 })
  unit!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  unitPriceFen!: number;

  @Property({ type: 'integer' })
  amountFen!: number;
}

/** Every move of an order: what, from where to where, who and when. */
@Entity({ tableName: 'order_transition' })
@Index({ properties: ['orderId', 'id'] })
export class OrderTransition {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'string', length: 20 })
  action!: string;

  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status', nullable: true })
  fromStatus?: OrderStatus | null;

  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  toStatus!: OrderStatus;

  /** BUYER, SELLER, STATION, LOGISTICS or SYSTEM */
  @Property({ type: 'string', length: 10 })
  actorRole!: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'string', length: 400, nullable: true })
  note?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** A completed order line, as the sales figures of sellers and counties (and trade prices) count it. */
@Entity({ tableName: 'sales_record' })
@Index({ properties: ['sellerId', 'completedAt'] })
@Index({ properties: ['originCountyCode', 'completedAt'] })
export class SalesRecord {
  @PrimaryKey({ type: 'uuid' })
  orderLineId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  sellerId!: string;

  @Property({ type: 'uuid' })
  listingId!: string;

  @Property({ type: 'string', length: 20 })
  channelCode!: string;

  @Property({ type: 'string', length: 6 })
  originCountyCode!: string;

  @Property({ type: 'string', length: 10 })
  unit!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'integer' })
  amountFen!: number;

  /** price per kg in fen for mass units, for trade prices; null for count units */
  @Property({ type: 'integer', nullable: true })
  pricePerKgFen?: number | null;

  @Property({ type: 'timestamptz' })
  completedAt!: Date;
}

/** A buyer's review of a completed order's seller. */
@Entity({ tableName: 'order_review' })
@Check({ name: 'order_review_rating', expression: 'rating >= 1 and rating <= 5' })
export class OrderReview {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  @Index()
  sellerId!: string;

  @Property({ type: 'uuid' })
  buyerId!: string;

  @Property({ type: 'smallint' })
  rating!: number;

  @Property({ type: 'string', length: 1200, default: '' })
  comment: string & Opt = '';

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
