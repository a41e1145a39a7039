import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { PaymentMethod } from '../payments/payments.entities';
import { OrderStatus } from './order-status';

@InputType()
export class CartLineInput {
  @Field(() => ID)
  listingId!: string;

  @Field(() => Int, { description: 'In the listing’s unit' })
  quantity!: number;

  @Field(() => ID, { nullable: true, description: 'An accepted 求购 quote: the line is priced as agreed (up to the quoted quantity), once' })
  quoteId?: string;
}

@InputType({ description: '收货方式：送到地址，或送到村级服务站自提 / Delivery to an address, or to a village service station for pickup' })
export class DeliveryInput {
  @Field(() => ID, { nullable: true, description: 'A service station; its county and address are used' })
  stationId?: string;

  @Field({ nullable: true, description: 'County code of the address (without a station)' })
  countyCode?: string;

  @Field({ nullable: true, description: 'Township, village, street (without a station)' })
  address?: string;

  @Field()
  recipientName!: string;

  @Field()
  recipientPhone!: string;
}

@InputType()
export class SellerPaymentMethodInput {
  @Field(() => ID)
  sellerId!: string;

  @Field(() => PaymentMethod)
  method!: PaymentMethod;
}

@InputType()
export class CartInput {
  @Field(() => [CartLineInput])
  lines!: CartLineInput[];

  @Field(() => DeliveryInput)
  delivery!: DeliveryInput;

  @Field(() => PaymentMethod, { description: 'How each seller’s order is paid unless sellerPaymentMethods says otherwise' })
  paymentMethod!: PaymentMethod;

  @Field(() => [SellerPaymentMethodInput], { nullable: true })
  sellerPaymentMethods?: SellerPaymentMethodInput[];

  @Field({ nullable: true, description: 'A note to the sellers, at most 100 characters' })
  note?: string;
}

@InputType()
export class CheckoutInput extends CartInput {
  @Field({ description: 'Chosen by the client for this checkout (8–64 letters, digits, - or _); a retry with the same key returns the same orders' })
  idempotencyKey!: string;

  @Field(() => Int, { nullable: true, description: 'The total the buyer confirmed; when the server’s differs nothing is placed (ordering/price-changed)' })
  expectedTotalFen?: number;
}

@ObjectType()
export class QuoteLine {
  @Field(() => ID)
  listingId!: string;

  @Field()
  title!: string;

  @Field()
  unit!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'The price tier’s unit price, in fen' })
  unitPriceFen!: number;

  @Field(() => Int, { nullable: true, description: 'Per kilogram, for mass units' })
  pricePerKgFen!: number | null;

  @Field(() => Int)
  amountFen!: number;
}

@ObjectType({ description: '一个卖家的包裹 / One seller’s part of the cart' })
export class QuoteGroup {
  @Field(() => ID)
  sellerId!: string;

  @Field()
  sellerName!: string;

  @Field(() => [QuoteLine])
  lines!: QuoteLine[];

  @Field(() => Int)
  goodsFen!: number;

  @Field(() => Int)
  freightFen!: number;

  @Field(() => Int, { description: 'Part of the freight: the cold-chain surcharge for fresh produce' })
  coldChainFen!: number;

  @Field(() => Int, { description: 'Weight charged for, in whole kilograms' })
  billedKg!: number;

  @Field(() => Int)
  totalFen!: number;

  @Field(() => PaymentMethod)
  paymentMethod!: PaymentMethod;
}

@ObjectType({ description: '结算金额 / What a cart costs' })
export class CheckoutQuote {
  @Field(() => [QuoteGroup])
  groups!: QuoteGroup[];

  @Field(() => Int)
  goodsFen!: number;

  @Field(() => Int)
  freightFen!: number;

  @Field(() => Int)
  totalFen!: number;
}

@ObjectType('Order', { description: '订单（每个卖家一单）/ An order, one per seller of a checkout' })
export class OrderView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. XN20261201000042' })
  number!: string;

  @Field(() => ID)
  checkoutId!: string;

  @Field(() => ID)
  sellerId!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => PaymentMethod)
  paymentMethod!: PaymentMethod;

  @Field(() => Int)
  goodsFen!: number;

  @Field(() => Int)
  freightFen!: number;

  @Field(() => Int)
  totalFen!: number;

  @Field({ description: 'ADDRESS or STATION' })
  deliveryKind!: string;

  @Field()
  recipientName!: string;

  @Field({ description: 'In full to the seller, station and carrier who deliver; masked to nobody else (only they and the buyer see orders)' })
  recipientPhone!: string;

  @Field()
  countyCode!: string;

  @Field()
  address!: string;

  @Field(() => ID, { nullable: true })
  stationId!: string | null;

  @Field(() => String, { nullable: true })
  buyerNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'An unpaid order is cancelled at this time and its stock returned' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @Field(() => Date)
  placedAt!: Date;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  @Field(() => Date, { nullable: true })
  shippedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}

export const OrderConnection = Connection(OrderView, 'Order');
export type OrderConnection = InstanceType<typeof OrderConnection>;

@ObjectType()
export class PlaceCheckoutResult {
  @Field(() => ID)
  checkoutId!: string;

  @Field({ description: 'True when this key had placed these orders before (a retry)' })
  replayed!: boolean;

  @Field(() => [OrderView])
  orders!: OrderView[];
}

@ObjectType()
export class OrderLineView {
  @Field(() => ID)
  listingId!: string;

  @Field()
  title!: string;

  @Field()
  unit!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  unitPriceFen!: number;

  @Field(() => Int)
  amountFen!: number;
}

@ObjectType({ description: '订单进度 / One move of an order' })
export class OrderEvent {
  @Field()
  action!: string;

  @Field(() => OrderStatus, { nullable: true })
  fromStatus!: OrderStatus | null;

  @Field(() => OrderStatus)
  toStatus!: OrderStatus;

  @Field({ description: 'BUYER, SELLER, STATION, LOGISTICS or SYSTEM' })
  actorRole!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType()
export class TrackingEventView {
  @Field(() => Date)
  occurredAt!: Date;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field()
  source!: string;
}

@ObjectType()
export class ShipmentView {
  @Field(() => String, { nullable: true })
  carrier!: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  @Field({ description: 'Delivered by the seller itself' })
  ownDelivery!: boolean;

  @Field(() => ID, { nullable: true })
  logisticsOrganisationId!: string | null;

  @Field(() => [TrackingEventView])
  events!: TrackingEventView[];
}

@ObjectType({ description: '对公转账信息 / Where to send a bank transfer' })
export class BankTransferView {
  @Field()
  accountName!: string;

  @Field()
  bankName!: string;

  @Field()
  accountNumber!: string;

  @Field({ description: 'Write this in the transfer’s note so the seller can match it' })
  reference!: string;
}

@ObjectType()
export class PaymentRecordView {
  @Field({ description: 'PAYMENT or REFUND' })
  kind!: string;

  @Field(() => PaymentMethod)
  method!: PaymentMethod;

  @Field(() => Int)
  amountFen!: number;

  @Field(() => String, { nullable: true })
  reference!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class OrderReviewView {
  @Field(() => Int)
  rating!: number;

  @Field()
  comment!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ArgsType()
export class OrdersArgs extends PageArgs {
  @Field(() => OrderStatus, { nullable: true })
  status?: OrderStatus;
}

@ArgsType()
export class OrganisationOrdersArgs extends OrdersArgs {
  @Field(() => ID)
  organisationId!: string;
}

@InputType()
export class ShipOrderInput {
  @Field(() => ID)
  orderId!: string;

  @Field({ nullable: true, description: 'Express company code, e.g. SF, YTO, ZTO, EMS' })
  carrier?: string;

  @Field({ nullable: true })
  trackingNumber?: string;

  @Field({ nullable: true, description: 'The seller delivers itself (no carrier)' })
  ownDelivery?: boolean;

  @Field(() => ID, { nullable: true, description: 'A verified logistics partner that carries it' })
  logisticsOrganisationId?: string;
}

@ObjectType({ description: '销售统计 / Sales of completed orders' })
export class SalesFigures {
  @Field(() => Int)
  orders!: number;

  @Field(() => Float, { description: 'Sum of completed lines, in fen (a whole number; Float because it can pass 2³¹)' })
  amountFen!: number;

  @Field(() => [SalesByChannel])
  byChannel!: SalesByChannel[];
}

@ObjectType()
export class SalesByChannel {
  @Field()
  channelCode!: string;

  @Field(() => Float)
  amountFen!: number;

  @Field(() => Int)
  lines!: number;
}
