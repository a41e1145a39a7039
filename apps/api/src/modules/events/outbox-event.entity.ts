import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A domain event, written in the same transaction as the change it describes: if that transaction
 * rolls back, the event never existed. The relay hands it to its handlers through the job queue and
 * marks it dispatched in the same transaction as the jobs it adds.
 */
@Entity({ tableName: 'outbox' })
@Index({ name: 'outbox_undispatched_idx', expression: 'create index "outbox_undispatched_idx" on "outbox" ("id") where "dispatched_at" is null' })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 60 })
  type!: string;

  @Property({ type: 'string', length: 40 })
  aggregate!: string;

  @Property({ type: 'string', length: 64 })
  aggregateId!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  dispatchedAt?: Date;
}
