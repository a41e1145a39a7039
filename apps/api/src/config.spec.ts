import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config';

const load = () => loadConfig({}, { command: true });

describe('bucket settings (S3_*)', () => {
  // whatever the shell running the tests has set: empty is unset
  beforeEach(() => {
    for (const name of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE']) vi.stubEnv(name, '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('keeps files in the folder unless S3_BUCKET is set', () => {
    expect(load().s3).toBeUndefined();
  });

  it('reads a bucket with its defaults: AWS, us-east-1, the SDK’s credentials, virtual-hosted addressing', () => {
    vi.stubEnv('S3_BUCKET', 'xiangnong-images');
    expect(load().s3).toEqual({ bucket: 'xiangnong-images', region: 'us-east-1', endpoint: undefined, credentials: undefined, forcePathStyle: false });
  });

  it('reads an S3-compatible service with keys and path-style addressing', () => {
    vi.stubEnv('S3_BUCKET', 'images');
    vi.stubEnv('S3_ENDPOINT', 'http://minio:9000');
    vi.stubEnv('S3_REGION', 'cn-central-1');
    vi.stubEnv('S3_ACCESS_KEY_ID', 'key');
    vi.stubEnv('S3_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('S3_FORCE_PATH_STYLE', 'true');
    expect(load().s3).toEqual({
      bucket: 'images',
      region: 'cn-central-1',
      endpoint: 'http://minio:9000',
      credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
  });

  it('refuses settings that would put files somewhere other than meant', () => {
    vi.stubEnv('S3_ENDPOINT', 'http://minio:9000');
    expect(load).toThrow('S3_ENDPOINT set without S3_BUCKET');
    vi.stubEnv('S3_BUCKET', 'images');
    vi.stubEnv('S3_ACCESS_KEY_ID', 'key');
    expect(load).toThrow('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
    vi.stubEnv('S3_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('S3_ENDPOINT', 'minio:9000');
    expect(load).toThrow('S3_ENDPOINT must be an http(s) URL');
  });
});
