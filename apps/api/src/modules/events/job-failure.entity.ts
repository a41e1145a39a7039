import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Work that failed on its last attempt: an event a handler could not take, or a scheduled run. It
 * waits here, with its error, until an admin retries it.
 */
@Entity({ tableName: 'job_failure' })
@Index({ properties: ['failedAt'] })
export class JobFailure {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** the event handler or schedule that failed */
  @Property({ type: 'string', length: 60 })
  handler!: string;

  /** the event it could not take; empty for a scheduled run */
  @Property({ type: 'bigint', nullable: true })
  eventId?: string;

  @Property({ type: 'text' })
  error!: string;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  failedAt: Date & Opt = new Date();
}
