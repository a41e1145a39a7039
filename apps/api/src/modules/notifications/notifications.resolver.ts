import { Args, ArgsType, Field, ID, Int, Mutation, ObjectType, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Connection, PageArgs } from '../../common/pagination';
import { Ctx, RequestContext } from '../../common/request-context';
import { NotificationStream } from './notification-stream';
import { NotificationService, type NotificationPreferenceView, type NotificationRecord } from './notification.service';

@ObjectType('Notification', { description: '通知 / An in-app notification' })
export class NotificationView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. organisation-verified' })
  kind!: string;

  @Field()
  titleZh!: string;

  @Field()
  titleEn!: string;

  @Field()
  bodyZh!: string;

  @Field()
  bodyEn!: string;

  @Field(() => String, { nullable: true, description: 'A path in the storefront' })
  link!: string | null;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field()
  createdAt!: Date;
}

@ObjectType('NotificationPreference')
export class NotificationPreferenceObject {
  @Field()
  kind!: string;

  @Field()
  labelZh!: string;

  @Field()
  labelEn!: string;

  @Field()
  enabled!: boolean;
}

@ArgsType()
class NotificationsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only unread ones' })
  unreadOnly?: boolean;
}

const NotificationConnection = Connection(NotificationView, 'Notification');
type NotificationConnection = InstanceType<typeof NotificationConnection>;

@Resolver(() => NotificationView)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationService,
    private readonly stream: NotificationStream,
  ) {}

  @Query(() => NotificationConnection, { name: 'notifications', description: '我的通知 / Your notifications, newest first' })
  list(@Ctx() ctx: RequestContext, @Args() args: NotificationsArgs): Promise<NotificationConnection> {
    return this.service.list(ctx, args);
  }

  @Query(() => Int, { description: '未读通知数 / How many of your notifications are unread' })
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.service.unreadCount(ctx);
  }

  @Mutation(() => Int, { description: '标为已读 / Mark these notifications read (all when no ids are given); returns how many changed' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args('ids', { type: () => [ID], nullable: true }) ids?: string[]): Promise<number> {
    return this.service.markRead(ctx, ids ?? undefined);
  }

  @Query(() => [NotificationPreferenceObject], { description: '通知设置 / Which kinds of notification you get' })
  notificationPreferences(@Ctx() ctx: RequestContext): Promise<NotificationPreferenceView[]> {
    return this.service.preferences(ctx);
  }

  @Mutation(() => [NotificationPreferenceObject], { description: 'Turn a kind of notification on or off' })
  setNotificationPreference(@Ctx() ctx: RequestContext, @Args('kind') kind: string, @Args('enabled') enabled: boolean): Promise<NotificationPreferenceView[]> {
    return this.service.setPreference(ctx, kind, enabled);
  }

  @Subscription(() => NotificationView, {
    description: '新通知 / Your notifications as they arrive; with `after` (the last id you have, or "0" when you have none), the ones you missed first',
    resolve: (record: NotificationRecord) => record,
  })
  notificationAdded(@Ctx() ctx: RequestContext, @Args('after', { type: () => ID, nullable: true }) after?: string): Promise<AsyncIterableIterator<NotificationRecord>> {
    return this.stream.subscribe(ctx.requireUser().id, after);
  }
}
