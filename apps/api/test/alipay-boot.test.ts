import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlipayGatewayDouble } from './alipay-gateway';
import { createTestDatabase } from './harness';
import { freePort } from './net';

const API_ROOT = join(__dirname, '..');

/** Runs the real entry point with `env` until it exits (or is ready, when it is stopped): its exit code and output. */
async function boot(env: Record<string, string>, dataDir: string): Promise<{ code: number | null; ready: boolean; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: API_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', PRINT_BANNER: 'false', JOB_CONCURRENCY: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ready = false;
  for (let i = 0; i < 750 && child.exitCode === null && child.signalCode === null; i++) {
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) {
      child.kill('SIGTERM');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!ready && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  return { code: await exited, ready, output };
}

// booting the entry point compiles it on the fly: slow on a busy machine, so these tests may take minutes
describe('Alipay settings at boot', { timeout: 300_000 }, () => {
  let gateway: AlipayGatewayDouble;
  let dir: string;
  let databaseUrl: string;

  beforeAll(async () => {
    gateway = await AlipayGatewayDouble.start();
    dir = mkdtempSync(join(tmpdir(), 'xn-alipay-boot-'));
    databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await gateway?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const env = (overrides: Record<string, string> = {}) => {
    const s = gateway.settings();
    return {
      DATABASE_URL: databaseUrl,
      ALIPAY_APP_ID: s.appId,
      ALIPAY_PRIVATE_KEY: s.privateKey.replace(/\n/g, '\\n'),
      ALIPAY_PUBLIC_KEY: s.alipayPublicKey,
      ALIPAY_SELLER_ID: s.sellerId,
      ALIPAY_GATEWAY: s.gateway,
      ALIPAY_NOTIFY_URL: s.notifyUrl,
      ...overrides,
    };
  };

  it('starts with keys written into the environment, newlines escaped', async () => {
    const started = await boot(env(), dir);
    expect(started.ready, started.output).toBe(true);
    expect(started.code).toBe(0);
  });

  it('refuses to start with a private key the SDK cannot sign with, or a partial set, naming the setting', async () => {
    const badKey = await boot(env({ ALIPAY_PRIVATE_KEY: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ' }), dir);
    expect(badKey.ready).toBe(false);
    expect(badKey.code).not.toBe(0);
    expect(badKey.output).toContain('ALIPAY_PRIVATE_KEY');

    const partial = await boot(env({ ALIPAY_PUBLIC_KEY: '' }), dir);
    expect(partial.ready).toBe(false);
    expect(partial.code).not.toBe(0);
    expect(partial.output).toContain('missing ALIPAY_PUBLIC_KEY');
  });
});
