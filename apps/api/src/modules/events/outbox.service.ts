import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { sqlIn } from '../../common/sql';
import type { EventType, NewEvent } from './domain-events';
import { JobRegistry } from './job-registry';

/** Delivered events, and the record of who handled them, are kept this long for operators to look back. */
const RETENTION_DAYS = 30;

/** Records domain events in the transaction of the change they describe. */
@Injectable()
export class OutboxService implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly jobs: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.jobs.every('prune-delivered-events', '11 4 * * *', async () => {
      const connection = this.orm.em.fork().getConnection();
      await connection.execute(`delete from handled_event where handled_at < now() - ? * interval '1 day'`, [RETENTION_DAYS]);
      // events on the failed list stay until they are retried
      await connection.execute(
        `delete from outbox o where o.dispatched_at < now() - ? * interval '1 day' and not exists (select 1 from job_failure f where f.event_id = o.id)`,
        [RETENTION_DAYS],
      );
    });
  }

  /**
   * Writes the events with `em`, which must be inside the transaction that makes the change: they
   * commit with it or not at all. Nothing is published from memory; the relay picks them up.
   */
  async record(em: EntityManager, ...events: NewEvent<EventType>[]): Promise<void> {
    if (!em.isInTransaction()) throw new Error('events are recorded inside the transaction of their change');
    if (!events.length) return;
    await sqlIn(em)(`${outboxInsert(eventsFromJson('?'))}`, [eventsJson(events)]);
  }
}

/**
 * The insert that records the events a query selects (columns type, aggregate, aggregate_id,
 * payload, in order of `n`; only when `condition` holds), for a statement that makes its change and records its events at
 * once; like `OutboxService.record`, it runs inside that change's transaction.
 */
export function outboxInsert(select: string, condition = 'true'): string {
  return `insert into outbox (type, aggregate, aggregate_id, payload) select e.type, e.aggregate, e.aggregate_id, e.payload from (${select}) e where ${condition} order by e.n`;
}

/** Events passed as one JSON parameter (see eventsJson), as rows for outboxInsert; `n` keeps their order. */
export function eventsFromJson(parameter: string): string {
  return `select x.e->>'type' as type, x.e->>'aggregate' as aggregate, x.e->>'aggregateId' as aggregate_id, x.e->'payload' as payload, x.n
            from jsonb_array_elements(${parameter}::jsonb) with ordinality as x(e, n)`;
}

export function eventsJson(events: readonly NewEvent<EventType>[]): string {
  return JSON.stringify(events.map((e) => ({ type: e.type, aggregate: e.aggregate, aggregateId: e.aggregateId, payload: e.payload })));
}
