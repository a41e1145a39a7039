import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** Our mirror of a trade's state at Alipay; CREATED: a payment link or code was handed out, nothing heard yet. */
export type AlipayTradeStatus = 'CREATED' | 'WAIT_BUYER_PAY' | 'TRADE_CLOSED' | 'TRADE_SUCCESS' | 'TRADE_FINISHED';

/**
 * An order's trade at Alipay. Its out_trade_no is the order number, so Alipay itself takes at most
 * one payment per order whichever channels the buyer opened (page, phone, QR code).
 */
@Entity({ tableName: 'alipay_trade' })
@Index({ properties: ['status', 'checkedAt'] })
export class AlipayTrade {
  @PrimaryKey({ type: 'string', length: 64 })
  outTradeNo!: string;

  @Property({ type: 'uuid', unique: true })
  orderId!: string;

  /** the order's total when the trade was opened, as Alipay was told it */
  @Property({ type: 'integer' })
  amountFen!: number;

  @Property({ type: 'string', length: 16 })
  status!: AlipayTradeStatus;

  /** PAGE, WAP or QR: the channel last opened */
  @Property({ type: 'string', length: 4 })
  channel!: string;

  /** Alipay's own trade number, once a notification or a query gave it */
  @Property({ type: 'string', length: 64, nullable: true })
  tradeNo?: string | null;

  /** what Alipay confirmed refunding on this trade */
  @Property({ type: 'integer', default: 0 })
  refundedFen: number & Opt = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();

  /** when reconciliation last asked Alipay about it */
  @Property({ type: 'timestamptz', nullable: true })
  checkedAt?: Date | null;
}

/**
 * Every verified notification Alipay sent, by its notify_id: a notification told again (Alipay
 * repeats until it hears `success`) finds its row and changes nothing.
 */
@Entity({ tableName: 'alipay_notification' })
@Index({ properties: ['outTradeNo', 'receivedAt'] })
export class AlipayNotification {
  @PrimaryKey({ type: 'string', length: 128 })
  notifyId!: string;

  @Property({ type: 'string', length: 64 })
  outTradeNo!: string;

  @Property({ type: 'string', length: 64 })
  tradeNo!: string;

  @Property({ type: 'string', length: 16 })
  tradeStatus!: string;

  @Property({ type: 'integer' })
  totalFen!: number;

  /** on a refund's notification: all refunded on the trade so far */
  @Property({ type: 'integer', nullable: true })
  refundFen?: number | null;

  @Property({ type: 'timestamptz' })
  notifyTime!: Date;

  /** what it did: paid, reinstated, refund-due, already-paid, noted */
  @Property({ type: 'string', length: 16 })
  effect!: string;

  @Property({ type: 'timestamptz' })
  receivedAt: Date & Opt = new Date();
}
