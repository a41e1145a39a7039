import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventsModule } from '../src/modules/events/events.module';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { JobRegistry } from '../src/modules/events/job-registry';
import { TaskQueue } from '../src/modules/events/task-queue';
import { startTestApp, type TestApp } from './harness';
import { until } from './waiting';

declare module '../src/modules/events/domain-events' {
  interface EventPayloads {
    'test.batched': { n: number; poison: boolean };
  }
}

/** The sizes of the batches the handler was given, and the events a failing batch was retried with. */
const batches: number[] = [];
/** The payloads the test task ran with. */
const ran: unknown[] = [];

@Injectable()
class BatchHandler implements OnModuleInit {
  constructor(private readonly jobs: JobRegistry) {}

  onModuleInit(): void {
    this.jobs.onBatch(
      'test-batched',
      ['test.batched'],
      async (events, em) => {
        batches.push(events.length);
        for (const event of events) {
          await em.getConnection().execute('insert into test_batch_effect (event_id, n) values (?, ?)', [event.id, event.payload.n], 'run', em.getTransactionContext());
        }
        if (events.some((e) => e.payload.poison)) throw new Error('this event can never be handled');
      },
      { maxAttempts: 1 },
    );
    this.jobs.task('test-task', async (payload) => {
      ran.push(payload);
    });
  }
}

@Module({ imports: [EventsModule], providers: [BatchHandler] })
class BatchHandlerModule {}

describe('tasks asked for in a transaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { modules: [BatchHandlerModule] });
  });
  afterAll(() => t.close());

  it('run once the transaction commits, and never when it rolls back', async () => {
    const em = t.app.get(MikroORM).em.fork() as EntityManager;
    const queue = t.app.get(TaskQueue);
    await em.transactional(async (tx) => queue.enqueue(tx, 'test-task', { file: 'committed' }));
    await expect(em.transactional(async (tx) => {
      await queue.enqueue(tx, 'test-task', { file: 'rolled back' });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    await until('the task to run', async () => ran.length > 0);
    await until('the queue to be empty', async () => (await t.sql(`select 1 from graphile_worker.jobs where task_identifier = 'task:test-task'`)).length === 0);
    expect(ran).toEqual([{ file: 'committed' }]);
    await expect(em.transactional(async (tx) => queue.enqueue(tx, 'no-such-task', {}))).rejects.toThrow(/no task/);
  });
});

describe('handlers that take events in batches', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({}, { modules: [BatchHandlerModule] });
    await t.sql('create table test_batch_effect (event_id bigint not null, n int not null)');
  });
  afterAll(() => t.close());

  /** Events committed together, as one statement writes them, so that the relay takes them in one batch. */
  async function record(items: { n: number; poison?: boolean }[]): Promise<string[]> {
    const rows = await t.sql<{ id: string }>(
      `insert into outbox (type, aggregate, aggregate_id, payload) select 'test.batched', 'test', x.n::text, json_build_object('n', x.n, 'poison', x.poison)
         from unnest($1::int[], $2::boolean[]) as x(n, poison) returning id`,
      [items.map((i) => i.n), items.map((i) => i.poison ?? false)],
    );
    return rows.map((r) => String(r.id));
  }
  const effects = async (ids: string[]) => (await t.sql<{ n: number }>('select n from test_batch_effect where event_id = any($1::bigint[]) order by n', [ids])).map((r) => r.n);

  it('handles the events of a batch in one transaction, once each', async () => {
    batches.length = 0;
    const ids = await record([1, 2, 3, 4, 5].map((n) => ({ n })));
    await until('the batch to be handled', async () => (await effects(ids)).length === 5);
    expect(batches).toEqual([5]);
    // delivered again, as a crash after the effects would: nothing happens twice
    await t.sql(`select graphile_worker.add_job('event:test-batched', $1::json)`, [JSON.stringify(ids.map((id) => ({ id })))]);
    await until('the redelivery to be taken', async () => (await t.sql(`select 1 from graphile_worker.jobs where task_identifier = 'event:test-batched'`)).length === 0);
    expect(await effects(ids)).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([5]);
  });

  it('takes a failing batch apart, so that only the event that fails is held back', async () => {
    batches.length = 0;
    const ids = await record([{ n: 11 }, { n: 12, poison: true }, { n: 13 }]);
    await until('the good events to be handled', async () => (await effects(ids)).length === 2);
    await until('the bad one on the failed list', async () => (await t.sql(`select 1 from job_failure where handler = 'test-batched' and event_id = $1`, [ids[1]])).length === 1);
    expect(await effects(ids)).toEqual([11, 13]);
    expect(batches).toEqual([3, 1, 1, 1]); // the batch, then each event alone
  });
});
