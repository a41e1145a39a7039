import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { EventType, StoredEvent } from './domain-events';

/** Attempts before an event or a scheduled run lands in the failed list (backoff e^attempt seconds: about 2.5 hours in all). */
export const DEFAULT_MAX_ATTEMPTS = 8;

export interface EventHandler<T extends EventType = EventType> {
  /** stable name: it keys the record of handled events and the job's task */
  name: string;
  types: readonly T[];
  /** runs in a transaction of its own, which also records that the event was handled */
  handle: (event: StoredEvent<T>, em: EntityManager) => Promise<void>;
  /** for handlers that take many events at once (see JobRegistry.onBatch): one transaction for a delivered batch */
  handleMany?: (events: StoredEvent<T>[], em: EntityManager) => Promise<void>;
  maxAttempts: number;
}

export interface Schedule {
  name: string;
  /** crontab pattern in the server's time zone, e.g. `0 * * * *` */
  cron: string;
  run: (at: Date) => Promise<void>;
  maxAttempts: number;
  /** ticks missed while no instance ran (down for a deploy) within this many minutes are run on start, each once */
  backfillMinutes: number;
}

/** Work asked for once (an import to run), with what it needs to know; see JobRegistry.task and TaskQueue. */
export interface Task {
  name: string;
  run: (payload: Record<string, unknown>, attempt: { number: number; last: boolean }) => Promise<void>;
  maxAttempts: number;
}

const NAME = /^[a-z][a-z0-9-]{1,58}$/;

/**
 * Who wants which events, and what runs on a schedule. Modules register here while the application
 * starts (in `onModuleInit`); the job runner reads the registry once everything is registered.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly tasks = new Map<string, Task>();

  /** Delivers every committed event of these types to `handle`, at least once and in effect exactly once. */
  on<T extends EventType>(
    name: string,
    types: readonly T[],
    handle: (event: StoredEvent<T>, em: EntityManager) => Promise<void>,
    { maxAttempts = DEFAULT_MAX_ATTEMPTS } = {},
  ): void {
    this.claim(name);
    this.handlers.set(name, { name, types, handle: handle as EventHandler['handle'], maxAttempts });
  }

  /**
   * Like `on`, for a handler whose work for many events is cheaper done together (the search index
   * writes a batch of listings at once): the events of a delivered batch are handled in one
   * transaction. Should that fail, each event is handled on its own as `on` does, so one event that
   * keeps failing holds up no other.
   */
  onBatch<T extends EventType>(
    name: string,
    types: readonly T[],
    handleMany: (events: StoredEvent<T>[], em: EntityManager) => Promise<void>,
    { maxAttempts = DEFAULT_MAX_ATTEMPTS } = {},
  ): void {
    this.claim(name);
    this.handlers.set(name, {
      name,
      types,
      handle: ((event: StoredEvent<T>, em: EntityManager) => handleMany([event], em)) as EventHandler['handle'],
      handleMany: handleMany as EventHandler['handleMany'],
      maxAttempts,
    });
  }

  /** Runs `run` at every tick of `cron`, on exactly one instance. */
  every(name: string, cron: string, run: (at: Date) => Promise<void>, { maxAttempts = 3, backfillMinutes = 0 } = {}): void {
    this.claim(name);
    this.schedules.set(name, { name, cron, run, maxAttempts, backfillMinutes });
  }

  /**
   * Work that runs when asked for (TaskQueue.enqueue, in the transaction that asks), on one
   * instance, retried with backoff up to `maxAttempts`. `run` is told which attempt it is.
   */
  task(name: string, run: Task['run'], { maxAttempts = 3 } = {}): void {
    this.claim(name);
    this.tasks.set(name, { name, run, maxAttempts });
  }

  taskNamed(name: string): Task | undefined {
    return this.tasks.get(name);
  }

  allTasks(): Task[] {
    return [...this.tasks.values()];
  }

  handler(name: string): EventHandler | undefined {
    return this.handlers.get(name);
  }

  schedule(name: string): Schedule | undefined {
    return this.schedules.get(name);
  }

  allHandlers(): EventHandler[] {
    return [...this.handlers.values()];
  }

  allSchedules(): Schedule[] {
    return [...this.schedules.values()];
  }

  /** The handlers that take events of `type`. */
  handlersOf(type: string): EventHandler[] {
    return this.allHandlers().filter((h) => (h.types as readonly string[]).includes(type));
  }

  private claim(name: string): void {
    if (!NAME.test(name)) throw new Error(`job names are lowercase words with dashes, got "${name}"`);
    if (this.handlers.has(name) || this.schedules.has(name) || this.tasks.has(name)) throw new Error(`"${name}" is registered twice`);
  }
}
