import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Settings } from '../src/config';

/**
 * s3rver in a process of its own. Two of its quirks are worked around here:
 * - it encrypts listing continuation tokens with DES, which OpenSSL 3 (Node 17 and later) only
 *   offers with its legacy provider: without `--openssl-legacy-provider` any listing longer than a
 *   page fails with 500;
 * - it signs bucket-level requests (listings) without the trailing slash that the current AWS SDK
 *   sends and signs, so it would refuse every listing: mismatched signatures are let through (the
 *   access key must still be the one it knows, S3RVER).
 * It leaves when the test process does (the IPC channel closes).
 */
const SERVER = `
const S3rver = require(process.argv[1]);
const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }], allowMismatchedSignatures: true });
server.run().then(({ port }) => process.send({ port }), (error) => { console.error(error); process.exit(1); });
process.on('disconnect', () => process.exit(0));
`;

export interface TestS3Server {
  /** settings for the server's one bucket, as config.ts reads them from S3_* */
  settings: S3Settings;
  stop(): Promise<void>;
}

/** An S3-compatible server (s3rver, from npm) on a free loopback port with one empty bucket; its objects in a temporary folder that `stop` removes. */
export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(join(tmpdir(), 'xn-s3rver-'));
  const bucket = 'xiangnong-test';
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', SERVER, require.resolve('@20minutes/s3rver'), directory, bucket], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    }
    rmSync(directory, { recursive: true, force: true });
  };
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.once('exit', (code) => reject(new Error(`s3rver stopped at start (exit code ${code})`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    settings: {
      bucket,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    },
    stop,
  };
}
