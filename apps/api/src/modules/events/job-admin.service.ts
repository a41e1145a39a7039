import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Metrics } from '../../common/metrics';
import { DomainError } from '../../common/errors';
import { decodeCursor, pageSize, toPage, type Page, type PageArgs } from '../../common/pagination';
import type { RequestContext } from '../../common/request-context';
import { sqlIn } from '../../common/sql';
import { JobRegistry } from './job-registry';
import { eventTask } from './outbox-relay';
import { scheduleTask } from './job-runner.service';

export interface QueueStatus {
  /** jobs ready or waiting to run (retries included), not running */
  waiting: number;
  running: number;
  /** jobs waiting for a retry after a failed attempt */
  retrying: number;
  /** work on the failed list */
  failed: number;
  /** committed events not yet handed to the queue */
  outboxWaiting: number;
  /** age of the oldest such event, in seconds (0 when none) */
  outboxLagSeconds: number;
  /** how long the oldest job that could run has been waiting, in seconds (0 when none) */
  queueLagSeconds: number;
}

export interface FailedWork {
  id: string;
  handler: string;
  error: string;
  attempts: number;
  failedAt: Date;
  event: { id: string; type: string; aggregate: string; aggregateId: string; createdAt: Date } | null;
}

interface FailureRow {
  id: string;
  handler: string;
  error: string;
  attempts: number;
  failed_at: Date;
  event_id: string | null;
  type: string | null;
  aggregate: string | null;
  aggregate_id: string | null;
  created_at: Date | null;
}

/** What operators see of the queue and the outbox, and the failed list they can retry from. */
@Injectable()
export class JobAdminService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: JobRegistry,
    private readonly metrics: Metrics,
  ) {}

  /** The queue's figures at every scrape of /metrics: one query for all of them. */
  onModuleInit(): void {
    this.metrics.gauges(
      {
        jobs_waiting: 'Jobs waiting to run, retries included',
        jobs_running: 'Jobs running now, on any instance',
        jobs_retrying: 'Jobs waiting for a retry after a failed attempt',
        jobs_failed: 'Work on the failed list',
        outbox_waiting: 'Committed events not yet handed to the job queue',
        outbox_lag_seconds: 'Age of the oldest event not yet handed to the job queue',
        job_queue_lag_seconds: 'How long the oldest runnable job has waited',
      },
      async () => {
        const s = await this.statusNow();
        return {
          jobs_waiting: s.waiting,
          jobs_running: s.running,
          jobs_retrying: s.retrying,
          jobs_failed: s.failed,
          outbox_waiting: s.outboxWaiting,
          outbox_lag_seconds: s.outboxLagSeconds,
          job_queue_lag_seconds: s.queueLagSeconds,
        };
      },
    );
  }

  /** The figures with a fresh EntityManager: scrapes come from outside any request. */
  private statusNow(): Promise<QueueStatus> {
    return this.status(this.em.fork());
  }

  /** The figures, for the admin page and /metrics; no caller check (the callers check). */
  async status(em: EntityManager = this.em): Promise<QueueStatus> {
    const [row] = await em.getConnection().execute<Record<string, string | number | null>[]>(`
      select
        (select count(*) from graphile_worker.jobs where locked_at is null and attempts < max_attempts) as waiting,
        (select count(*) from graphile_worker.jobs where locked_at is not null) as running,
        (select count(*) from graphile_worker.jobs where locked_at is null and attempts > 0 and attempts < max_attempts) as retrying,
        (select count(*) from job_failure) as failed,
        (select count(*) from outbox where dispatched_at is null) as outbox_waiting,
        coalesce(extract(epoch from now() - (select min(created_at) from outbox where dispatched_at is null)), 0) as outbox_lag,
        coalesce(extract(epoch from now() - (select min(run_at) from graphile_worker.jobs where locked_at is null and run_at <= now() and attempts < max_attempts)), 0) as queue_lag`);
    return {
      waiting: Number(row!.waiting),
      running: Number(row!.running),
      retrying: Number(row!.retrying),
      failed: Number(row!.failed),
      outboxWaiting: Number(row!.outbox_waiting),
      outboxLagSeconds: Math.max(0, Number(row!.outbox_lag)),
      queueLagSeconds: Math.max(0, Number(row!.queue_lag)),
    };
  }

  /** The failed list, newest first. */
  async failures(ctx: RequestContext, args: PageArgs): Promise<Page<FailedWork>> {
    ctx.requireAdmin();
    const size = pageSize(args.first);
    const where: string[] = [];
    const params: unknown[] = [];
    if (args.after) {
      const [id] = decodeCursor(args.after, ['int']);
      where.push('f.id < ?');
      params.push(id);
    }
    const rows = await this.em.getConnection().execute<FailureRow[]>(
      `select f.id, f.handler, f.error, f.attempts, f.failed_at, f.event_id, o.type, o.aggregate, o.aggregate_id, o.created_at
         from job_failure f left join outbox o on o.id = f.event_id
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by f.id desc limit ?`,
      [...params, size + 1],
    );
    const nodes: FailedWork[] = rows.map((r) => ({
      id: String(r.id),
      handler: r.handler,
      error: r.error,
      attempts: r.attempts,
      failedAt: new Date(r.failed_at),
      event: r.event_id
        ? { id: String(r.event_id), type: r.type ?? '', aggregate: r.aggregate ?? '', aggregateId: r.aggregate_id ?? '', createdAt: new Date(r.created_at ?? r.failed_at) }
        : null,
    }));
    return toPage(nodes, size, (n) => [Number(n.id)]);
  }

  /**
   * Puts failed work back on the queue with its attempts renewed, and off the failed list, in one
   * transaction: retried once, however often the button is pressed.
   */
  async retry(ctx: RequestContext, id: string): Promise<boolean> {
    ctx.requireAdmin();
    if (!/^[1-9][0-9]{0,17}$/.test(id)) throw new DomainError('jobs/failure-not-found');
    return this.em.transactional(async (em) => {
      const sql = sqlIn(em);
      const [failure] = await sql<{ handler: string; event_id: string | null }>('delete from job_failure where id = ? returning handler, event_id', [id]);
      if (!failure) throw new DomainError('jobs/failure-not-found');
      const handler = this.registry.handler(failure.handler);
      const schedule = this.registry.schedule(failure.handler);
      if (failure.event_id && handler) {
        await sql('select graphile_worker.add_job(?, ?::json, max_attempts => ?)', [eventTask(handler.name), JSON.stringify([{ id: String(failure.event_id) }]), handler.maxAttempts]);
      } else if (!failure.event_id && schedule) {
        await sql('select graphile_worker.add_job(?, ?::json, max_attempts => ?)', [scheduleTask(schedule.name), JSON.stringify({}), schedule.maxAttempts]);
      } else {
        // the handler or schedule is gone from this version of the product: nothing could take it
        throw new DomainError('jobs/failure-not-found');
      }
      return true;
    });
  }
}
