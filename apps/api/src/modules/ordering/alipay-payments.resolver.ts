import { Args, Field, ID, Mutation, ObjectType, registerEnumType, Resolver } from '@nestjs/graphql';
import { Ctx, RequestContext } from '../../common/request-context';
import { AlipayPayments, type AlipayPaymentStart } from './alipay-payments';

export enum AlipayChannelOption {
  PAGE = 'PAGE',
  WAP = 'WAP',
  QR = 'QR',
}
registerEnumType(AlipayChannelOption, { name: 'AlipayChannel', description: '电脑网站支付 / 手机网站支付 / 扫码支付（用另一部手机扫码）' });

@ObjectType('AlipayPayment', { description: '支付宝付款入口 / Where the buyer pays the order with Alipay' })
export class AlipayPaymentView {
  @Field({ description: 'The trade’s number at Alipay (the order number)' })
  outTradeNo!: string;

  @Field(() => AlipayChannelOption)
  channel!: AlipayChannelOption;

  @Field(() => String, { nullable: true, description: 'PAGE and WAP: the cashier link to open' })
  url!: string | null;

  @Field(() => String, { nullable: true, description: 'QR: the content of the QR code to show' })
  qrCode!: string | null;

  @Field(() => Date, { description: 'Alipay takes no payment after this' })
  expiresAt!: Date;
}

@Resolver()
export class AlipayPaymentsResolver {
  constructor(private readonly alipay: AlipayPayments) {}

  @Mutation(() => AlipayPaymentView, { description: '用支付宝付款（买家）/ The order’s buyer pays it with Alipay' })
  payOrderWithAlipay(
    @Ctx() ctx: RequestContext,
    @Args('orderId', { type: () => ID }) orderId: string,
    @Args('channel', { type: () => AlipayChannelOption }) channel: AlipayChannelOption,
  ): Promise<AlipayPaymentStart> {
    return this.alipay.pay(ctx, orderId, channel);
  }
}
