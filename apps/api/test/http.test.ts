import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

describe('request logs', () => {
  it('writes one JSON line per request when it is answered, with its id; routine ones at debug', async () => {
    const lines: Record<string, any>[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const t = await startTestApp({}, { logger });
    try {
      lines.length = 0;
      await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-request-id': 'log-test-1' }, payload: JSON.stringify({ query: '{ channels { code } }' }) });
      await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'log-test-2' } });
      await t.app.inject({ url: '/api/nothing-here', headers: { 'x-request-id': 'log-test-3' } });
      const byId = (id: string) => lines.filter((l) => l.reqId === id);
      expect(byId('log-test-1')).toEqual([expect.objectContaining({ level: 30, msg: 'request', method: 'POST', url: '/graphql', status: 200, ms: expect.any(Number) })]);
      expect(byId('log-test-2')).toEqual([expect.objectContaining({ level: 20, url: '/healthz', status: 200 })]);
      expect(byId('log-test-3')).toEqual([expect.objectContaining({ level: 30, status: 404 })]);
    } finally {
      await t.close();
    }
  });
});

describe('HTTP and GraphQL safeguards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('gives every response a request id, and echoes one it was sent', async () => {
    const fresh = await t.app.inject({ url: '/healthz' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('trace-abc-123');
  });

  it('blocks cross-site simple requests (CSRF prevention)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ query: '{ channels { code } }' }) });
    expect(res.statusCode).toBe(400);
    const get = await t.app.inject({ method: 'GET', url: '/graphql?query=%7Bchannels%7Bcode%7D%7D' });
    expect(get.statusCode).toBe(400);
  });

  it('refuses queries that are too deep, alias-heavy or too costly', async () => {
    const deep = await t.gql(`{ listings(channel: "tea") { nodes { seller { county { name } } channel { categories { channelCode } } } } }`);
    expect(deep.errors).toBeUndefined();
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: channels { code }`).join(' ');
    const flood = await t.gql(`{ ${aliases} }`);
    expect(flood.errors![0]!.extensions.code).toBe('request/too-complex');
    expect(flood.status).toBe(400);
    const costly = await t.gql(`query($n: Int) { a: listings(channel: "tea", first: $n) { nodes { images { url } seller { name county { name } } } } b: listings(channel: "rice", first: $n) { nodes { images { url } seller { name county { name } } } } }`, { n: 100 });
    expect(costly.errors).toBeUndefined();
    const many = Array.from({ length: 29 }, (_, i) => `l${i}: listings(channel: "tea", first: 100) { nodes { seller { name county { name } } images { url } channel { categories { nameZh } } } }`).join(' ');
    const tooCostly = await t.gql(`{ ${many} }`);
    expect(tooCostly.errors![0]!.extensions.code).toBe('request/too-complex');
    expect(tooCostly.errors![0]!.extensions.details.reason).toMatch(/^cost/);
  });

  it('answers malformed GraphQL with a typed error and no stack trace', async () => {
    const res = await t.gql(`{ listings(channel: 5) { nodes { id } } }`);
    expect(res.errors![0]!.extensions.code).toBe('request/invalid');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.ts:/);
  });
});

describe('production settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ production: true });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const res = await t.gql(`{ __schema { types { name } } }`);
    expect(res.errors![0]!.extensions.code).toBe('request/invalid');
  });
});

describe('storefront on the same port', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'xn-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>湘农网</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestApp({ webDistDir: dist });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves the built files, sends the index page for browser routes, and keeps API paths as 404', async () => {
    expect((await t.app.inject({ url: '/' })).body).toContain('湘农网');
    expect((await t.app.inject({ url: '/c/tea?x=1' })).body).toContain('湘农网');
    const asset = await t.app.inject({ url: '/assets/app.js' });
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missing = await t.app.inject({ url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('request/not-found');
    expect((await t.gql('{ channels { code } }')).data!.channels).toHaveLength(5);
  });
});
