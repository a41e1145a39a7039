import { Check, Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export type SettlementKind = 'SALE' | 'REFUND' | 'PAYOUT';

/**
 * The settlement ledger: what the platform owes each seller for Alipay money that landed in the
 * platform's account. A paid order adds a SALE (its amount, less the platform's commission); a
 * refund Alipay carried out adds a REFUND that reverses its share of both; a payout an admin made
 * to the seller's bank account adds a PAYOUT. Entries are never changed or deleted, and each order
 * has one SALE and one REFUND at most, so a notification or a job repeated cannot count twice.
 * For every entry, owed = amount − commission; summed, money in = money owed + commission.
 */
@Entity({ tableName: 'settlement_entry' })
@Index({ properties: ['sellerId', 'createdAt'] })
@Unique({ properties: ['orderId', 'kind'] })
@Check({
  name: 'settlement_entry_amounts',
  expression: `(kind = 'SALE' and order_id is not null and order_number is not null and amount_fen > 0 and commission_fen >= 0 and commission_fen <= amount_fen and owed_fen = amount_fen - commission_fen)
    or (kind = 'REFUND' and order_id is not null and order_number is not null and amount_fen < 0 and commission_fen <= 0 and commission_fen >= amount_fen and owed_fen = amount_fen - commission_fen)
    or (kind = 'PAYOUT' and order_id is null and amount_fen = 0 and commission_fen = 0 and owed_fen < 0)`,
})
export class SettlementEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** the seller organisation the money is owed to */
  @Property({ type: 'uuid' })
  sellerId!: string;

  /** SALE, REFUND or PAYOUT */
  @Property({ type: 'string', length: 8 })
  kind!: SettlementKind;

  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  /** the order's number, as the seller's statement shows it */
  @Property({ type: 'string', length: 24, nullable: true })
  orderNumber?: string | null;

  /** money into the platform's account for the order: the payment (positive), a refund (negative); 0 for a payout */
  @Property({ type: 'integer' })
  amountFen!: number;

  /** the platform's share of `amountFen` */
  @Property({ type: 'integer' })
  commissionFen!: number;

  /** what this entry adds to what the platform owes the seller: amount less commission, or minus a payout */
  @Property({ type: 'integer' })
  owedFen!: number;

  /** Alipay's trade number, the refund's request number, or the payout's bank reference */
  @Property({ type: 'string', length: 64, nullable: true })
  reference?: string | null;

  /** the admin who recorded a payout */
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
