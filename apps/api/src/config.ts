import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Everything the API reads from its environment, read once at start: no other file reads
 * `process.env`. The README's environment table lists the same variables.
 */
export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded server under `dataDir` is used. */
  databaseUrl: string | undefined;
  /** loopback port of the embedded PostgreSQL */
  embeddedPgPort: number;
  /** started as root: where the embedded PostgreSQL keeps what its user cannot reach in the checkout */
  serviceHome: string | undefined;
  /** apply migrations and reference data at start when `databaseUrl` is set (the embedded database always is) */
  migrateOnStart: boolean;
  /** API processes sharing the port on this machine */
  apiWorkers: number;
  /** database connections each API process keeps at most (besides the job queue's and the one that listens) */
  dbPoolMax: number;
  /** jobs (event handlers, schedules) this process runs at once; 0: a web-only process that runs none */
  jobConcurrency: number;
  dataDir: string;
  /** where uploaded files are kept when no bucket is configured */
  uploadsDir: string;
  /** an S3-compatible bucket for uploaded files instead of `uploadsDir`, shared by every instance */
  s3: S3Settings | undefined;
  webDistDir: string | undefined;
  authSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** load the sample sellers and listings: by default into the embedded database only */
  seedDemoData: boolean;
  logLevel: string;
  /** print the address and the demo logins at start */
  printBanner: boolean;
  /** memory for cached answers to anonymous catalogue queries, in MiB of JSON; 0 turns it off */
  publicCacheMb: number;
  /** believe X-Forwarded-For (behind a load balancer) for the client address that login limits count */
  trustProxy: boolean;
  /** when set, /metrics answers only requests that bear it (`Authorization: Bearer …`) */
  metricsToken: string | undefined;
  /** a Meilisearch server for search instead of PostgreSQL */
  meili: MeiliSettings | undefined;
  /** most search documents a process holds in memory; with more, PostgreSQL search answers with SQL alone */
  searchResidentMaxDocuments: number;
  /** how long an order waiting for a bank transfer keeps its stock, in hours */
  transferPaymentHours: number;
  /** a delivered order the buyer has not confirmed completes by itself after this many days */
  autoConfirmDays: number;
  /** the shared secret carriers sign tracking pushes with; pushes are refused when unset */
  trackingWebhookSecret: string | undefined;
  /** the platform's Alipay application; buyers are offered Alipay only when it is set */
  alipay: AlipaySettings | undefined;
  /** how long an order waiting for an Alipay payment keeps its stock, in minutes (also the trade's time_expire at Alipay) */
  alipayPaymentMinutes: number;
  /** the platform's commission on Alipay sales, in basis points of the amount paid (100 = 1 %) */
  platformCommissionBps: number;
  /** whether alert webhooks may point at loopback and private networks (a closed installation); refused by default */
  alertWebhookPrivateHosts: boolean;
}

/**
 * The platform's Alipay application (open.alipay.com, public-key mode). Money paid through it lands
 * in the platform's account; the settlement ledger says what is owed to each seller.
 */
export interface AlipaySettings {
  appId: string;
  /** the application's RSA2 private key, PEM or bare base64 (PKCS#1 or PKCS#8) */
  privateKey: string;
  /** Alipay's public key for this application (not the application's own public key) */
  alipayPublicKey: string;
  /** the platform's partner id (PID, 2088…): notifications for any other seller account are refused */
  sellerId: string;
  /** the OpenAPI gateway the SDK calls */
  gateway: string;
  /** the public URL of POST /api/payments/alipay/notify, which Alipay calls when a trade changes */
  notifyUrl: string;
}

/** A Meilisearch server that answers the `search` query; the PostgreSQL index is kept as well (for suggestions and as a fallback). */
export interface MeiliSettings {
  host: string;
  apiKey: string | undefined;
  /** index name; separate deployments on one server use different names */
  index: string;
}

/** An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …) that holds the uploaded files. */
export interface S3Settings {
  bucket: string;
  region: string;
  /** the service's URL; AWS when absent */
  endpoint: string | undefined;
  /** both or neither; neither: the AWS SDK's own chain (instance or task role, AWS_* variables, ~/.aws) */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most self-hosted servers) */
  forcePathStyle: boolean;
}

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

function intFromEnv(name: string, fallback: number, { min = 1 } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

/** pino's levels, quietest last; Nest's own names (`log`, `verbose`) are not among them */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function logLevel(): string {
  const raw = process.env.LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  if (!LOG_LEVELS.includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw;
}

function booleanFromEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

/**
 * The bucket from S3_*, or undefined for the local folder. A setting without S3_BUCKET, or a key
 * without its secret, is a mistake said at start rather than uploads that land somewhere else.
 */
function s3Settings(): S3Settings | undefined {
  const bucket = process.env.S3_BUCKET || undefined;
  const accessKeyId = process.env.S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = process.env.S3_SECRET_ACCESS_KEY || undefined;
  const endpoint = process.env.S3_ENDPOINT || undefined;
  if (!bucket) {
    const stray = ['S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'].filter((name) => process.env[name]);
    if (stray.length) throw new Error(`${stray.join(', ')} set without S3_BUCKET`);
    return undefined;
  }
  if (!accessKeyId !== !secretAccessKey) throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) throw new Error(`S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  return {
    bucket,
    region: process.env.S3_REGION || 'us-east-1',
    endpoint,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: booleanFromEnv('S3_FORCE_PATH_STYLE', false),
  };
}

function trackingWebhookSecret(): string | undefined {
  const secret = process.env.TRACKING_WEBHOOK_SECRET || undefined;
  if (secret && secret.length < 32) throw new Error('TRACKING_WEBHOOK_SECRET must be at least 32 characters');
  return secret;
}

const ALIPAY_VARIABLES = ['ALIPAY_APP_ID', 'ALIPAY_PRIVATE_KEY', 'ALIPAY_PUBLIC_KEY', 'ALIPAY_SELLER_ID', 'ALIPAY_NOTIFY_URL'] as const;
export const ALIPAY_PRODUCTION_GATEWAY = 'https://openapi.alipay.com/gateway.do';

/**
 * Alipay from ALIPAY_*, all or nothing: a partial set is a mistake said at start rather than a
 * checkout that offers Alipay and fails at the first payment. The keys' format is checked when the
 * client is built (a self-test signature at boot).
 */
function alipaySettings(): AlipaySettings | undefined {
  const given = ALIPAY_VARIABLES.filter((name) => process.env[name]);
  if (!given.length) {
    if (process.env.ALIPAY_GATEWAY) throw new Error('ALIPAY_GATEWAY set without the other ALIPAY_* settings');
    return undefined;
  }
  if (given.length < ALIPAY_VARIABLES.length) {
    throw new Error(`Alipay needs all of ${ALIPAY_VARIABLES.join(', ')}; missing ${ALIPAY_VARIABLES.filter((name) => !process.env[name]).join(', ')}`);
  }
  const appId = process.env.ALIPAY_APP_ID!;
  const sellerId = process.env.ALIPAY_SELLER_ID!;
  const gateway = process.env.ALIPAY_GATEWAY || ALIPAY_PRODUCTION_GATEWAY;
  const notifyUrl = process.env.ALIPAY_NOTIFY_URL!;
  if (!/^\d{16}$/.test(appId)) throw new Error(`ALIPAY_APP_ID must be the 16 digits of the application id, got "${appId}"`);
  if (!/^2088\d{12}$/.test(sellerId)) throw new Error(`ALIPAY_SELLER_ID must be the platform's partner id (2088 and 12 digits), got "${sellerId}"`);
  if (!/^https?:\/\/[^/]/.test(gateway)) throw new Error(`ALIPAY_GATEWAY must be an http(s) URL, got "${gateway}"`);
  if (!/^https?:\/\/[^/]/.test(notifyUrl)) throw new Error(`ALIPAY_NOTIFY_URL must be an http(s) URL, got "${notifyUrl}"`);
  return { appId, privateKey: process.env.ALIPAY_PRIVATE_KEY!, alipayPublicKey: process.env.ALIPAY_PUBLIC_KEY!, sellerId, gateway, notifyUrl };
}

function commissionBps(): number {
  const bps = intFromEnv('PLATFORM_COMMISSION_BPS', 0, { min: 0 });
  if (bps > 10_000) throw new Error(`PLATFORM_COMMISSION_BPS is in basis points of the amount paid, at most 10000, got ${bps}`);
  return bps;
}

function alipayPaymentMinutes(): number {
  const minutes = intFromEnv('ALIPAY_PAYMENT_MINUTES', 30);
  // Alipay takes a trade's time_expire up to 15 days ahead
  if (minutes > 15 * 24 * 60) throw new Error(`ALIPAY_PAYMENT_MINUTES must be at most ${15 * 24 * 60}, got ${minutes}`);
  return minutes;
}

function meiliSettings(): MeiliSettings | undefined {
  const host = process.env.MEILI_HOST || undefined;
  if (!host) {
    if (process.env.MEILI_API_KEY) throw new Error('MEILI_API_KEY set without MEILI_HOST');
    return undefined;
  }
  if (!/^https?:\/\/[^/]/.test(host)) throw new Error(`MEILI_HOST must be an http(s) URL, got "${host}"`);
  const index = process.env.MEILI_INDEX || 'listings';
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(index)) throw new Error(`MEILI_INDEX must be letters, digits, - and _, got "${index}"`);
  return { host, apiKey: process.env.MEILI_API_KEY || undefined, index };
}

/**
 * In production AUTH_SECRET is required. On the embedded default a random secret is kept
 * under the data folder so that sessions survive restarts.
 */
function authSecret(production: boolean, dataDir: string): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters');
    return fromEnv;
  }
  if (production) throw new Error('AUTH_SECRET is required when NODE_ENV=production');
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The configuration of this process. Commands that only reach the database (`migrate`, `admin`)
 * pass `{ command: true }`: they sign no tokens, so they need no AUTH_SECRET.
 */
export function loadConfig(overrides: Partial<AppConfig> = {}, { command = false } = {}): AppConfig {
  const production = process.env.NODE_ENV === 'production';
  const dataDir = resolve(process.env.DATA_DIR ?? join(REPO_ROOT, '.data'));
  const webDist = process.env.WEB_DIST_DIR ?? join(REPO_ROOT, 'apps', 'web', 'dist');
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const base: AppConfig = {
    production,
    port: intFromEnv('PORT', 3000),
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl,
    embeddedPgPort: intFromEnv('EMBEDDED_PG_PORT', 54329),
    serviceHome: process.env.XN_SERVICE_HOME || undefined,
    migrateOnStart: booleanFromEnv('MIGRATE_ON_START', false),
    apiWorkers: intFromEnv('API_WORKERS', 1),
    dbPoolMax: intFromEnv('DB_POOL_MAX', 10),
    jobConcurrency: intFromEnv('JOB_CONCURRENCY', 4, { min: 0 }),
    dataDir,
    uploadsDir: resolve(process.env.UPLOADS_DIR ?? join(dataDir, 'uploads')),
    s3: s3Settings(),
    webDistDir: existsSync(join(webDist, 'index.html')) ? webDist : undefined,
    authSecret: overrides.authSecret ?? (command ? '' : authSecret(production, dataDir)),
    accessTokenTtlSeconds: intFromEnv('ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
    refreshTokenTtlSeconds: intFromEnv('REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
    seedDemoData: booleanFromEnv('SEED_DEMO_DATA', !databaseUrl && !production),
    logLevel: logLevel(),
    printBanner: booleanFromEnv('PRINT_BANNER', true),
    publicCacheMb: intFromEnv('PUBLIC_CACHE_MB', 32, { min: 0 }),
    trustProxy: booleanFromEnv('TRUST_PROXY', false),
    metricsToken: process.env.METRICS_TOKEN || undefined,
    meili: meiliSettings(),
    searchResidentMaxDocuments: intFromEnv('SEARCH_RESIDENT_MAX_DOCUMENTS', 500_000, { min: 0 }),
    transferPaymentHours: intFromEnv('TRANSFER_PAYMENT_HOURS', 72),
    autoConfirmDays: intFromEnv('AUTO_CONFIRM_DAYS', 7),
    trackingWebhookSecret: trackingWebhookSecret(),
    alipay: alipaySettings(),
    alipayPaymentMinutes: alipayPaymentMinutes(),
    platformCommissionBps: commissionBps(),
    alertWebhookPrivateHosts: booleanFromEnv('ALERT_WEBHOOK_PRIVATE_HOSTS', false),
  };
  return { ...base, ...overrides };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export { REPO_ROOT };
