import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { createOrganisation, signUp } from './fixtures';
import { collect, liveClient } from './live-client';
import { until } from './waiting';
import { freePort } from './net';

const NGINX = '/usr/sbin/nginx';
const CONFIG = join(__dirname, '..', '..', '..', 'infra', 'nginx.conf');

/** infra/nginx.conf as shipped, pointed at one test instance and a free port, run in the foreground. */
function testConfig(instancePort: number, proxyPort: number, dir: string): string {
  const shipped = readFileSync(CONFIG, 'utf8');
  const upstreams = shipped.match(/upstream xiangnong \{[^}]*\}/)![0];
  return `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n${shipped
    .replace(/worker_processes auto;/, 'worker_processes 1;')
    .replace(upstreams, `upstream xiangnong { server 127.0.0.1:${instancePort}; keepalive 8; }`)
    .replace(/listen 80;/, `listen 127.0.0.1:${proxyPort};`)
    .replace(/http \{/, 'http {\n  access_log off;')}`;
}

// nginx is a system package (`apt-get install nginx`; CI installs it): without it there is nothing to check.
describe.runIf(existsSync(NGINX))('behind infra/nginx.conf', () => {
  let t: TestApp;
  let nginx: ChildProcess;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xn-nginx-'));
    const dist = join(dir, 'web');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>湘农网</title>');
    const script = `console.log(${JSON.stringify('湘农网 '.repeat(500))})`;
    writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), script);
    writeFileSync(join(dist, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(script));
    t = await startTestApp({ webDistDir: dist });
    const instancePort = await freePort();
    await t.app.listen({ port: instancePort, host: '127.0.0.1' });
    const proxyPort = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), testConfig(instancePort, proxyPort, dir));
    nginx = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
    base = `http://127.0.0.1:${proxyPort}`;
    for (let i = 0; i < 100 && !(await fetch(`${base}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    nginx?.kill('SIGQUIT');
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the security headers through on pages, files and answers', async () => {
    for (const path of ['/', '/c/tea', '/assets/app-1a2b3c.js', '/healthz']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('keeps the instances’ compression, precompressed files included', async () => {
    const asset = await fetch(`${base}/assets/app-1a2b3c.js`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toContain('湘农网'); // fetch unpacks it: the bytes arrived intact
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ counties { code name prefectureName } }' }),
    });
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(((await answer.json()) as { data: { counties: unknown[] } }).data.counties).toHaveLength(122);
  });

  it('serves uploaded images with their own CSP and one cache rule', async () => {
    const owner = await signUp(t);
    const orgId = await createOrganisation(t, owner);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 10, g: 120, b: 40 } } }).png().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'tea.png');
    const uploaded = await fetch(`${base}/api/uploads/images?organisationId=${orgId}`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const { url } = (await uploaded.json()) as { url: string };
    const image = await fetch(`${base}${url}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toBe("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    expect(image.headers.get('cache-control')).toBe('public, max-age=604800, immutable');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('carries GraphQL subscriptions over a WebSocket on the same path', async () => {
    const owner = await signUp(t);
    const { client, closes } = liveClient(`${base.replace('http', 'ws')}/graphql`, owner.token);
    try {
      const sub = collect(client, `subscription { notificationAdded { id } }`);
      // a refusal that only the instance can give proves the socket reached it through the proxy
      const query = collect(client, `query { unreadNotificationCount }`);
      await until('the instance to answer over the socket', () => query.ended.error);
      expect(query.ended.error[0].extensions.code).toBe('request/subscriptions-only');
      expect(sub.ended.error).toBeUndefined();
      expect(closes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
