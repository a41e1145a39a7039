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

describe('search engine settings', () => {
  beforeEach(() => {
    for (const name of ['MEILI_HOST', 'MEILI_API_KEY', 'MEILI_INDEX']) vi.stubEnv(name, '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('searches on PostgreSQL unless MEILI_HOST is set', () => {
    expect(load().meili).toBeUndefined();
  });

  it('reads a Meilisearch server with its key and index name', () => {
    vi.stubEnv('MEILI_HOST', 'https://search.example.cn');
    vi.stubEnv('MEILI_API_KEY', 'master-key');
    expect(load().meili).toEqual({ host: 'https://search.example.cn', apiKey: 'master-key', index: 'listings' });
    vi.stubEnv('MEILI_INDEX', 'staging_listings');
    expect(load().meili?.index).toBe('staging_listings');
  });

  it('refuses settings that would search somewhere other than meant', () => {
    vi.stubEnv('MEILI_API_KEY', 'key');
    expect(load).toThrow('MEILI_API_KEY set without MEILI_HOST');
    vi.stubEnv('MEILI_HOST', 'search.example.cn:7700');
    expect(load).toThrow('MEILI_HOST must be an http(s) URL');
    vi.stubEnv('MEILI_HOST', 'http://127.0.0.1:7700');
    vi.stubEnv('MEILI_INDEX', 'listings; drop');
    expect(load).toThrow('MEILI_INDEX must be letters');
  });
});

describe('log level (LOG_LEVEL)', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('logs at info unless told otherwise, and takes any of pino’s levels', () => {
    vi.stubEnv('LOG_LEVEL', '');
    expect(load().logLevel).toBe('info');
    for (const level of ['trace', 'debug', 'warn', 'error', 'fatal', 'silent']) {
      vi.stubEnv('LOG_LEVEL', level);
      expect(load().logLevel).toBe(level);
    }
  });

  it('refuses a level pino does not have, naming the ones it does', () => {
    for (const level of ['log', 'verbose', 'INFO', 'warning']) {
      vi.stubEnv('LOG_LEVEL', level);
      expect(load).toThrow(`LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "${level}"`);
    }
  });
});
