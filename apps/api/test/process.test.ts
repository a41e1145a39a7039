import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres, platformPackageDir, relocatedBinariesDir } from '../src/database/embedded-postgres';
import { uscc } from './fixtures';
import { collect, liveClient } from './live-client';
import { until } from './waiting';
import { freePort } from './net';

const API_ROOT = join(__dirname, '..');

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

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
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

const SHARED_SECRET = 'several-processes-one-secret-'.padEnd(48, 'x');

describe('several processes on one database', () => {
  let dir: string;
  let owner: Running;
  let databaseUrl: string;
  let adminToken: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xn-process-shared-'));
    chmodSync(dir, 0o755);
    // the first process owns the embedded database and serves requests, but runs no jobs
    const pgPort = await freePort();
    owner = await start(dir, pgPort, { JOB_CONCURRENCY: '0', AUTH_SECRET: SHARED_SECRET });
    databaseUrl = `postgresql://xiangnong:xiangnong@127.0.0.1:${pgPort}/postgres`;
    const login = await gql(owner.url, `mutation { logIn(input: { phone: "13800000000", password: "xiangnong2026" }) { accessToken } }`);
    adminToken = login.body.data.logIn.accessToken;
  });
  afterAll(async () => {
    await stopAll();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  // no embedded database of its own; the same secret, as every instance behind one load balancer
  const other = (env: Record<string, string> = {}) => start(mkdtempSync(join(dir, 'other-')), 1, { DATABASE_URL: databaseUrl, AUTH_SECRET: SHARED_SECRET, ...env });
  let seq = 0;
  async function applicant(url: string) {
    seq++;
    const phone = `1360000${String(process.pid % 1000).padStart(3, '0')}${seq}`.slice(0, 11);
    const up = await gql(url, `mutation($p: String!) { signUp(input: { phone: $p, password: "orchard-pass-9", displayName: "果农" }) { accessToken } }`, { p: phone });
    const token: string = up.body.data.signUp.accessToken;
    const created = await gql(
      url,
      `mutation($u: String!) { createOrganisation(input: { name: "多进程测试合作社", kind: COOPERATIVE, uscc: $u, countyCode: "431226" }) { id } }`,
      { u: uscc('431226') },
      token,
    );
    return { token, orgId: created.body.data?.createOrganisation.id as string, errors: created.body.errors };
  }
  const notifications = async (orgId: string) =>
    (await sql(databaseUrl, `select n.id from notification n where n.link = $1`, [`/console?org=${orgId}`])).length;
  const verify = (url: string, orgId: string) => gql(url, `mutation($o: ID!) { verifyOrganisation(input: { organisationId: $o, approve: true }) { id } }`, { o: orgId }, adminToken);

  it('delivers an event committed by a process killed before anything delivered it, once, when a job runner starts', async () => {
    const web = await other({ JOB_CONCURRENCY: '0' });
    const { orgId, errors } = await applicant(web.url);
    expect(errors).toBeUndefined();
    expect((await verify(web.url, orgId)).body.errors).toBeUndefined();
    web.child.kill('SIGKILL');
    await web.exited;
    const [event] = await sql(databaseUrl, `select dispatched_at from outbox where type = 'organisation.verified' and aggregate_id = $1`, [orgId]);
    expect(event).toEqual({ dispatched_at: null });
    expect(await notifications(orgId)).toBe(0);
    // a process with a job runner comes up: the event is delivered, and only once, though two kinds of instance share the queue
    const worker = await other();
    await until('the notification', async () => (await notifications(orgId)) === 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await notifications(orgId)).toBe(1);
    worker.child.kill('SIGKILL'); // killed mid-work too: the next runner must not deliver again
    await worker.exited;
    const again = await other();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await notifications(orgId)).toBe(1);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('pushes a notification caused on one process to a subscriber connected to another', async () => {
    const worker = await other();
    const { token, orgId } = await applicant(owner.url);
    // subscribed to the first process, which runs no jobs: the notification is written by the other one
    const { client } = liveClient(`${owner.url.replace('http', 'ws')}/graphql`, token);
    try {
      const sub = collect(client, `subscription { notificationAdded { kind titleZh } }`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await verify(worker.url, orgId)).body.errors).toBeUndefined();
      const got = await until('the live notification', () => sub.results[0], 30_000);
      expect(got.data.notificationAdded).toEqual({ kind: 'organisation-verified', titleZh: '多进程测试合作社 已通过认证' });
    } finally {
      await client.dispose();
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
  });
});

async function sql(url: string, text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}
