import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * That `handler` has taken effect for `eventId`: written in the handler's own transaction, so a
 * second delivery of the same event finds it and does nothing.
 */
@Entity({ tableName: 'handled_event' })
export class HandledEvent {
  @PrimaryKey({ type: 'string', length: 60 })
  handler!: string;

  @PrimaryKey({ type: 'bigint' })
  eventId!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  handledAt!: Date;
}
