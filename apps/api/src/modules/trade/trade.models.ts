import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';

@ObjectType('PurchaseRequest', { description: '求购 / A buyer’s purchase request' })
export class PurchaseRequestView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The buyer (采购方) organisation' })
  buyerId!: string;

  @Field()
  channelCode!: string;

  @Field(() => ID, { nullable: true })
  categoryId!: string | null;

  @Field()
  title!: string;

  @Field(() => Int)
  quantity!: number;

  @Field()
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'Per unit, in fen' })
  minPriceFen!: number | null;

  @Field(() => Int, { nullable: true })
  maxPriceFen!: number | null;

  @Field()
  deliveryCountyCode!: string;

  @Field()
  neededBy!: string;

  @Field()
  validUntil!: string;

  @Field({ description: 'OPEN, FULFILLED or CLOSED' })
  status!: string;

  @Field(() => Date)
  createdAt!: Date;
}

export const PurchaseRequestConnection = Connection(PurchaseRequestView, 'PurchaseRequest');
export type PurchaseRequestConnection = InstanceType<typeof PurchaseRequestConnection>;

@ObjectType('RequestQuote', { description: '报价 / A seller’s answer to a purchase request' })
export class RequestQuoteView {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  requestId!: string;

  @Field(() => ID)
  sellerId!: string;

  @Field(() => ID, { nullable: true })
  listingId!: string | null;

  @Field(() => Int)
  unitPriceFen!: number;

  @Field(() => Int)
  quantity!: number;

  @Field()
  deliveryDate!: string;

  @Field()
  note!: string;

  @Field({ description: 'PENDING, ACCEPTED or DECLINED' })
  status!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('ListingSuggestion', { description: '推荐的供应 / A listing that fits a purchase request' })
export class ListingSuggestionView {
  @Field(() => ID)
  listingId!: string;

  @Field(() => ID)
  sellerId!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  score!: number;

  @Field(() => Int, { nullable: true })
  pricePerKgFen!: number | null;

  @Field(() => [String], { description: 'Why it fits: price, stock, county, prefecture, certified' })
  reasons!: string[];
}

@InputType()
export class PostPurchaseRequestInput {
  @Field(() => ID, { description: 'The buyer (采购方) organisation posting it' })
  organisationId!: string;

  @Field()
  channelCode!: string;

  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field()
  title!: string;

  @Field(() => Int)
  quantity!: number;

  @Field({ description: 'Unit code, e.g. KG, JIN, TONNE, HEAD' })
  unit!: string;

  @Field(() => Int, { nullable: true })
  minPriceFen?: number;

  @Field(() => Int, { nullable: true })
  maxPriceFen?: number;

  @Field()
  deliveryCountyCode!: string;

  @Field({ description: 'YYYY-MM-DD' })
  neededBy!: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD, at most 90 days ahead; 30 days when left out' })
  validUntil?: string;
}

@InputType()
export class QuoteRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => ID, { description: 'The seller organisation quoting' })
  organisationId!: string;

  @Field(() => Int)
  unitPriceFen!: number;

  @Field(() => Int)
  quantity!: number;

  @Field()
  deliveryDate!: string;

  @Field({ nullable: true })
  note?: string;

  @Field(() => ID, { nullable: true, description: 'The seller’s listing the goods come from' })
  listingId?: string;
}

@ArgsType()
export class PurchaseRequestsArgs extends PageArgs {
  @Field({ nullable: true })
  channel?: string;

  @Field({ nullable: true, description: '标题中的词 / Words in the title' })
  q?: string;

  @Field({ nullable: true, description: 'Commodity code, e.g. live-hog' })
  commodity?: string;

  @Field({ nullable: true, description: '交货县 / Delivery county code' })
  countyCode?: string;

  @Field({ nullable: true, description: '交货市州 / Delivery prefecture code' })
  prefectureCode?: string;
}
