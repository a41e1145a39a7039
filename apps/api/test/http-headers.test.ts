import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

/** A built storefront as vite leaves it: hashed assets with brotli and gzip copies, an icon, the index page. */
function fakeBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'xn-web-headers-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>湘农网</title><script type="module" src="/assets/index-abc123.js"></script>');
  const script = `console.log(${JSON.stringify('安化黑茶 '.repeat(500))})`;
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(script));
  writeFileSync(join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0, 0, 0]));
  return dist;
}

describe('security headers and compression on every response', () => {
  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = fakeBuild();
    t = await startTestApp({ webDistDir: dist });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const SECURITY_HEADERS = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };

  it.each([
    ['the index page', { url: '/' }],
    ['a browser route', { url: '/c/tea' }],
    ['a built file', { url: '/assets/index-abc123.js' }],
    ['a GraphQL answer', { url: '/graphql', method: 'POST' as const, headers: { 'content-type': 'application/json' }, payload: '{"query":"{ channels { code } }"}' }],
    ['a refused request', { url: '/api/nothing-here' }],
    ['a health check', { url: '/healthz' }],
  ])('%s carries nosniff, framing and referrer rules and the CSP', async (_what, request) => {
    const res = await t.app.inject(request);
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves hashed files precompressed and cached for a year, the index page revalidated every time', async () => {
    const br = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable' });
    expect(br.rawPayload.length).toBeLessThan(500);
    const gzip = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const index = await t.app.inject({ url: '/' });
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('compresses GraphQL answers for clients that accept it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
      payload: JSON.stringify({ query: '{ counties { code name prefectureName } }' }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('answers /favicon.ico with the icon, not the index page', async () => {
    const res = await t.app.inject({ url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
  });
});
