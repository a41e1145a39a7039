import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from '../../common/json.scalar';
import { Ctx, RequestContext } from '../../common/request-context';
import { AlertWebhooks } from './alert-webhooks';
import type { AlertWebhook, AlertWebhookDelivery } from './market.entities';

@ObjectType('AlertWebhook', { description: '价格提醒推送地址 / Where the user’s price alerts are also POSTed, signed with the secret' })
export class AlertWebhookView {
  @Field()
  url!: string;

  @Field({ description: 'HMAC-SHA256 key of the X-Xn-Signature header (t=<seconds>,v1=<hex of "<t>.<body>">); setting the address again makes a new one' })
  secret!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('AlertWebhookDelivery', { description: '推送记录 / One alert sent to the webhook and how it went' })
export class AlertWebhookDeliveryView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'price-alert or ping' })
  event!: string;

  @Field({ description: 'PENDING (tries left), DELIVERED or FAILED' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last answer' })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => GraphQLJSON)
  payload!: Record<string, unknown>;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

const deliveryView = (d: AlertWebhookDelivery): AlertWebhookDeliveryView => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus ?? null,
  error: d.error ?? null,
  payload: d.payload,
  createdAt: d.createdAt,
  finishedAt: d.finishedAt ?? null,
});

const hookView = (w: AlertWebhook): AlertWebhookView => ({ url: w.url, secret: w.secret, createdAt: w.createdAt });

@Resolver()
export class AlertWebhooksResolver {
  constructor(private readonly webhooks: AlertWebhooks) {}

  @Query(() => AlertWebhookView, { nullable: true, description: '我的提醒推送地址 / The signed-in user’s alert webhook' })
  async myAlertWebhook(@Ctx() ctx: RequestContext): Promise<AlertWebhookView | null> {
    const hook = await this.webhooks.mine(ctx);
    return hook && hookView(hook);
  }

  @Query(() => [AlertWebhookDeliveryView], { description: '推送记录，最新在前 / Deliveries to the webhook, newest first' })
  async myAlertWebhookDeliveries(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<AlertWebhookDeliveryView[]> {
    return (await this.webhooks.deliveries(ctx, first)).map(deliveryView);
  }

  @Mutation(() => AlertWebhookView, { description: '设置提醒推送地址（生成新密钥）/ Set the alert webhook (a new secret each time)' })
  async setAlertWebhook(@Ctx() ctx: RequestContext, @Args('url') url: string): Promise<AlertWebhookView> {
    return hookView(await this.webhooks.set(ctx, url));
  }

  @Mutation(() => Boolean, { description: '删除提醒推送地址 / Stop sending alerts to the webhook' })
  removeAlertWebhook(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.webhooks.remove(ctx);
  }

  @Mutation(() => AlertWebhookDeliveryView, { description: '发送测试推送 / Send a test delivery' })
  async pingAlertWebhook(@Ctx() ctx: RequestContext): Promise<AlertWebhookDeliveryView> {
    return deliveryView(await this.webhooks.ping(ctx));
  }
}
