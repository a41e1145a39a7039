import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything the API reads from its environment, read once at start. */
export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded server under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  uploadsDir: string;
  webDistDir: string | undefined;
  authSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  seedDemoData: boolean;
  logLevel: string;
  /** memory for cached answers to anonymous catalogue queries, in MiB of JSON; 0 turns it off */
  publicCacheMb: number;
  /** believe X-Forwarded-For (behind a load balancer) for the client address that login limits count */
  trustProxy: boolean;
}

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

function intFromEnv(name: string, fallback: number, { allowZero = false } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${raw}"`);
  }
  return value;
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

export function loadConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const production = process.env.NODE_ENV === 'production';
  const dataDir = resolve(process.env.DATA_DIR ?? join(REPO_ROOT, '.data'));
  const webDist = process.env.WEB_DIST_DIR ?? join(REPO_ROOT, 'apps', 'web', 'dist');
  const base: AppConfig = {
    production,
    port: intFromEnv('PORT', 3000),
    host: process.env.HOST ?? '0.0.0.0',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    uploadsDir: resolve(process.env.UPLOADS_DIR ?? join(dataDir, 'uploads')),
    webDistDir: existsSync(join(webDist, 'index.html')) ? webDist : undefined,
    authSecret: overrides.authSecret ?? authSecret(production, dataDir),
    accessTokenTtlSeconds: intFromEnv('ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
    refreshTokenTtlSeconds: intFromEnv('REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
    seedDemoData: process.env.SEED_DEMO_DATA ? process.env.SEED_DEMO_DATA === 'true' : !production,
    logLevel: process.env.LOG_LEVEL ?? (production ? 'info' : 'info'),
    publicCacheMb: intFromEnv('PUBLIC_CACHE_MB', 32, { allowZero: true }),
    trustProxy: process.env.TRUST_PROXY === 'true',
  };
  return { ...base, ...overrides };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export { REPO_ROOT };
