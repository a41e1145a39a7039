import pg from 'pg';
import type { Logger } from 'pino';
import type { ResponseCache } from './response-cache';

/** The channel the database announces public-data changes on (see the PublicDataChanges migration). */
export const PUBLIC_DATA_CHANNEL = 'xn_public_data';

const LISTING_PREFIX = 'listing:';
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * Keeps one connection LISTENing for changes to the public catalogue. Every change (from this
 * process, another instance, a migration or psql) invalidates the response cache; while the
 * connection is down the cache is suspended, and it starts clean when the connection is back.
 */
export class PublicDataListener {
  private client: pg.Client | undefined;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly cache: ResponseCache,
    private readonly logger: Logger,
  ) {}

  /** Resolves once listening, or after the first failure (retries then go on in the background). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.cache.suspend();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true, application_name: 'xiangnong-public-data' });
    client.on('notification', (message) => {
      if (message.channel === PUBLIC_DATA_CHANNEL && this.client === client) this.heard(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`listen ${PUBLIC_DATA_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    this.cache.resume();
  }

  /**
   * `listing:tea,rice|<id>,<id>` when only those listings (of those channels) changed, `listing:tea,rice`
   * when there were too many to name; any other payload affects everything.
   */
  private heard(payload: string | undefined): void {
    if (!payload?.startsWith(LISTING_PREFIX)) return this.cache.invalidate();
    const [channelList = '', idList] = payload.slice(LISTING_PREFIX.length).split('|');
    const channels = channelList.split(',').filter(Boolean);
    if (!channels.length) return this.cache.invalidate();
    this.cache.invalidateListings(channels, idList?.split(',').filter(Boolean));
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client && this.client !== client) return;
    this.client = undefined;
    this.cache.suspend();
    if (this.stopped || this.retryTimer) return;
    this.logger.warn({ err: error?.message }, 'public data changes cannot be heard: response cache off until reconnected');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
