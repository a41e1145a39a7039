import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One in-app notification for one user, in Chinese and English. Inserting rows announces the users
 * on `xn_notification` when the transaction commits (see the Notifications migration), and every
 * instance pushes them to the subscriptions it holds for those users.
 */
@Entity({ tableName: 'notification' })
@Index({ properties: ['userId', 'id'] })
@Index({ name: 'notification_unread_idx', expression: 'create index "notification_unread_idx" on "notification" ("user_id") where "read_at" is null' })
export class Notification {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'text' })
  titleZh!: string;

  @Property({ type: 'text' })
  titleEn!: string;

  @Property({ type: 'text' })
  bodyZh!: string;

  @Property({ type: 'text' })
  bodyEn!: string;

  /** a path in the storefront, e.g. /console */
  @Property({ type: 'string', length: 300, nullable: true })
  link?: string;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
