#!/usr/bin/env node
// The channel-page benchmark, start to finish:
//
//   node bench/channel-page.mjs [--listings 100000] [--duration 20] [--connections 32] [--warmup 3]
//                               [--cache both|off|on] [--writes 10] [--keep-data] [--profile] [--workers 1]
//
// Starts the built API on a fresh embedded PostgreSQL, loads a generated marketplace, and measures
// the public channel listing page (20 listings with seller and county) against a bare node:http
// server that returns the same bytes: first with the response cache off (every page read from the
// database), then as deployed, with the cache on while listings change --writes times a second.
// Everything runs on 127.0.0.1 and stops when done.
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { printSummary, summarise } from './profile-summary.mjs';
import { fmt, freePort, say, sleep } from './support.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO = join(BENCH_DIR, '..');
const OUT_DIR = join(BENCH_DIR, '.out');
const API_MAIN = join(REPO, 'apps', 'api', 'dist', 'main.js');
const CHANNELS = ['rice', 'hog', 'fruit', 'oil', 'tea'];
const QUERY =
  'query ChannelPage($channel: String!) { listings(channel: $channel, first: 20) { nodes { id title unit basePriceFen pricePerKgFen isPovertyProduct seller { id name verificationStatus } originCounty { code name } images { url } } pageInfo { hasNextPage endCursor } } }';
/** The SQL the API runs for the page, for EXPLAIN ANALYZE. */
const PAGE_SQL = `select l.* from listing l join organisation o on o.id = l.organisation_id
  where l.channel_code = $1 and l.status in ('ACTIVE', 'SOLD_OUT') and o.verification_status = 'VERIFIED'
  order by l.published_at desc, l.id desc limit 21`;
const TARGET = { requestsPerSecond: 1500, p99Ms: 40, ratio: 0.025 };

const { values: args } = parseArgs({
  options: {
    listings: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    warmup: { type: 'string', default: '3' },
    'keep-data': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    workers: { type: 'string', default: '1' },
    cache: { type: 'string', default: 'both' },
    writes: { type: 'string', default: '10' },
  },
});
const listings = Number(args.listings);
const duration = Number(args.duration);
const connections = Number(args.connections);
const warmup = Number(args.warmup);
const workers = Number(args.workers);
const writesPerSecond = Number(args.writes);
const cacheModes = { both: ['off', 'on'], off: ['off'], on: ['on'] }[args.cache ?? 'both'];
if (!cacheModes) {
  console.error('--cache must be both, off or on');
  process.exit(1);
}
for (const [name, value] of Object.entries({ listings, duration, connections, warmup, workers, writes: writesPerSecond })) {
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a number`);
    process.exit(1);
  }
}
if (duration <= 0 || duration > 300) {
  console.error('--duration must be between 1 and 300 seconds');
  process.exit(1);
}

if (!existsSync(API_MAIN)) {
  console.error(`The API is not built (${relative(process.cwd(), API_MAIN)} is missing). Build it with:`);
  console.error('  node scripts/pnpm.mjs --filter @xiangnong/domain build && node scripts/pnpm.mjs --filter @xiangnong/api build');
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const profileDir = join(OUT_DIR, `profile-${stamp}`);
mkdirSync(OUT_DIR, { recursive: true });

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** @type {import('node:child_process').ChildProcess | undefined} */
let api;
/** @type {string | undefined} */
let dataDir;

/**
 * Runs a node script to completion and returns its stdout.
 * @param {string[]} argv
 * @param {{ echo?: boolean }} [options]
 * @returns {Promise<string>}
 */
function runNode(argv, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (options.echo) process.stdout.write(chunk);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`${argv.map((a) => (a.length > 80 ? `${a.slice(0, 77)}...` : a)).join(' ')} exited with ${signal ?? code}`));
    });
  });
}

/**
 * @param {string} url
 * @param {string} body
 * @returns {Promise<{ status: number, text: string }>}
 */
async function post(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, text: await response.text() };
}

/** @param {string} channel */
const requestBody = (channel) => JSON.stringify({ operationName: 'ChannelPage', query: QUERY, variables: { channel } });

/** @param {number} apiPort @param {import('node:child_process').ChildProcess} child */
async function waitReady(apiPort, child) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} while starting; see its log`);
    try {
      const response = await fetch(`http://127.0.0.1:${apiPort}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the API was not ready within 5 minutes');
}

/** @param {import('node:child_process').ChildProcess} child @param {number} ms @returns {Promise<boolean>} exited */
function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

let cleaned = false;
/** Stops what this run started: load and bare-server children, then the API (which stops its database). */
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const child of children) {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
  for (const child of children) await waitExit(child, 5000);
  if (api && api.exitCode === null && api.signalCode === null) await stopApi();
  // If the API could not stop its database, stop the postmaster we caused to start.
  if (dataDir) {
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGINT');
          say(`stopped leftover PostgreSQL ${pid}`);
          for (let i = 0; i < 50 && existsSync(pidFile); i++) await sleep(100);
        } catch {
          // already gone
        }
      }
    }
    if (!args['keep-data']) rmSync(dataDir, { recursive: true, force: true });
    else say(`data kept in ${dataDir}`);
  }
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    say(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** CPU time (ms) a process has used so far, from /proc; 0 where there is no /proc. @param {number | undefined} pid */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, 100 ticks/s
  } catch {
    return 0;
  }
}

/** CPU time (ms) of the embedded PostgreSQL: the postmaster and all its backends. */
function postgresCpuMs() {
  if (!dataDir) return 0;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    let total = cpuMs(postmaster);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) total += cpuMs(Number(entry));
      } catch {
        // gone
      }
    }
    return total;
  } catch {
    return 0;
  }
}

/** Busy and total CPU time (ms) of the whole machine, all cores. */
function machineCpuMs() {
  try {
    const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: ((total - idle) * 1000) / 100, total: (total * 1000) / 100 };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * Runs a load and reports where the machine's CPU went meanwhile, per request served.
 * @param {string[]} argv load.mjs invocation
 * @param {{ server?: number, postgres?: boolean }} watch
 */
async function measuredLoad(argv, watch) {
  const before = { server: cpuMs(watch.server), postgres: watch.postgres ? postgresCpuMs() : 0, machine: machineCpuMs() };
  /** @type {LoadResult & { warmup: { requestsTotal: number } | null }} */
  const result = JSON.parse(await runNode(argv));
  const after = { server: cpuMs(watch.server), postgres: watch.postgres ? postgresCpuMs() : 0, machine: machineCpuMs() };
  const requests = result.requestsTotal + (result.warmup?.requestsTotal ?? 0);
  const perRequest = (/** @type {number} */ ms) => (requests > 0 ? ms / requests : NaN);
  const server = after.server - before.server;
  const postgres = after.postgres - before.postgres;
  const machineBusy = after.machine.busy - before.machine.busy;
  const cpu = {
    requests,
    serverMsPerRequest: perRequest(server),
    postgresMsPerRequest: perRequest(postgres),
    restMsPerRequest: perRequest(machineBusy - server - postgres),
    machineBusyShare: after.machine.total > before.machine.total ? machineBusy / (after.machine.total - before.machine.total) : NaN,
  };
  return { ...result, cpu };
}

/**
 * @typedef {object} LoadResult
 * @property {number} requestsPerSecond
 * @property {number} requestsTotal
 * @property {{ p50: number, p90: number, p99: number, average: number, max: number }} latencyMs
 * @property {number} non2xx
 * @property {number} socketErrors
 * @property {number} timeouts
 * @property {{ checked: number, bad: number, samples: string[], cache: Record<string, number> } | null} verified
 */

/** autocannon counts a timeout among its errors too. @param {LoadResult} r */
const errorCount = (r) => r.non2xx + r.socketErrors + (r.verified?.bad ?? 0);

/** @type {NodeJS.ProcessEnv} */
let apiEnv = {};
let apiPort = 0;
let logFile = '';

/**
 * Starts the built API on the bench's data folder and waits until it is ready.
 * @param {'on' | 'off'} cache whether the response cache for anonymous catalogue queries is on
 */
async function startApi(cache) {
  const logFd = openSync(logFile, 'a');
  const env = { ...apiEnv, PUBLIC_CACHE_MB: cache === 'on' ? '32' : '0' };
  say(`starting the API on 127.0.0.1:${apiPort}, response cache ${cache} (data in ${dataDir})`);
  // --profile: a V8 CPU profile of the whole API process, written when it exits.
  const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  api = spawn(process.execPath, [...nodeArgs, API_MAIN], { cwd: REPO, env, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const apiStart = Date.now();
  await waitReady(apiPort, api);
  say(`API ready in ${((Date.now() - apiStart) / 1000).toFixed(1)} s`);
}

/** Asks the API to stop (it stops its database too) and waits for it; kills it after 30 s. */
async function stopApi() {
  if (!api) return;
  const child = api;
  api = undefined;
  say('stopping the API (SIGTERM)');
  child.kill('SIGTERM');
  if (!(await waitExit(child, 30_000))) {
    say('the API did not stop within 30 s: killing it');
    child.kill('SIGKILL');
    await waitExit(child, 5000);
  }
  say(`API exited with ${child.signalCode ?? child.exitCode}`);
}

/** @param {string} databaseUrl */
async function connect(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  return db;
}

async function main() {
  const started = Date.now();
  const pgPort = await freePort();
  apiPort = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), 'xn-bench-'));
  chmodSync(dataDir, 0o755);
  logFile = join(OUT_DIR, `api-${stamp}.log`);
  // Production mode, as deployed: graphql-js skips its development checks, introspection is off.
  apiEnv = {
    ...process.env,
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-only-secret-of-at-least-32-characters',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
    PRINT_BANNER: 'false',
    SEED_DEMO_DATA: 'true',
    // --workers N: N API processes sharing the port (node:cluster)
    API_WORKERS: String(workers),
    // The bench measures the API alone: no storefront, whatever apps/web/dist holds.
    WEB_DIST_DIR: join(dataDir, 'no-storefront'),
  };
  delete apiEnv.DATABASE_URL;
  delete apiEnv.MIGRATE_ON_START;
  const [firstMode, secondMode] = /** @type {('off' | 'on')[]} */ (cacheModes);
  await startApi(/** @type {'off' | 'on'} */ (firstMode));

  const databaseUrl = `postgresql://xiangnong:xiangnong@127.0.0.1:${pgPort}/postgres`;
  say(`generating ${listings} listings`);
  const genStart = Date.now();
  const genOut = await runNode([join(BENCH_DIR, 'generate.mjs'), '--url', databaseUrl, '--listings', String(listings)], { echo: true });
  const generation = JSON.parse(genOut.split('\n').find((l) => l.startsWith('RESULT '))?.slice(7) ?? '{}');
  const generationSeconds = (Date.now() - genStart) / 1000;
  say(`generation took ${generationSeconds.toFixed(1)} s (wall, including process start)`);

  let db = await connect(databaseUrl);
  try {
    await db.query('analyze');
    const counts = (await db.query(`select channel_code, count(*)::int as n from listing l join organisation o on o.id = l.organisation_id
      where l.status in ('ACTIVE','SOLD_OUT') and o.verification_status = 'VERIFIED' group by 1 order by 1`)).rows;
    say(`public listings per channel: ${counts.map((c) => `${c.channel_code} ${c.n}`).join(', ')}`);

    // One real response per channel: checked, and the rice one becomes the bare server's body.
    const graphqlUrl = `http://127.0.0.1:${apiPort}/graphql`;
    /** @type {Record<string, number>} */
    const responseBytes = {};
    let sample = '';
    for (const channel of CHANNELS) {
      const { status, text } = await post(graphqlUrl, requestBody(channel));
      const parsed = JSON.parse(text);
      if (status !== 200 || parsed.errors || parsed.data?.listings?.nodes?.length !== 20) {
        throw new Error(`the ${channel} page is not a clean 20-listing response (status ${status}): ${text.slice(0, 500)}`);
      }
      responseBytes[channel] = Buffer.byteLength(text);
      if (channel === 'rice') sample = text;
    }
    const sampleFile = join(OUT_DIR, `response-${stamp}.json`);
    writeFileSync(sampleFile, sample);
    say(`captured responses: ${Object.entries(responseBytes).map(([c, b]) => `${c} ${b} B`).join(', ')}`);

    // Unloaded latency: one request at a time, as a single shopper sees it (first mode).
    /** @type {number[]} */
    const sequential = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      await post(graphqlUrl, requestBody(/** @type {string} */ (CHANNELS[i % CHANNELS.length])));
      sequential.push(performance.now() - t0);
    }
    sequential.sort((a, b) => a - b);
    const unloaded = { cache: firstMode, p50: /** @type {number} */ (sequential[49]), p99: /** @type {number} */ (sequential[98]) };

    // The yardstick, in its own process.
    const bare = spawn(process.execPath, [join(BENCH_DIR, 'bare-server.mjs'), sampleFile], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(bare);
    const barePort = await new Promise((resolve, reject) => {
      let out = '';
      bare.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /PORT (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      bare.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
    });

    const loadBefore = loadavg();
    const common = { method: 'POST', headers: { 'content-type': 'application/json' }, duration, connections, warmup };
    say(`load: bare server, ${connections} connections, ${warmup} s warm-up + ${duration} s`);
    const bareResult = await measuredLoad([join(BENCH_DIR, 'load.mjs'), JSON.stringify({ ...common, url: `http://127.0.0.1:${barePort}/graphql`, bodies: CHANNELS.map(requestBody), verify: 'none' })], { server: bare.pid });
    bare.kill('SIGTERM');
    await waitExit(bare, 5000);
    children.delete(bare);

    const apiLoadSpec = JSON.stringify({ ...common, url: graphqlUrl, bodies: CHANNELS.map(requestBody), verify: 'graphql', expectNodes: 20 });
    /** @param {'off' | 'on'} mode */
    const loadApi = async (mode) => {
      if (mode === 'off') {
        say(`load: API /graphql, response cache off, ${connections} connections, ${warmup} s warm-up + ${duration} s, channels ${CHANNELS.join('/')} in turn`);
        return { mode, writer: null, ...(await measuredLoad([join(BENCH_DIR, 'load.mjs'), apiLoadSpec], { server: api?.pid, postgres: true })) };
      }
      say(`load: API /graphql, response cache on, listings changing ${writesPerSecond} times a second, ${connections} connections, ${warmup} s warm-up + ${duration} s`);
      const writer = writesPerSecond > 0 ? runNode([join(BENCH_DIR, 'writer.mjs'), JSON.stringify({ url: databaseUrl, perSecond: writesPerSecond, duration: warmup + duration })]) : Promise.resolve('null');
      const result = await measuredLoad([join(BENCH_DIR, 'load.mjs'), apiLoadSpec], { server: api?.pid, postgres: true });
      return { mode, writer: /** @type {{ writes: number, failed: number, perSecond: number } | null} */ (JSON.parse(await writer)), ...result };
    };

    /** @type {Awaited<ReturnType<typeof loadApi>>[]} */
    const runs = [await loadApi(/** @type {'off' | 'on'} */ (firstMode))];

    // Let the API drain what autocannon left in flight, then see where the database time goes.
    await sleep(2000);
    /** @type {Record<string, { executionMs: number, planningMs: number, plan: string[] }>} */
    const explain = {};
    for (const channel of CHANNELS) {
      const rows = (await db.query(`explain (analyze, buffers) ${PAGE_SQL}`, [channel])).rows.map((r) => String(r['QUERY PLAN']));
      const ms = (/** @type {RegExp} */ re) => Number(re.exec(rows.join('\n'))?.[1] ?? NaN);
      explain[channel] = { executionMs: ms(/Execution Time: ([\d.]+)/), planningMs: ms(/Planning Time: ([\d.]+)/), plan: rows };
    }

    if (secondMode) {
      await db.end();
      await stopApi();
      await startApi(/** @type {'off' | 'on'} */ (secondMode));
      db = await connect(databaseUrl);
      runs.push(await loadApi(/** @type {'off' | 'on'} */ (secondMode)));
    }
    const loadAfter = loadavg();

    // Report.
    const uncached = runs.find((r) => r.mode === 'off');
    const cached = runs.find((r) => r.mode === 'on');
    const deployed = cached ?? /** @type {NonNullable<typeof uncached>} */ (uncached);
    const ratioOf = (/** @type {LoadResult} */ r) => r.requestsPerSecond / bareResult.requestsPerSecond;
    const ratioRun = uncached ?? deployed;
    const holdsRps = deployed.requestsPerSecond >= TARGET.requestsPerSecond;
    const holdsP99 = deployed.latencyMs.p99 < TARGET.p99Ms;
    const holdsRatio = ratioOf(ratioRun) >= TARGET.ratio;
    const apiErrors = runs.reduce((n, r) => n + errorCount(r), 0);
    const hitShare = (/** @type {LoadResult} */ r) => {
      const c = r.verified?.cache ?? {};
      const total = Object.values(c).reduce((a, b) => a + b, 0);
      return total ? ((c.hit ?? 0) + (c.shared ?? 0)) / total : 0;
    };
    const label = (/** @type {typeof runs[number]} */ r) => (r.mode === 'off' ? 'API, no cache' : `API, cache on`);
    const line = (/** @type {string} */ name, /** @type {LoadResult} */ r, /** @type {string} */ extra = '') =>
      `${name.padEnd(18)}${fmt(r.requestsPerSecond).padStart(12)}${fmt(r.latencyMs.p50, 0).padStart(10)}${fmt(r.latencyMs.p99, 0).padStart(10)}${String(errorCount(r)).padStart(10)}${extra}`;
    console.log('');
    console.log(`Channel page benchmark — ${listings.toLocaleString('en-US')} listings, ${workers} API process${workers === 1 ? '' : 'es'}, ${connections} connections, ${duration} s per run, ${cpus().length} CPUs, Node ${process.version}`);
    console.log(`Data generation: ${fmt(generation.seconds ?? generationSeconds)} s (listings ${fmt(generation.listingSeconds ?? NaN)} s)`);
    console.log('');
    console.log(`${''.padEnd(18)}${'req/s'.padStart(12)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'errors'.padStart(10)}${'ratio'.padStart(10)}   from cache`);
    console.log(line('bare server', bareResult));
    for (const run of runs) {
      const fromCache = run.mode === 'on' ? `${(hitShare(run) * 100).toFixed(1)} % (${JSON.stringify(run.verified?.cache ?? {})})` : '—';
      console.log(line(label(run), run, `${ratioOf(run).toFixed(4).padStart(10)}   ${fromCache}`));
    }
    if (cached?.writer) console.log(`While the cached run was loaded, listings changed ${cached.writer.writes} times (${fmt(cached.writer.perSecond)}/s, ${cached.writer.failed} failed); each change drops the cached pages of its channel.`);
    console.log('');
    console.log(`Machine load average (1/5/15 min) before the runs: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')} — other work on this machine skews the figures`);
    const cpuLine = (/** @type {string} */ name, /** @type {{ serverMsPerRequest: number, postgresMsPerRequest: number, restMsPerRequest: number, machineBusyShare: number }} */ c, /** @type {boolean} */ withPg) =>
      console.log(`CPU per request, ${name}: server ${c.serverMsPerRequest.toFixed(3)} ms${withPg ? `, PostgreSQL ${c.postgresMsPerRequest.toFixed(3)} ms` : ''}, rest of machine (load generator, others) ${c.restMsPerRequest.toFixed(3)} ms; machine busy ${(c.machineBusyShare * 100).toFixed(0)} %`);
    cpuLine('bare'.padEnd(13), bareResult.cpu, false);
    for (const run of runs) cpuLine(label(run), run.cpu, true);
    console.log(`API unloaded (one request at a time, cache ${unloaded.cache}): p50 ${unloaded.p50.toFixed(1)} ms, p99 ${unloaded.p99.toFixed(1)} ms`);
    console.log(`Page SQL (EXPLAIN ANALYZE): ${CHANNELS.map((c) => `${c} ${explain[c]?.executionMs.toFixed(2)} ms`).join(', ')}`);
    for (const run of runs) {
      if (run.verified) console.log(`${label(run)} responses checked: ${run.verified.checked}, bad: ${run.verified.bad}${run.verified.samples.length ? ` (${run.verified.samples.join('; ')})` : ''}; non-2xx ${run.non2xx}, connection errors ${run.socketErrors} (of which timeouts after 10 s: ${run.timeouts})`);
    }
    console.log('');
    const verdict = (/** @type {string} */ name, /** @type {boolean} */ ok, /** @type {string} */ value) => console.log(`${name.padEnd(60)}${(ok ? 'HOLDS' : 'MISSED').padEnd(8)}(${value})`);
    const asDeployed = cached ? `cache on, ${writesPerSecond} changes/s` : 'cache off';
    verdict(`API ≥ ${fmt(TARGET.requestsPerSecond, 0)} req/s (${asDeployed}):`, holdsRps, fmt(deployed.requestsPerSecond));
    verdict(`API p99 < ${TARGET.p99Ms} ms (${asDeployed}):`, holdsP99, `${deployed.latencyMs.p99} ms`);
    verdict(`Ratio ≥ ${TARGET.ratio} of bare (${ratioRun.mode === 'off' ? 'every page read from the database' : 'cache on'}):`, holdsRatio, ratioOf(ratioRun).toFixed(4));
    verdict('No errors:', apiErrors === 0, String(apiErrors));
    const holds = holdsRps && holdsP99 && holdsRatio && apiErrors === 0;
    console.log(`Overall: ${holds ? 'TARGET HOLDS' : 'TARGET MISSED'}`);

    const resultFile = join(OUT_DIR, `channel-page-${stamp}.json`);
    writeFileSync(
      resultFile,
      JSON.stringify(
        {
          startedAt: new Date(started).toISOString(),
          settings: { listings, duration, connections, warmup, workers, cache: args.cache, writesPerSecond, cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
          query: QUERY,
          generation: { ...generation, wallSeconds: generationSeconds },
          publicListingsPerChannel: counts,
          responseBytes,
          unloadedMs: unloaded,
          loadAverage: { before: loadBefore, after: loadAfter },
          bare: bareResult,
          api: runs.map((run) => ({ ...run, ratio: ratioOf(run), fromCacheShare: hitShare(run) })),
          targets: TARGET,
          holds: { requestsPerSecond: holdsRps, p99: holdsP99, ratio: holdsRatio, noErrors: apiErrors === 0 },
          explain,
        },
        null,
        2,
      ),
    );
    console.log('');
    say(`results: ${relative(REPO, resultFile)}, API log: ${relative(REPO, logFile)}`);
    if (!holds) process.exitCode = 2;
  } finally {
    await db.end().catch(() => undefined);
  }
}

try {
  await main();
} catch (error) {
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
if (args.profile && existsSync(profileDir)) {
  const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).sort();
  for (const file of files) {
    console.log('');
    printSummary(summarise(join(profileDir, file), 20));
    say(`profile: ${relative(REPO, join(profileDir, file))} (open it in Chrome DevTools → Performance)`);
  }
  if (files.length === 0) say('no CPU profile was written (the API did not exit normally)');
}
