// What the benchmarks share: starting the built API on a fresh embedded database, a bare node:http
// server as the yardstick, autocannon runs in their own process, and tidy stopping.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO = join(BENCH_DIR, '..');
export const API_DIST = join(REPO, 'apps', 'api', 'dist');
/** Node's flags for the API, as the start command gives them (see docs/operations.md). */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];

/** @param {string} message */
export const say = (message) => console.log(`[bench] ${message}`);

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The p-th percentile (nearest rank) of `values`. @param {number[]} values @param {number} p */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return /** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
}

/** p50, p90 and p99 of request times in ms. @param {number[]} times */
export const latencies = (times) => ({ p50: percentile(times, 50), p90: percentile(times, 90), p99: percentile(times, 99) });

/**
 * Requests one at a time, as a single buyer sends them, over one kept-alive connection of plain
 * node:http (fetch's own work per request would be measured too, and varies more than the servers'):
 * `warm` unmeasured, then `rounds` measured, the bodies in turn. `check` refuses a wrong answer.
 * Returns every measured request's time in ms (see latencies).
 * @param {string} url @param {string[]} bodies
 * @param {{ rounds?: number, warm?: number, check?: (status: number, text: string) => void }} [options]
 * @returns {Promise<number[]>}
 */
export async function timesOneAtATime(url, bodies, { rounds = 300, warm = 50, check = () => undefined } = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  /** @param {string} body @returns {Promise<{ status: number, text: string }>} */
  const post = (body) =>
    new Promise((resolve, reject) => {
      const req = request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  /** @type {number[]} */
  const times = [];
  try {
    for (let i = 0; i < warm + rounds; i++) {
      const started = performance.now();
      const { status, text } = await post(/** @type {string} */ (bodies[i % bodies.length]));
      if (i >= warm) times.push(performance.now() - started);
      check(status, text);
    }
  } finally {
    agent.destroy();
  }
  return times;
}

/** A port that was free a moment ago on 127.0.0.1. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** @param {number} n @param {number} [digits] */
export const fmt = (n, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Child processes of a run, stopped together at the end or on Ctrl-C, with the run's data folder.
 */
export class Run {
  /** @param {string} name @param {{ keepData?: boolean }} [options] */
  constructor(name, options = {}) {
    this.dataDir = mkdtempSync(join(tmpdir(), `xn-bench-${name}-`));
    chmodSync(this.dataDir, 0o755); // the unprivileged database user must reach its folder
    this.keepData = options.keepData ?? false;
    /** @type {Set<import('node:child_process').ChildProcess>} */
    this.children = new Set();
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.on(signal, () => {
        say(`${signal}: stopping`);
        void this.stop().finally(() => process.exit(130));
      });
    }
  }

  /** @param {string[]} argv @param {import('node:child_process').SpawnOptions} options */
  spawn(argv, options) {
    const child = spawn(process.execPath, argv, { cwd: REPO, ...options });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  /** Runs a node script to completion and returns its stdout. @param {string[]} argv @param {Record<string, string>} [env] */
  output(argv, env = {}) {
    return new Promise((resolve, reject) => {
      const child = this.spawn(argv, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
      let out = '';
      child.stdout?.on('data', (chunk) => (out += chunk));
      child.once('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${argv.join(' ').slice(0, 120)} exited with ${signal ?? code}`))));
    });
  }

  /**
   * Starts the built API on an embedded PostgreSQL in this run's folder (production mode, no
   * storefront, warnings only) and waits until /readyz answers.
   * @param {Record<string, string>} env
   * @param {string[]} [nodeArgs] more flags for Node, e.g. --cpu-prof
   * @returns {Promise<{ url: string, databaseUrl: string, child: import('node:child_process').ChildProcess }>}
   */
  async startApi(env = {}, nodeArgs = []) {
    const [port, pgPort] = [await freePort(), await freePort()];
    /** @type {NodeJS.ProcessEnv} */
    const apiEnv = {
      ...process.env,
      NODE_ENV: 'production',
      AUTH_SECRET: 'bench-only-secret-of-at-least-32-characters',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
      PRINT_BANNER: 'false',
      WEB_DIST_DIR: join(this.dataDir, 'no-storefront'),
      ...env,
    };
    delete apiEnv.DATABASE_URL;
    delete apiEnv.MIGRATE_ON_START;
    delete apiEnv.MEILI_HOST;
    const child = this.spawn([...API_NODE_FLAGS, ...nodeArgs, join(API_DIST, 'main.js')], { env: apiEnv, stdio: ['ignore', 'inherit', 'inherit'] });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 300_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode} while starting`);
      if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) {
        return { url, databaseUrl: `postgresql://xiangnong:xiangnong@127.0.0.1:${pgPort}/postgres`, child };
      }
      await sleep(250);
    }
    throw new Error('the API was not ready within 5 minutes');
  }

  /** Starts bench/bare-server.mjs answering every request with `body`; returns its URL. @param {string} body */
  async bareServer(body) {
    const file = join(this.dataDir, `bare-${Date.now()}.json`);
    writeFileSync(file, body);
    const child = this.spawn([join(BENCH_DIR, 'bare-server.mjs'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise((resolve) => {
      let out = '';
      child.stdout?.on('data', (chunk) => {
        out += chunk;
        const found = /PORT (\d+)/.exec(out);
        if (found) resolve(Number(found[1]));
      });
    });
    return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
  }

  /** One autocannon run in its own process (bench/load.mjs); see its spec. @param {Record<string, unknown>} spec */
  async load(spec) {
    return JSON.parse(await this.output([join(BENCH_DIR, 'load.mjs'), JSON.stringify(spec)]));
  }

  /** Stops every child (the API stops its database) and removes the data folder. */
  async stop() {
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGTERM');
    for (const child of [...this.children]) {
      if (child.exitCode !== null) continue;
      const exited = await Promise.race([new Promise((resolve) => child.once('exit', () => resolve(true))), sleep(30_000).then(() => false)]);
      if (!exited) child.kill('SIGKILL');
    }
    if (!this.keepData) rmSync(this.dataDir, { recursive: true, force: true });
    else say(`data kept in ${this.dataDir}`);
  }
}

/**
 * The end of a benchmark: the verdict, the whole run's time, and the results (with the misses)
 * written to bench/.out/<name>-<time>.json. Returns the exit code: 0 when every target held, 2 when
 * one was missed.
 * @param {string} name @param {Record<string, unknown>} results @param {string[]} misses @param {number} started
 */
export function finishRun(name, results, misses, started) {
  console.log(misses.length ? `\n  MISSED: ${misses.join('; ')}` : '\n  all targets met');
  console.log(`  (whole run ${fmt((Date.now() - started) / 1000, 0)} s)\n`);
  mkdirSync(join(BENCH_DIR, '.out'), { recursive: true });
  writeFileSync(join(BENCH_DIR, '.out', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ ...results, misses }, null, 2));
  return misses.length ? 2 : 0;
}

/**
 * Runs a benchmark's main and exits with its code (1 when it threw), stopping what the run started
 * either way. `cleanup` runs first in both cases; `after` runs once a finished run is stopped (e.g.
 * to summarise a profile).
 * @param {Run} run @param {() => Promise<number>} main @param {{ cleanup?: () => void, after?: () => void }} [hooks]
 */
export function runBench(run, main, { cleanup = () => undefined, after = () => undefined } = {}) {
  main().then(
    async (code) => {
      cleanup();
      await run.stop();
      after();
      process.exit(code);
    },
    async (error) => {
      console.error(error);
      cleanup();
      await run.stop();
      process.exit(1);
    },
  );
}
