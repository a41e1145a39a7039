import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventsModule } from '../src/modules/events/events.module';
import { JobRegistry } from '../src/modules/events/job-registry';
import { startTestApp, type TestApp } from './harness';
import { createListing, createOrganisation, makeAdmin, signUp, type Session } from './fixtures';
import { until } from './waiting';

/** How many times each test handler was called, by event id: the queue may call again, the effect must not repeat. */
const calls = new Map<string, number>();

@Injectable()
class TestHandlers implements OnModuleInit {
  constructor(private readonly jobs: JobRegistry) {}

  onModuleInit(): void {
    this.jobs.on(
      'test-flaky',
      ['organisation.applied'],
      async (event, em) => {
        const call = (calls.get(`flaky:${event.id}`) ?? 0) + 1;
        calls.set(`flaky:${event.id}`, call);
        await em.getConnection().execute('insert into test_effect (handler, event_id) values (?, ?)', ['test-flaky', event.id], 'run', em.getTransactionContext());
        // the effect above is in the handler's transaction: this failure takes it back
        if (call === 1) throw new Error('the first delivery fails');
      },
      { maxAttempts: 3 },
    );
    this.jobs.on(
      'test-broken',
      ['organisation.applied'],
      async (event) => {
        calls.set(`broken:${event.id}`, (calls.get(`broken:${event.id}`) ?? 0) + 1);
        throw new Error('this handler never works');
      },
      { maxAttempts: 2 },
    );
  }
}

@Module({ imports: [EventsModule], providers: [TestHandlers] })
class TestHandlersModule {}

@Injectable()
class TestSchedule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly orm: MikroORM,
  ) {}

  onModuleInit(): void {
    this.jobs.every('test-tick', '* * * * *', async (at) => void (await this.orm.em.fork().getConnection().execute('insert into test_tick (at) values (?)', [at])), {
      backfillMinutes: 10,
    });
  }
}

@Module({ imports: [EventsModule], providers: [TestSchedule] })
class TestScheduleModule {}

/** Lets the queue run retries now instead of after their backoff. */
async function runRetriesNow(t: TestApp, task: string): Promise<void> {
  await t.sql(`select graphile_worker.reschedule_jobs(array_agg(id), run_at => now()) from graphile_worker.jobs where task_identifier = $1 and locked_at is null`, [task]);
}


describe('events through the outbox and the job queue', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp({}, { modules: [TestHandlersModule] });
    await t.sql('create table test_effect (handler text not null, event_id bigint not null)');
    admin = await makeAdmin(t);
  });
  afterAll(() => t.close());

  async function applied(): Promise<string> {
    const owner = await signUp(t);
    const orgId = await createOrganisation(t, owner);
    const [event] = await t.sql<{ id: string }>(`select id from outbox where type = 'organisation.applied' and aggregate_id = $1`, [orgId]);
    return String(event!.id);
  }

  it('delivers again a handler that threw, and its effect happens once', async () => {
    const eventId = await applied();
    await until('the first delivery', async () => calls.get(`flaky:${eventId}`) === 1);
    await runRetriesNow(t, 'event:test-flaky');
    await until('the second delivery', async () => (calls.get(`flaky:${eventId}`) ?? 0) >= 2);
    const effects = () => t.sql(`select 1 from test_effect where handler = 'test-flaky' and event_id = $1`, [eventId]);
    await until('the effect', async () => (await effects()).length > 0);
    // delivered once more by hand, as a crash between the effect and the queue's bookkeeping would
    await t.sql(`select graphile_worker.add_job('event:test-flaky', $1::json)`, [JSON.stringify([{ id: eventId }])]);
    await until('the redelivery to be taken', async () => (await t.sql(`select 1 from graphile_worker.jobs where task_identifier = 'event:test-flaky'`)).length === 0);
    expect(await effects()).toHaveLength(1);
    expect(calls.get(`flaky:${eventId}`)).toBe(2);
  });

  it('puts an event whose handler keeps failing on the failed list, where an admin sees it and retries it', async () => {
    const eventId = await applied();
    await until('the first attempt', async () => calls.get(`broken:${eventId}`) === 1);
    await runRetriesNow(t, 'event:test-broken');
    const FAILED = `{ failedJobs(first: 50) { nodes { id handler error attempts event { id type aggregate } } } }`;
    const failed = await until('the failed list', async () => {
      const res = await t.gql(FAILED, {}, admin.token);
      return res.data!.failedJobs.nodes.find((n: { event: { id: string } | null }) => n.event?.id === eventId);
    });
    expect(failed).toMatchObject({ handler: 'test-broken', error: 'Error: this handler never works', attempts: 2, event: { type: 'organisation.applied', aggregate: 'organisation' } });
    const status = await t.gql(`{ jobQueue { failed outboxWaiting outboxLagSeconds } }`, {}, admin.token);
    expect(status.data!.jobQueue.failed).toBeGreaterThanOrEqual(1);
    expect(await until('the relay to catch up', async () => (await t.gql(`{ jobQueue { outboxWaiting } }`, {}, admin.token)).data!.jobQueue.outboxWaiting === 0)).toBe(true);

    // retried: off the list, on the queue again, tried again
    const RETRY = `mutation($id: ID!) { retryFailedJob(id: $id) }`;
    expect((await t.gql(RETRY, { id: failed.id }, admin.token)).data!.retryFailedJob).toBe(true);
    await until('the retry', async () => calls.get(`broken:${eventId}`) === 3);
    // retried twice: the second time there is nothing left to retry
    const again = await t.gql(RETRY, { id: failed.id }, admin.token);
    expect(again.errors![0]!.extensions.code).toBe('jobs/failure-not-found');
    expect((await t.gql(RETRY, { id: '999999999' }, admin.token)).errors![0]!.extensions.code).toBe('jobs/failure-not-found');
    expect((await t.gql(RETRY, { id: 'not-a-number' }, admin.token)).errors![0]!.extensions.code).toBe('jobs/failure-not-found');
    // only admins see and retry
    const owner = await signUp(t);
    expect((await t.gql(FAILED, {}, owner.token)).errors![0]!.extensions.code).toBe('auth/forbidden');
  });

  it('records an event with its change, or neither', async () => {
    const owner = await signUp(t);
    const orgId = await createOrganisation(t, owner);
    const listingId = await createListing(t, owner, orgId);
    const events = () => t.sql(`select type from outbox where aggregate_id = $1 order by id`, [listingId]);
    expect((await events()).map((e) => e.type)).toEqual(['listing.created']);
    // the title change and its event are in one transaction with an image that is not the seller's: all of it rolls back
    const res = await t.gql(
      `mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id } }`,
      { id: listingId, input: { title: '安化黑茶 改名未成', imageIds: ['4f7a1c52-3a63-4d3e-9d0b-2f1f7d0c9e11'] } },
      owner.token,
    );
    expect(res.errors![0]!.extensions.code).toBe('catalog/image-unknown');
    expect((await events()).map((e) => e.type)).toEqual(['listing.created']);
    expect((await t.sql(`select title from listing where id = $1`, [listingId]))[0]!.title).not.toBe('安化黑茶 改名未成');
    // and a change that commits carries its event
    await t.gql(`mutation($id: ID!) { updateListing(id: $id, input: { title: "安化黑茶 改名成功", stock: 7 }) { id } }`, { id: listingId }, owner.token);
    expect((await events()).map((e) => e.type)).toEqual(['listing.created', 'listing.changed', 'listing.stock-changed']);
  });
});

describe('schedules on two instances of one database', () => {
  let first: TestApp;
  let second: TestApp;

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('run each tick once', async () => {
    // the first instance sets the database up; its job runner is off until the stage is set
    first = await startTestApp({ jobConcurrency: 0 });
    await first.sql('create table test_tick (at timestamptz not null)');
    // the schedule was last run five minutes ago: both instances find the same four to six missed ticks when they start
    await first.sql(
      `insert into graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
       values ('test-tick', now() - interval '1 hour', date_trunc('minute', now()) - interval '5 minutes')`,
    );
    await first.close();
    const instances = await Promise.all([1, 2].map(() => startTestApp({}, { databaseUrl: first.databaseUrl, modules: [TestScheduleModule] })));
    [first, second] = instances as [TestApp, TestApp];
    await until('the missed ticks', async () => Number((await first.sql<{ n: string }>('select count(*) as n from test_tick'))[0]!.n) >= 5);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // time for a second run of any tick to show up
    const ticks = await first.sql<{ at: Date; runs: string }>('select at, count(*) as runs from test_tick group by at order by at');
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.every((tick) => Number(tick.runs) === 1)).toBe(true);
  });
});
