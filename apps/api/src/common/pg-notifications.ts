import pg from 'pg';
import type { Logger } from 'pino';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

export interface ChannelListener {
  /** a notification on the channel, with its payload */
  heard(payload: string | undefined): void;
  /** listening (again): anything announced while the connection was down was missed */
  connected?(): void;
  /** the connection is gone; it is being re-established */
  lost?(): void;
}

/**
 * The one PostgreSQL connection of this process that LISTENs. Every part that follows changes made
 * by any instance (cached answers, the outbox relay, live notifications, ended sessions) subscribes
 * to its channel here. When the connection drops it reconnects with backoff, and tells every
 * subscriber, which then catches up from its table: NOTIFY is not kept for whoever was away.
 */
export class PgNotificationHub {
  private client: pg.Client | undefined;
  private readonly channels = new Map<string, Set<ChannelListener>>();
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private running = false;
  /** LISTENs issued for channels first subscribed to while connected, until they take effect */
  private readonly pendingListens = new Map<string, Promise<void>>();
  /** LISTEN statements go one after another: a client runs one query at a time */
  private statements: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  get listening(): boolean {
    return this.client !== undefined;
  }

  /**
   * Adds a listener; if the hub is listening already, it is told `connected` as soon as its
   * channel is listened to (at once for a channel that already was). Returns how to remove it.
   */
  subscribe(channel: string, listener: ChannelListener): () => void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    let listeners = this.channels.get(channel);
    const client = this.client;
    if (!listeners) {
      listeners = new Set();
      this.channels.set(channel, listeners);
      if (client) {
        const listening = this.listen(client, channel).then(
          () => undefined,
          (error: Error) => this.drop(client, error),
        );
        this.pendingListens.set(channel, listening);
        void listening.finally(() => this.pendingListens.delete(channel));
      }
    }
    listeners.add(listener);
    if (client) {
      const own = listeners;
      // what is announced before LISTEN takes effect is not heard: `connected` waits for it
      const tell = () => {
        if (this.client === client && own.has(listener)) listener.connected?.();
      };
      const pending = this.pendingListens.get(channel);
      if (pending) void pending.then(tell);
      else tell();
    }
    return () => listeners.delete(listener);
  }

  /** Resolves once listening, or after the first failure (retries then go on in the background). */
  async start(): Promise<void> {
    this.running = true;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) this.each((listener) => listener.lost?.());
    await client?.end().catch(() => undefined);
  }

  private each(fn: (listener: ChannelListener) => void, channel?: string): void {
    const sets = channel ? [this.channels.get(channel)] : [...this.channels.values()];
    for (const set of sets) for (const listener of set ?? []) fn(listener);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: 'xiangnong-listen' });
    client.on('notification', (message) => {
      if (this.client === client) this.each((listener) => listener.heard(message.payload), message.channel);
    });
    client.on('error', (error) => this.drop(client, error));
    client.on('end', () => this.drop(client));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await this.listen(client, channel);
    } catch (error) {
      this.drop(client, error as Error);
      await client.end().catch(() => undefined);
      return;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    this.each((listener) => listener.connected?.());
  }

  private listen(client: pg.Client, channel: string): Promise<unknown> {
    const next = this.statements.then(() => client.query(`listen ${channel}`));
    this.statements = next.catch(() => undefined);
    return next;
  }

  private drop(client: pg.Client, error?: Error): void {
    if (this.client && this.client !== client) return;
    const wasListening = this.client === client;
    this.client = undefined;
    if (wasListening) this.each((listener) => listener.lost?.());
    if (!this.running || this.retryTimer) return;
    this.logger.warn({ err: error?.message }, 'PostgreSQL notifications cannot be heard; reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
