import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe } from 'vitest';
import { LocalFileStorage } from '../src/common/file-storage/local-file-storage';
import { S3FileStorage } from '../src/common/file-storage/s3-file-storage';
import type { S3Settings } from '../src/config';
import { type ContractSubject, describeFileStorageContract } from './file-storage.contract';
import { startS3Server } from './s3-server';

/** The S3 backend with a client of its own beside it, for writing what the storage would never write. */
function s3Subject(settings: S3Settings, listPageSize: number, stop: () => Promise<void>): ContractSubject {
  const storage = new S3FileStorage(settings, listPageSize);
  const client = new S3Client({ ...settings, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return {
    storage,
    async writeStray(key, data) {
      await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: key, Body: data }));
    },
    async close() {
      storage.onApplicationShutdown();
      client.destroy();
      await stop();
    },
  };
}

describeFileStorageContract('local folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'xn-files-'));
  // a folder that does not exist yet: the storage makes what it needs
  const uploads = join(root, 'uploads');
  return {
    storage: new LocalFileStorage(uploads),
    async writeStray(key, data) {
      await mkdir(dirname(join(uploads, key)), { recursive: true });
      await writeFile(join(uploads, key), data);
    },
    async close() {
      rmSync(root, { recursive: true, force: true });
    },
  };
});

// Two keys a listing page, so that the sweep's listing walks several pages as in a large bucket.
describeFileStorageContract('S3-compatible server (s3rver)', async () => {
  const server = await startS3Server();
  return s3Subject(server.settings, 2, () => server.stop());
});

/**
 * The same contract against a real S3-compatible service, when S3_TEST_BUCKET names a bucket there
 * (with S3_TEST_ENDPOINT, S3_TEST_REGION, S3_TEST_ACCESS_KEY_ID, S3_TEST_SECRET_ACCESS_KEY and
 * S3_TEST_FORCE_PATH_STYLE as for the S3_* settings). Use a bucket for tests: every key is listed.
 */
const realBucket = process.env.S3_TEST_BUCKET;
describe.runIf(realBucket)('a real bucket (S3_TEST_BUCKET)', () => {
  const env = process.env;
  const settings: S3Settings = {
    bucket: realBucket!,
    region: env.S3_TEST_REGION || 'us-east-1',
    endpoint: env.S3_TEST_ENDPOINT || undefined,
    credentials: env.S3_TEST_ACCESS_KEY_ID ? { accessKeyId: env.S3_TEST_ACCESS_KEY_ID, secretAccessKey: env.S3_TEST_SECRET_ACCESS_KEY ?? '' } : undefined,
    forcePathStyle: env.S3_TEST_FORCE_PATH_STYLE === 'true',
  };
  describeFileStorageContract(settings.endpoint ?? 'AWS S3', async () => s3Subject(settings, 1000, async () => undefined));
});
