import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SettlementEntry', { description: '结算流水 / One line of the settlement ledger' })
export class SettlementEntryView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'SALE（销售）, REFUND（退款）or PAYOUT（结算付款）' })
  kind!: string;

  @Field(() => ID, { nullable: true })
  orderId!: string | null;

  @Field(() => String, { nullable: true })
  orderNumber!: string | null;

  @Field(() => Int, { description: 'Alipay money into the platform’s account for the order: the payment, or minus a refund; 0 for a payout' })
  amountFen!: number;

  @Field(() => Int, { description: 'The platform’s commission on it (negative when a refund gives it back)' })
  commissionFen!: number;

  @Field(() => Int, { description: 'What the entry adds to what the platform owes the seller' })
  owedFen!: number;

  @Field(() => String, { nullable: true, description: 'Alipay trade number, refund request number, or the payout’s bank reference' })
  reference!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType({ description: '卖家结算单 / What the platform owed a seller over a period, and why' })
export class SellerStatement {
  @Field(() => ID)
  organisationId!: string;

  @Field({ description: 'First day, China time (YYYY-MM-DD)' })
  from!: string;

  @Field({ description: 'Last day, China time, included' })
  to!: string;

  @Field(() => Int, { description: 'Owed at the start of the period' })
  openingBalanceFen!: number;

  @Field(() => Int)
  salesFen!: number;

  @Field(() => Int)
  refundsFen!: number;

  @Field(() => Int, { description: 'Commission kept, less commission given back with refunds' })
  commissionFen!: number;

  @Field(() => Int)
  payoutsFen!: number;

  @Field(() => Int, { description: 'Owed at the end: opening + sales − refunds − commission − payouts' })
  closingBalanceFen!: number;

  @Field(() => [SettlementEntryView])
  entries!: SettlementEntryView[];

  @Field({ description: 'The entries as CSV (UTF-8 with a byte-order mark), for download' })
  csv!: string;
}
