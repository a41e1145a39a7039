import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { parseCronItems, run, type JobHelpers, type Runner, type TaskList } from 'graphile-worker';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config';
import { PgNotificationHub } from '../../common/pg-notifications';
import { sqlIn } from '../../common/sql';
import type { StoredEvent } from './domain-events';
import { workerLogger } from './job-queue';
import { JobRegistry, type EventHandler, type Schedule } from './job-registry';
import { eventTask, OUTBOX_CHANNEL, OutboxRelay } from './outbox-relay';

export function scheduleTask(name: string): string {
  return `schedule:${name}`;
}

export function queuedTask(name: string): string {
  return `task:${name}`;
}


interface EventRow {
  id: string;
  type: string;
  aggregate: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

function storedEvent(row: EventRow): StoredEvent {
  return {
    id: String(row.id),
    type: row.type as StoredEvent['type'],
    aggregate: row.aggregate,
    aggregateId: row.aggregate_id,
    payload: row.payload as unknown as StoredEvent['payload'],
    createdAt: new Date(row.created_at),
  };
}

/**
 * Runs the job queue (graphile-worker, on the application's PostgreSQL) in this process: the
 * handlers of events the relay dispatches, and the schedules, each tick of which runs on exactly
 * one instance. Nothing runs here when the instance is configured with JOB_CONCURRENCY=0 (a web-only
 * instance); the others do the work.
 */
@Injectable()
export class JobRunnerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private runner: Runner | undefined;
  private pool: pg.Pool | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly registry: JobRegistry,
    private readonly relay: OutboxRelay,
    private readonly hub: PgNotificationHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobConcurrency === 0) return;
    this.pool = new pg.Pool({ connectionString: this.databaseUrl(), max: this.config.jobConcurrency + 2, application_name: 'xiangnong-jobs' });
    this.runner = await run({
      pgPool: this.pool,
      concurrency: this.config.jobConcurrency,
      noHandleSignals: true,
      pollInterval: 2_000,
      logger: workerLogger((level, message) => this.logger[level](message)),
      taskList: this.taskList(),
      parsedCronItems: parseCronItems(
        this.registry.allSchedules().map((s) => ({ task: scheduleTask(s.name), match: s.cron, identifier: s.name, options: { backfillPeriod: s.backfillMinutes * 60_000, maxAttempts: s.maxAttempts } })),
      ),
    });
    this.relay.start();
    this.unsubscribe = this.hub.subscribe(OUTBOX_CHANNEL, this.relay);
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.relay.stop();
    await this.runner?.stop();
    await this.pool?.end();
  }

  private databaseUrl(): string {
    return this.orm.config.get('clientUrl')!;
  }

  private taskList(): TaskList {
    const tasks: TaskList = {};
    for (const handler of this.registry.allHandlers()) {
      tasks[eventTask(handler.name)] = (payload, helpers) => this.deliver(handler, payload as { id: string }[], helpers);
    }
    for (const schedule of this.registry.allSchedules()) {
      tasks[scheduleTask(schedule.name)] = (payload, helpers) => this.runScheduled(schedule, payload as { _cron?: { ts: string } }, helpers);
    }
    for (const task of this.registry.allTasks()) {
      tasks[queuedTask(task.name)] = async (payload, helpers) => {
        const last = helpers.job.attempts >= helpers.job.max_attempts;
        try {
          await task.run(payload as Record<string, unknown>, { number: helpers.job.attempts, last });
        } catch (error) {
          if (!last) throw error;
          await this.recordFailure(task.name, null, error, helpers.job.attempts);
        }
      };
    }
    return tasks;
  }

  /**
   * Takes a batch of events for one handler. Each event is handled in a transaction of its own that
   * also records it as handled, so a batch delivered again skips the events already taken. Events
   * that fail are retried with the queue's backoff (only they: the others are taken out of the
   * batch); on the last attempt a failing event goes to the failed list instead.
   */
  private async deliver(handler: EventHandler, items: { id: string }[], helpers: JobHelpers): Promise<Promise<void>[]> {
    const ids = items.map((item) => item.id);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<EventRow[]>('select id, type, aggregate, aggregate_id, payload, created_at from outbox where id in (?)', [ids]);
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    if (handler.handleMany && rows.length > 1 && (await this.handleTogether(handler, rows))) return ids.map(() => Promise.resolve());
    const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
    const outcomes: (Error | undefined)[] = [];
    for (const id of ids) {
      const row = byId.get(String(id));
      if (!row) {
        outcomes.push(undefined); // removed since (retention): nothing left to do
        continue;
      }
      try {
        await this.handleOnce(handler, row);
        outcomes.push(undefined);
      } catch (error) {
        if (lastAttempt) {
          await this.recordFailure(handler.name, row.id, error, helpers.job.attempts);
          outcomes.push(undefined);
        } else {
          this.logger.warn(`${handler.name} failed on event ${row.id} (${row.type}), attempt ${helpers.job.attempts} of ${helpers.job.max_attempts}: ${(error as Error).message}`);
          outcomes.push(error as Error);
        }
      }
    }
    return outcomes.map((error) => {
      if (!error) return Promise.resolve();
      const rejected = Promise.reject(error);
      rejected.catch(() => undefined); // the queue reads it as this event's failure
      return rejected;
    });
  }

  /**
   * A batch handler's events in one transaction, with their handled rows; those handled before are
   * left out. False when it failed: the caller then takes the events one by one.
   */
  private async handleTogether(handler: EventHandler, rows: EventRow[]): Promise<boolean> {
    try {
      await this.orm.em.fork().transactional(async (em) => {
        const fresh = await sqlIn(em)<{ event_id: string }>(
          `insert into handled_event (handler, event_id, handled_at) select ?, unnest(array[?]::bigint[]), now() on conflict do nothing returning event_id`,
          [handler.name, rows.map((row) => row.id)],
        );
        const freshIds = new Set(fresh.map((f) => String(f.event_id)));
        const events = rows.filter((row) => freshIds.has(String(row.id))).map(storedEvent);
        if (events.length) await handler.handleMany!(events, em);
      });
      return true;
    } catch (error) {
      this.logger.warn(`${handler.name} failed on a batch of ${rows.length} events, taking them one by one: ${(error as Error).message}`);
      return false;
    }
  }

  private async handleOnce(handler: EventHandler, row: EventRow): Promise<void> {
    const event = storedEvent(row);
    await this.orm.em.fork().transactional(async (em) => {
      const fresh = await sqlIn(em)<{ event_id: string }>(
        'insert into handled_event (handler, event_id, handled_at) values (?, ?, now()) on conflict do nothing returning event_id',
        [handler.name, event.id],
      );
      if (fresh.length) await handler.handle(event, em);
    });
  }

  /** One tick of a schedule; retried by the queue, then put on the failed list. */
  private async runScheduled(schedule: Schedule, payload: { _cron?: { ts: string } }, helpers: JobHelpers): Promise<void> {
    try {
      await schedule.run(payload._cron?.ts ? new Date(payload._cron.ts) : new Date());
    } catch (error) {
      if (helpers.job.attempts < helpers.job.max_attempts) throw error;
      await this.recordFailure(schedule.name, null, error, helpers.job.attempts);
    }
  }

  private async recordFailure(handler: string, eventId: string | null, error: unknown, attempts: number): Promise<void> {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.error(`${handler} gave up${eventId ? ` on event ${eventId}` : ''} after ${attempts} attempts: ${message}`);
    await this.orm.em
      .fork()
      .getConnection()
      .execute('insert into job_failure (handler, event_id, error, attempts, failed_at) values (?, ?, ?, ?, now())', [handler, eventId, message.slice(0, 2000), attempts]);
  }
}
