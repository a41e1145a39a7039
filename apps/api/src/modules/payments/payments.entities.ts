import { Entity, Enum, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { registerEnumType } from '@nestjs/graphql';

export enum PaymentMethod {
  ALIPAY = 'ALIPAY',
  BANK_TRANSFER = 'BANK_TRANSFER',
  CASH_ON_DELIVERY = 'CASH_ON_DELIVERY',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: '支付宝 / 对公转账 / 货到付款' });

/** The account a seller receives bank transfers (对公转账) on. */
@Entity({ tableName: 'seller_bank_account' })
export class SellerBankAccount {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'string', length: 200 })
  accountName!: string;

  @Property({ type: 'string', length: 200 })
  bankName!: string;

  @Property({ type: 'string', length: 34 })
  accountNumber!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}

/**
 * Money that moved for an order: its payment, and its refund. At most one of each per order, so a
 * confirmation repeated or raced can never count twice.
 */
@Entity({ tableName: 'payment_record' })
@Unique({ properties: ['orderId', 'kind'] })
@Index({ properties: ['createdAt'] })
export class PaymentRecord {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  /** PAYMENT or REFUND */
  @Property({ type: 'string', length: 8 })
  kind!: 'PAYMENT' | 'REFUND';

  @Enum({ items: () => PaymentMethod, nativeEnumName: 'payment_method' })
  method!: PaymentMethod;

  @Property({ type: 'integer' })
  amountFen!: number;

  /** the bank reference, the collector's note, or the payment provider's trade number */
  @Property({ type: 'string', length: 64, nullable: true })
  reference?: string | null;

  /** who confirmed it: the seller (transfer), the person who handed the goods over (cash), none for a provider */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
