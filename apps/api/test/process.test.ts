import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres, platformPackageDir, relocatedBinariesDir } from '../src/database/embedded-postgres';

const API_ROOT = join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

const started = new Set<Running>();

/** Stops whatever a failed test left running, so that its folders can be removed and no server outlives the run. */
async function stopAll(): Promise<void> {
  for (const running of started) {
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGTERM');
    await running.exited;
  }
  started.clear();
}

/** Starts the real entry point (src/main.ts) with the embedded database in `dataDir`. */
async function start(dataDir: string, pgPort: number, extraEnv: Record<string, string> = {}): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: API_ROOT,
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn', PRINT_BANNER: 'false', DATABASE_URL: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  started.add({ child, url, exited });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited early:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { child, url, exited };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not become ready:\n${output}`);
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

// Folders are made in beforeAll, not while collecting: a filtered or skipped suite runs no afterAll to remove them.
describe('the product process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xn-process-'));
    chmodSync(dir, 0o755);
  });
  afterAll(async () => {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes in-flight requests on SIGTERM, stops its database, and keeps data across restarts', async () => {
    const pgPort = await freePort();
    const first = await start(dir, pgPort);
    // Send half of a request, stop the server, then send the rest: the request is in flight when the signal lands.
    const body = JSON.stringify({ query: `mutation { signUp(input: { phone: "13712345678", password: "durable-pass-1", displayName: "持久" }) { viewer { id } } }` });
    const half = Buffer.from(body).subarray(0, 40);
    const rest = Buffer.from(body).subarray(40);
    const signUp = new Promise<{ status: number; body: { data?: any; errors?: any[] } }>((resolve, reject) => {
      const req = request(`${first.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.write(half);
      req.on('socket', (socket) => socket.once('connect', () => setTimeout(() => {
        first.child.kill('SIGTERM');
        setTimeout(() => req.end(rest), 300);
      }, 100)));
    });
    const result = await signUp;
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(await first.exited).toBe(0);
    expect(await portOpen(pgPort)).toBe(false);

    const second = await start(dir, pgPort);
    try {
      const login = await gql(second.url, `mutation { logIn(input: { phone: "13712345678", password: "durable-pass-1" }) { viewer { displayName } } }`);
      expect(login.body.data.logIn.viewer.displayName).toBe('持久');
      const demo = await gql(second.url, `{ listings(channel: "tea") { nodes { isDemo } } }`);
      expect(demo.body.data.listings.nodes.length).toBeGreaterThan(0);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('runs several processes on one port and stops them all, then the database', async () => {
    const pgPort = await freePort();
    const dir2 = mkdtempSync(join(tmpdir(), 'xn-process-workers-'));
    chmodSync(dir2, 0o755);
    try {
      const running = await start(dir2, pgPort, { API_WORKERS: '2' });
      const pages = await Promise.all(Array.from({ length: 20 }, () => gql(running.url, `{ listings(channel: "fruit") { nodes { title } } }`)));
      expect(pages.every((p) => p.status === 200 && p.body.data.listings.nodes.length > 0)).toBe(true);
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      expect(await portOpen(pgPort)).toBe(false);
    } finally {
      await stopAll();
      rmSync(dir2, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  });
});

describe.runIf(process.getuid?.() === 0)('as root, in a folder other users cannot enter', () => {
  let closed: string;
  let open: string;
  let serviceHome: string;
  beforeAll(() => {
    // mkdtemp makes a 0700 folder: like /root, the postgres user PostgreSQL runs as cannot enter it.
    closed = mkdtempSync(join(tmpdir(), 'xn-process-closed-'));
    open = mkdtempSync(join(tmpdir(), 'xn-process-home-'));
    chmodSync(open, 0o755);
    // Not made yet: the first start has to. The relocated clusters and binaries live in it.
    serviceHome = join(open, 'service-home');
  });
  afterAll(async () => {
    await stopAll();
    rmSync(closed, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    rmSync(open, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('keeps the cluster under the service home, with a note where it was asked for, and keeps data across restarts', async () => {
    const dataDir = join(closed, 'data');
    const env = { XN_SERVICE_HOME: serviceHome };
    const pgPort = await freePort();
    const first = await start(dataDir, pgPort, env);
    try {
      const signUp = await gql(first.url, `mutation { signUp(input: { phone: "13712345679", password: "durable-pass-2", displayName: "锁住" }) { viewer { id } } }`);
      expect(signUp.body.errors).toBeUndefined();
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
    expect(await portOpen(pgPort)).toBe(false);
    expect(readFileSync(join(dataDir, 'postgres', 'WHERE.txt'), 'utf8')).toContain(join(serviceHome, 'clusters', 'postgres-'));

    const second = await start(dataDir, pgPort, env);
    try {
      const login = await gql(second.url, `mutation { logIn(input: { phone: "13712345679", password: "durable-pass-2" }) { viewer { displayName } } }`);
      expect(login.body.data.logIn.viewer.displayName).toBe('锁住');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('runs binaries the postgres user cannot reach from a copy under the service home', async () => {
    const packageDir = join(closed, 'embedded-postgres-package');
    cpSync(join(platformPackageDir(), 'native'), join(packageDir, 'native'), { recursive: true, verbatimSymlinks: true });
    cpSync(join(platformPackageDir(), 'package.json'), join(packageDir, 'package.json'));
    const options = { dataDir: join(closed, 'binaries-data'), port: await freePort(), serviceHome, packageDir };
    const query = async (server: EmbeddedPostgres, text: string) => {
      const client = new pg.Client({ connectionString: server.url('postgres') });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    };

    const first = new EmbeddedPostgres(options);
    try {
      await first.start();
      await query(first, `create table kept as select 'still here' as note`);
    } finally {
      await first.stop();
    }
    const second = new EmbeddedPostgres(options);
    try {
      await second.start();
      expect(await query(second, 'select note from kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(existsSync(join(relocatedBinariesDir(serviceHome, version), 'bin', 'postgres'))).toBe(true);
  });

  it('says what to do when the service home is out of reach as well', async () => {
    const server = new EmbeddedPostgres({ dataDir: join(closed, 'nowhere'), port: await freePort(), serviceHome: join(closed, 'service-home') });
    await expect(server.start()).rejects.toThrow(/cannot enter .*XN_SERVICE_HOME/s);
  });
});
