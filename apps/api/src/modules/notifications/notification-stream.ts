import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type ChannelListener, PgNotificationHub } from '../../common/pg-notifications';
import { NotificationService, type NotificationRecord } from './notification.service';

/** The channel new notifications are announced on: their users' ids, or `*` when too many to list. */
export const NOTIFICATION_CHANNEL = 'xn_notification';
/** Notifications held for a subscriber that does not read them; past this the oldest give way (the list has them all). */
const MAX_QUEUED = 1_000;

interface Subscriber {
  userId: string;
  /** the newest notification this subscriber has been given */
  lastId: bigint;
  push(record: NotificationRecord): void;
}

/** An async iterator fed by `push`, that tells `onEnd` when its reader stops. */
function feed<T>(onEnd: () => void): { push(value: T): void; iterator: AsyncIterableIterator<T> } {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let ended = false;
  const finish = (): Promise<IteratorResult<T>> => {
    if (!ended) {
      ended = true;
      onEnd();
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: finish,
    throw: finish,
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return {
    push(value) {
      if (ended) return;
      if (waiting) {
        waiting({ value, done: false });
        waiting = undefined;
      } else {
        queue.push(value);
        if (queue.length > MAX_QUEUED) queue.shift();
      }
    },
    iterator,
  };
}

/**
 * Live notifications for the subscriptions this process holds. Announcements from PostgreSQL name
 * the users who got something (from any instance); this process reads what those of its
 * subscribers have not had yet and hands it over, in order. After the LISTEN connection comes back
 * it reads for every subscriber, so nothing announced while it was away is missed.
 */
@Injectable()
export class NotificationStream implements OnModuleInit, ChannelListener {
  private readonly logger = new Logger('NotificationStream');
  private readonly byUser = new Map<string, Set<Subscriber>>();
  /** users to read for; reads run one at a time so that each subscriber gets its notifications in order */
  private readonly dirty = new Set<string>();
  private reading: Promise<void> | undefined;

  constructor(
    private readonly hub: PgNotificationHub,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.hub.subscribe(NOTIFICATION_CHANNEL, this);
  }

  heard(payload: string | undefined): void {
    const users = !payload || payload === '*' ? [...this.byUser.keys()] : payload.split(',').filter((id) => this.byUser.has(id));
    this.catchUp(users);
  }

  connected(): void {
    this.catchUp([...this.byUser.keys()]);
  }

  /** Subscribers connected now; for metrics. */
  get size(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  /**
   * The notifications `userId` gets from now on — and, with `after` (the last id the client has),
   * those it missed since, first.
   */
  async subscribe(userId: string, after?: string | null): Promise<AsyncIterableIterator<NotificationRecord>> {
    const start = after && /^[0-9]{1,18}$/.test(after) ? after : await this.notifications.latestId(userId);
    const subscriber: Subscriber = { userId, lastId: BigInt(start), push: () => undefined };
    const stream = feed<NotificationRecord>(() => {
      const set = this.byUser.get(userId);
      set?.delete(subscriber);
      if (set && !set.size) this.byUser.delete(userId);
    });
    subscriber.push = stream.push;
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(subscriber);
    // anything newer than the starting point that arrived while subscribing
    this.catchUp([userId]);
    return stream.iterator;
  }

  private catchUp(userIds: readonly string[]): void {
    for (const id of userIds) this.dirty.add(id);
    if (!this.dirty.size || this.reading) return;
    this.reading = (async () => {
      try {
        while (this.dirty.size) {
          const users = [...this.dirty];
          this.dirty.clear();
          await this.deliver(users);
        }
      } catch (error) {
        this.logger.error(`reading new notifications failed: ${(error as Error).message}`);
      } finally {
        this.reading = undefined;
      }
    })();
  }

  private async deliver(userIds: string[]): Promise<void> {
    const subscribers = userIds.flatMap((id) => [...(this.byUser.get(id) ?? [])]);
    if (!subscribers.length) return;
    const from = subscribers.reduce((min, s) => (s.lastId < min ? s.lastId : min), subscribers[0]!.lastId);
    const records = await this.notifications.since([...new Set(subscribers.map((s) => s.userId))], String(from));
    for (const record of records) {
      const id = BigInt(record.id);
      for (const subscriber of this.byUser.get(record.userId) ?? []) {
        if (id <= subscriber.lastId) continue;
        subscriber.lastId = id;
        subscriber.push(record);
      }
    }
  }
}
