#!/usr/bin/env node
// The events-and-notifications benchmark:
//
//   node bench/events.mjs [--events 10000] [--rate 1000] [--clients 1000] [--rounds 5] [--keep-data]
//
// 1. Delivery: commits --events domain events to the outbox at --rate events a second (a
//    transaction every 10 ms, as changes arrive on a busy site), and measures how the relay and the
//    job queue hand them to a handler that does nothing: events delivered per second, and each
//    event's lag from commit to handled. Then the same number at once (a burst, e.g. an import):
//    how fast the backlog drains.
// 2. Fan-out: --clients WebSocket clients, half on each of two API processes sharing one database,
//    subscribe to their notifications; one statement notifies all of them at once (an announcement
//    to every subscriber), and the time until each client has it is measured, --rounds times.
// Beside them, in the same run: a bare node:http server's requests per second, and a bare `ws`
// server sending one message to as many clients — what this machine does with no framework.
// Builds nothing: build the API first (see bench/README.md). Everything runs on 127.0.0.1.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, percentile, say, sleep } from './support.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = join(BENCH_DIR, '..');
const API = join(REPO, 'apps', 'api');
const DIST = join(API, 'dist');
const TARGET = { eventsPerSecond: 1000, lagP99Ms: 1000, fanOutMs: 500 };
// the API's own packages, so that the bench uses exactly what the product runs
const requireApi = createRequire(join(API, 'package.json'));
const pg = requireApi('pg');
const { WebSocket, WebSocketServer } = requireApi('ws');
const { createClient } = requireApi('graphql-ws');
const autocannon = createRequire(join(BENCH_DIR, 'package.json'))('autocannon');

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const EVENTS = Number(args.events);
const RATE = Number(args.rate);
const CLIENTS = Number(args.clients);
const ROUNDS = Number(args.rounds);
if (![EVENTS, RATE, CLIENTS, ROUNDS].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--events, --rate, --clients and --rounds are positive whole numbers');
  process.exit(1);
}
if (!existsSync(join(DIST, 'main.js'))) {
  console.error('The API is not built: node scripts/pnpm.mjs --filter @xiangnong/domain build && node scripts/pnpm.mjs --filter @xiangnong/api build');
  process.exit(1);
}

const children = new Set();
const dataDir = mkdtempSync(join(tmpdir(), 'xn-bench-events-'));
chmodSync(dataDir, 0o755);
const secret = 'bench-events-secret-'.padEnd(48, 'x');

async function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  for (const child of children) if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  if (!args['keep-data']) rmSync(dataDir, { recursive: true, force: true });
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

/** @typedef {{ child: import('node:child_process').ChildProcess, url: string, port: number }} Api */

/**
 * Starts the built API (main.js) and waits until it is ready.
 * @param {Record<string, string>} env
 * @returns {Promise<Api>}
 */
async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(DIST, 'main.js')], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', PRINT_BANNER: 'false', AUTH_SECRET: secret, WEB_DIST_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error('the API exited before it was ready');
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return { child, url, port };
    await sleep(200);
  }
  throw new Error('the API was not ready within two minutes');
}

async function bareHttp() {
  const body = join(dataDir, 'bare-body.json');
  writeFileSync(body, JSON.stringify({ data: { unreadNotificationCount: 0 } }));
  const child = spawn(process.execPath, [join(BENCH_DIR, 'bare-server.mjs'), body], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  const port = await new Promise((resolve) => child.stdout.on('data', (d) => {
    const found = /PORT (\d+)/.exec(String(d));
    if (found) resolve(Number(found[1]));
  }));
  const result = await autocannon({ url: `http://127.0.0.1:${port}/`, connections: 32, duration: 5, method: 'POST', body: '{}' });
  child.kill('SIGTERM');
  return result.requests.average;
}

/**
 * A bare `ws` server sending one message to `n` clients: the time until the last has it, per round.
 * @param {number} n
 */
async function bareBroadcast(n) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  const sockets = await Promise.all(
    Array.from({ length: n }, () => new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`);
      ws.once('open', () => resolve(ws));
    })),
  );
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const arrived = sockets.map((ws) => new Promise((resolve) => ws.once('message', () => resolve(performance.now() - started))));
    for (const client of server.clients) client.send(JSON.stringify({ type: 'next', payload: { data: { notificationAdded: { id: String(round) } } } }));
    times.push(Math.max(...(await Promise.all(arrived))));
  }
  for (const ws of sockets) ws.close();
  await new Promise((resolve) => server.close(resolve));
  return times;
}

/**
 * Commits EVENTS events — at `rate` a second in a transaction every 10 ms, or all at once when
 * `rate` is 0 — and waits until the no-op handler has taken every one.
 * @param {string} databaseUrl @param {string} handler @param {number} rate
 */
async function deliveryBench(databaseUrl, handler, rate) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const mark = (await db.query(`select coalesce(max(id), 0) as id from outbox`)).rows[0].id;
    /** @param {number} n */
    const insert = (n) =>
      db.query(
        `insert into outbox (type, aggregate, aggregate_id, payload, created_at)
         select 'bench.noop', 'bench', g::text, '{}'::jsonb, clock_timestamp() from generate_series(1, $1) g`,
        [n],
      );
    const started = Date.now();
    if (rate === 0) {
      for (let done = 0; done < EVENTS; done += 1000) await insert(Math.min(1000, EVENTS - done));
    } else {
      const perTick = Math.max(1, Math.round(rate / 100));
      for (let done = 0, tick = 0; done < EVENTS; done += perTick, tick++) {
        await insert(Math.min(perTick, EVENTS - done));
        const due = started + (tick + 1) * 10;
        if (due > Date.now()) await sleep(due - Date.now());
      }
    }
    const committedIn = (Date.now() - started) / 1000;
    for (;;) {
      const [{ n }] = (await db.query(`select count(*)::int as n from handled_event where handler = $1 and event_id > $2`, [handler, mark])).rows;
      if (n >= EVENTS) break;
      if (Date.now() - started > 600_000) throw new Error(`only ${n} of ${EVENTS} events were handled in 10 minutes`);
      await sleep(20);
    }
    const { rows } = await db.query(
      `select extract(epoch from h.handled_at - o.created_at) * 1000 as lag_ms, extract(epoch from h.handled_at) as at, extract(epoch from o.created_at) as created
         from handled_event h join outbox o on o.id = h.event_id where h.handler = $1 and h.event_id > $2`,
      [handler, mark],
    );
    /** @type {{ lag_ms: string, at: string, created: string }[]} */
    const timings = rows;
    const lags = timings.map((r) => Number(r.lag_ms));
    const first = Math.min(...timings.map((r) => Number(r.created)));
    const last = Math.max(...timings.map((r) => Number(r.at)));
    return { eventsPerSecond: EVENTS / (last - first), lagP50: percentile(lags, 50), lagP99: percentile(lags, 99), lagMax: Math.max(...lags), committedIn };
  } finally {
    await db.end();
  }
}

/** @param {Api} first @param {Api} second @param {string} databaseUrl */
async function fanOutBench(first, second, databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { issueAccessToken } = requireApi(join(DIST, 'common', 'tokens.js'));
  try {
    say(`making ${CLIENTS} users and connecting them, half to each process`);
    const { rows: users } = await db.query(
      `insert into app_user (id, phone, display_name, password_hash, sessions_valid_after, created_at)
       select gen_random_uuid(), '1' || lpad((50000000 + g)::text, 10, '0'), '压测用户', 'x', to_timestamp(0), now()
         from generate_series(1, $1) g returning id`,
      [CLIENTS],
    );
    const now = Date.now();
    /** @type {{ client: any, got: number[] }[]} */
    const clients = users.map((/** @type {{ id: string }} */ user, /** @type {number} */ i) => {
      const token = issueAccessToken({ sub: user.id, fam: crypto.randomUUID(), adm: false, iatMs: now, exp: Math.floor(now / 1000) + 3600 }, secret);
      const url = `${(i % 2 ? second : first).url.replace('http', 'ws')}/graphql`;
      return { client: createClient({ url, webSocketImpl: WebSocket, connectionParams: { accessToken: token }, lazy: false, retryAttempts: 0, onNonLazyError: () => undefined }), got: [] };
    });
    const subscribed = clients.map(({ client, got }) => new Promise((/** @type {(value?: unknown) => void} */ resolve, reject) => {
      client.on('connected', () => resolve());
      client.subscribe({ query: 'subscription { notificationAdded { id } }' }, { next: () => got.push(performance.now()), error: reject, complete: () => undefined });
    }));
    await Promise.all(subscribed);
    await sleep(1_000); // every subscription registered on its process
    const times = [];
    const perClient = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of clients) c.got.length = 0;
      const started = performance.now();
      await db.query(
        `insert into notification (user_id, kind, title_zh, title_en, body_zh, body_en, created_at)
         select id, 'organisation-applied', '压测', 'Bench', '一条通知', 'One notification', now() from app_user where display_name = '压测用户'`,
      );
      for (;;) {
        if (clients.every((c) => c.got.length > 0)) break;
        if (performance.now() - started > 30_000) throw new Error(`only ${clients.filter((c) => c.got.length).length} of ${CLIENTS} clients got round ${round}`);
        await sleep(2);
      }
      const arrivals = clients.map((c) => c.got[0] - started);
      perClient.push(...arrivals);
      times.push(Math.max(...arrivals));
      await sleep(300);
    }
    await Promise.all(clients.map(({ client }) => client.dispose()));
    return { lastClientMs: times, p99: percentile(perClient, 99) };
  } finally {
    await db.end();
  }
}

/**
 * The no-op handler the delivery bench needs, loaded into a job-running process with the product's modules.
 * @param {string} databaseUrl
 */
async function startNoopWorker(databaseUrl) {
  const script = join(dataDir, 'noop-worker.cjs');
  writeFileSync(
    script,
    `require(${JSON.stringify(requireApi.resolve('reflect-metadata'))});
const { Injectable, Module } = require(${JSON.stringify(requireApi.resolve('@nestjs/common'))});
const pino = require(${JSON.stringify(requireApi.resolve('pino'))});
const { createServer } = require(${JSON.stringify(join(DIST, 'server.js'))});
const { loadConfig } = require(${JSON.stringify(join(DIST, 'config.js'))});
const { EventsModule } = require(${JSON.stringify(join(DIST, 'modules', 'events', 'events.module.js'))});
const { JobRegistry } = require(${JSON.stringify(join(DIST, 'modules', 'events', 'job-registry.js'))});
class Noop { constructor(jobs) { this.jobs = jobs; } onModuleInit() { this.jobs.on('bench-noop', ['bench.noop'], async () => undefined); } }
Injectable()(Noop);
Reflect.defineMetadata('design:paramtypes', [JobRegistry], Noop);
class NoopModule {}
Module({ imports: [EventsModule], providers: [Noop] })(NoopModule);
const config = loadConfig({ databaseUrl: ${JSON.stringify(databaseUrl)}, webDistDir: undefined, authSecret: ${JSON.stringify(secret)}, publicCacheMb: 0 });
createServer({ config, databaseUrl: ${JSON.stringify(databaseUrl)}, logger: pino({ level: 'warn' }), extraModules: [NoopModule] })
  .then(() => console.log('READY'))
  .catch((error) => { console.error(error); process.exit(1); });
process.on('SIGTERM', () => process.exit(0));
`,
  );
  const child = spawn(process.execPath, [script], { cwd: API, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  await new Promise((/** @type {(value?: unknown) => void} */ resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('READY') && resolve());
    child.once('exit', () => reject(new Error('the no-op worker exited')));
  });
  return child;
}

try {
  say('bare node:http, 5 s');
  const bareRps = await bareHttp();
  say(`bare ws broadcast to ${CLIENTS} clients`);
  const bare = await bareBroadcast(CLIENTS);

  // the first process owns the embedded database and serves requests; it runs no jobs, so that
  // the delivery bench measures the no-op worker alone
  const pgPort = await freePort();
  const first = await startApi({ DATA_DIR: join(dataDir, 'first'), EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: '', JOB_CONCURRENCY: '0', SEED_DEMO_DATA: 'false' });
  const databaseUrl = `postgresql://xiangnong:xiangnong@127.0.0.1:${pgPort}/postgres`;
  const worker = await startNoopWorker(databaseUrl);
  say(`${EVENTS} events at ${RATE} a second`);
  const delivery = await deliveryBench(databaseUrl, 'bench-noop', RATE);
  say(`${EVENTS} events at once`);
  const burst = await deliveryBench(databaseUrl, 'bench-noop', 0);
  worker.kill('SIGTERM');

  const second = await startApi({ DATA_DIR: join(dataDir, 'second'), DATABASE_URL: databaseUrl, JOB_CONCURRENCY: '0' });
  const fanOut = await fanOutBench(first, second, databaseUrl);

  const bareP = Math.max(...bare);
  console.log('');
  console.log(`bare node:http            ${bareRps.toFixed(0)} req/s (32 connections)`);
  console.log(`bare ws broadcast         last of ${CLIENTS} clients after ${bare.map((t) => t.toFixed(1)).join(' / ')} ms`);
  console.log(`event delivery at ${RATE}/s  ${delivery.eventsPerSecond.toFixed(0)} events/s delivered  (${(delivery.eventsPerSecond / bareRps).toFixed(3)} × bare req/s)`);
  console.log(`  lag commit → handled    p50 ${delivery.lagP50.toFixed(0)} ms  p99 ${delivery.lagP99.toFixed(0)} ms  max ${delivery.lagMax.toFixed(0)} ms  (${EVENTS} events committed over ${delivery.committedIn.toFixed(1)} s)`);
  console.log(`burst of ${EVENTS}            drained at ${burst.eventsPerSecond.toFixed(0)} events/s; the last waited ${burst.lagMax.toFixed(0)} ms`);
  console.log(`fan-out to ${CLIENTS} clients  last client after ${fanOut.lastClientMs.map((t) => t.toFixed(0)).join(' / ')} ms; p99 over clients ${fanOut.p99.toFixed(0)} ms  (${(Math.max(...fanOut.lastClientMs) / bareP).toFixed(1)} × bare broadcast)`);
  const verdicts = [
    [`≥ ${TARGET.eventsPerSecond} events/s (the burst's drain rate)`, burst.eventsPerSecond >= TARGET.eventsPerSecond],
    [`lag p99 < ${TARGET.lagP99Ms} ms at ${RATE} events/s`, delivery.lagP99 < TARGET.lagP99Ms],
    [`fan-out < ${TARGET.fanOutMs} ms (every round, last client)`, Math.max(...fanOut.lastClientMs) < TARGET.fanOutMs],
  ];
  for (const [what, holds] of verdicts) console.log(`target ${what}: ${holds ? 'HOLDS' : 'MISSED'}`);
  await cleanup();
  process.exit(verdicts.every(([, holds]) => holds) ? 0 : 2);
} catch (error) {
  console.error(error);
  await cleanup();
  process.exit(1);
}
