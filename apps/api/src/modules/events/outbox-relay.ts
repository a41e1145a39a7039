import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { ChannelListener } from '../../common/pg-notifications';
import { sqlIn } from '../../common/sql';
import { JobRegistry } from './job-registry';

/** The channel a statement that writes the outbox announces itself on (see the Outbox migration). */
export const OUTBOX_CHANNEL = 'xn_outbox';
/** Events taken per transaction; the relay loops while batches come back full. */
const BATCH = 500;
/** Events are also looked for this often, in case an announcement was missed. */
const POLL_MS = 5_000;
/**
 * An announcement is answered this much later, so that the events of a busy moment (a checkout a
 * few milliseconds) travel in one batch: one transaction and one job per handler for all of them,
 * instead of one for each.
 */
const GATHER_MS = 40;

export function eventTask(handler: string): string {
  return `event:${handler}`;
}

/**
 * Hands committed events to their handlers. In one transaction it takes a batch of undispatched
 * events (rows other instances are taking are skipped), adds one job per handler carrying that
 * batch's event ids to the job queue (which lives in the same database), and marks the events
 * dispatched: the jobs exist exactly when the events are marked, whatever crashes when. It runs on
 * every instance that runs jobs, woken by the outbox's announcements and by a slow poll.
 */
@Injectable()
export class OutboxRelay implements ChannelListener {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(
    private readonly orm: MikroORM,
    private readonly registry: JobRegistry,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), POLL_MS).unref();
    this.kick();
  }

  /** Stops taking new batches and waits for the one in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  heard(): void {
    this.kick();
  }

  connected(): void {
    this.kick();
  }

  /** Dispatches until nothing is waiting, a moment after the first kick; a kick while it runs makes it look once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    setTimeout(() => void this.drain(), GATHER_MS).unref();
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.dispatchBatch()) === BATCH);
        // what was announced meanwhile is gathered again before it goes
        if (this.again && !this.stopped) await new Promise((resolve) => setTimeout(resolve, GATHER_MS).unref());
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.error(`dispatching events failed; the next poll tries again: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** One transaction: take up to BATCH events, add their jobs, mark them dispatched. Returns how many it took. */
  async dispatchBatch(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const sql = sqlIn(em);
      const rows = await sql<{ id: string; type: string }>(
        'select id, type from outbox where dispatched_at is null order by id limit ? for update skip locked',
        [BATCH],
      );
      if (!rows.length) return 0;
      const byHandler = new Map<string, string[]>();
      for (const row of rows) {
        for (const handler of this.registry.handlersOf(row.type)) {
          byHandler.set(handler.name, [...(byHandler.get(handler.name) ?? []), row.id]);
        }
      }
      const specs = [...byHandler].map(([name, ids]) => ({
        identifier: eventTask(name),
        payload: ids.map((id) => ({ id })),
        max_attempts: this.registry.handler(name)!.maxAttempts,
      }));
      if (specs.length) {
        await sql(
          `select 1 from graphile_worker.add_jobs((
             select array_agg(row(s.identifier, s.payload, null, null, s.max_attempts, null, null, null)::graphile_worker.job_spec)
               from json_to_recordset(?::json) as s(identifier text, payload json, max_attempts int)))`,
          [JSON.stringify(specs)],
        );
      }
      await sql('update outbox set dispatched_at = now() where id in (?)', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
