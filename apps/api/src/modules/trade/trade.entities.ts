import { Check, Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A buyer's purchase request (求购): what, how much, at what price, delivered where and by when. */
@Entity({ tableName: 'purchase_request' })
@Index({ properties: ['channelCode', 'status', 'createdAt'] })
@Check({ name: 'purchase_request_prices', expression: 'min_price_fen is null or max_price_fen is null or min_price_fen <= max_price_fen' })
export class PurchaseRequest {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** the 采购方 organisation asking */
  @Property({ type: 'uuid' })
  @Index()
  buyerId!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'string', length: 20 })
  channelCode!: string;

  @Property({ type: 'integer', nullable: true })
  categoryId?: number | null;

  @Property({ type: 'integer', nullable: true })
  commodityId?: number | null;

  @Property({ type: 'string', length: 240 })
  title!: string;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'string', length: 10 })
  unit!: string;

  /** per unit, in fen */
  @Property({ type: 'integer', nullable: true })
  minPriceFen?: number | null;

  @Property({ type: 'integer', nullable: true })
  maxPriceFen?: number | null;

  @Property({ type: 'string', length: 6 })
  deliveryCountyCode!: string;

  @Property({ type: 'date' })
  neededBy!: string;

  @Property({ type: 'date' })
  validUntil!: string;

  /** OPEN, FULFILLED (a quote accepted) or CLOSED (withdrawn by the buyer) */
  @Property({ type: 'string', length: 10 })
  status!: 'OPEN' | 'FULFILLED' | 'CLOSED';

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** A seller's answer to a request: one per seller, which it may change while it is pending. */
@Entity({ tableName: 'request_quote' })
@Unique({ properties: ['requestId', 'sellerId'] })
@Check({ name: 'request_quote_amounts', expression: 'unit_price_fen > 0 and quantity > 0' })
export class RequestQuote {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  @Index()
  requestId!: string;

  @Property({ type: 'uuid' })
  @Index()
  sellerId!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'uuid', nullable: true })
  listingId?: string | null;

  @Property({ type: 'integer' })
  unitPriceFen!: number;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: 'date' })
  deliveryDate!: string;

  @Property({ type: 'string', length: 400, default: '' })
  note: string & Opt = '';

  /** PENDING, ACCEPTED, DECLINED (another was accepted, or the request closed), ORDERED (the buyer checked it out) */
  @Property({ type: 'string', length: 10 })
  status!: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'ORDERED';

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
