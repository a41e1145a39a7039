import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningProduct {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Asks the kernel for a port nobody is using right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built product (API + storefront on one port, embedded PostgreSQL in a fresh directory)
 * exactly as it runs in production, and waits until it reports ready.
 */
export async function startProduct(): Promise<RunningProduct> {
  const main = join(REPO_ROOT, 'apps/api/dist/main.js');
  const webDist = join(REPO_ROOT, 'apps/web/dist');
  for (const [path, hint] of [
    [main, 'node scripts/pnpm.mjs --filter @xiangnong/api build'],
    [join(webDist, 'index.html'), 'node scripts/pnpm.mjs --filter @xiangnong/web build'],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing — build first: ${hint} (or run the root test:e2e script)`);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'xiangnong-e2e-'));
  // PostgreSQL runs as an unprivileged user when we are root; it must be able to enter the directory,
  // or the product keeps the cluster under its service home, where it would outlive the run.
  await chmod(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;

  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      WEB_DIST_DIR: webDist,
      LOG_LEVEL: 'warn',
      PRINT_BANNER: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // If the test runner itself is interrupted, do not leave a server and a database running behind.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);

  const cleanUp = async () => {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
  };

  const deadline = Date.now() + 150_000;
  let ready = false;
  while (Date.now() < deadline) {
    const status = await Promise.race([
      fetch(`${baseUrl}/readyz`).then((r) => r.status, () => 0),
      exited.then(() => -1),
    ]);
    if (status === 200) {
      ready = true;
      break;
    }
    if (status === -1) {
      await cleanUp();
      throw new Error(`The product exited before it was ready. Output:\n${output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) {
    child.kill('SIGTERM');
    await exited;
    await cleanUp();
    throw new Error(`The product was not ready within 150 s. Output:\n${output.join('')}`);
  }

  return {
    baseUrl,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }
      await cleanUp();
    },
  };
}
