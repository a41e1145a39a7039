import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A user's choice about one kind of notification; a kind without a row is on. */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreference {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @PrimaryKey({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;
}
