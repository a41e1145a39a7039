import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AlipayClient } from './alipay.client';

@ObjectType({ description: '平台可用的付款方式 / Ways of paying the platform offers' })
export class PaymentOptions {
  @Field({ description: 'Alipay is configured; otherwise the storefront does not offer it' })
  alipay!: boolean;
}

@Resolver()
export class PaymentOptionsResolver {
  constructor(private readonly alipay: AlipayClient) {}

  @Query(() => PaymentOptions, { description: '可用的付款方式 / Which ways of paying are available' })
  paymentOptions(): PaymentOptions {
    return { alipay: this.alipay.available };
  }
}
