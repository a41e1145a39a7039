import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { inject } from 'vitest';
import { loadConfig } from '../src/config';
import { createServer } from '../src/server';

export interface GqlResult<T = Record<string, any>> {
  data: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; messageZh: string; messageEn: string; details?: any } }[];
  status: number;
}

export interface TestApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  sql<T = Record<string, any>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, or an empty one that no migration has touched. */
export async function createTestDatabase({ empty = false }: { empty?: boolean } = {}): Promise<string> {
  const serverUrl = inject('pgServerUrl');
  const name = `t_${randomBytes(8).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(empty ? `create database ${name}` : `create database ${name} template ${inject('templateDb')}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Boots the whole API on its own database; requests go through Fastify's injector (no sockets). */
export interface TestAppOptions {
  logger?: pino.Logger;
  /** another app's database, to run two instances against one */
  databaseUrl?: string;
  /** modules to load beside the product's (event handlers, schedules of a test) */
  modules?: Type[];
}

export async function startTestApp(overrides: Parameters<typeof loadConfig>[0] = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'xn-test-data-'));
  // The response cache is off unless a test asks for it: fixtures write behind the API's back, and
  // an in-process request can run before the change notice is delivered (see public-cache.test.ts).
  const config = loadConfig({ dataDir, uploadsDir: join(dataDir, 'uploads'), webDistDir: undefined, authSecret: 'test-secret-'.padEnd(40, 'x'), publicCacheMb: 0, ...overrides });
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  let app: NestFastifyApplication;
  try {
    app = await createServer({ config, databaseUrl, logger, poolMax: 5, extraModules: options.modules });
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    app,
    databaseUrl,
    async gql(query, variables = {}, token) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: JSON.stringify({ query, variables }),
      });
      const body = response.json() as Omit<GqlResult, 'status'>;
      return { ...body, data: body.data ?? null, status: response.statusCode } as GqlResult<any>;
    },
    async sql(text, params = []) {
      return (await pool.query(text, params)).rows;
    },
    async close() {
      await pool.end();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
