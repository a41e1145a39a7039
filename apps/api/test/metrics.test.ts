import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';
import { signUp } from './fixtures';

/** The value of one sample line, e.g. `xn_jobs_failed 2`. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').pop()) : undefined;
}

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ publicCacheMb: 4 });
  });
  afterAll(() => t.close());

  const scrape = async () => (await t.app.inject({ url: '/metrics' })).body;

  it('counts operations by name, type and outcome, and times them', async () => {
    const s = await signUp(t);
    for (let i = 0; i < 3; i++) await t.gql(`query ChannelsForMetrics { channels { code } }`);
    await t.gql(`query ViewerForMetrics { viewer { id } }`, {}, s.token);
    await t.gql(`mutation BadLogin { logIn(input: { phone: "13700000000", password: "wrong-password-1" }) { accessToken } }`);
    const text = await scrape();
    expect(sample(text, 'xn_graphql_operations_total', '{operation="ViewerForMetrics",type="query",outcome="ok"}')).toBe(1);
    expect(sample(text, 'xn_graphql_operations_total', '{operation="BadLogin",type="mutation",outcome="error"}')).toBe(1);
    // the first read is answered by GraphQL, the next ones from the response cache
    const cached = sample(text, 'xn_graphql_operations_total', '{operation="ChannelsForMetrics",type="query",outcome="cached"}') ?? 0;
    const read = sample(text, 'xn_graphql_operations_total', '{operation="ChannelsForMetrics",type="query",outcome="ok"}') ?? 0;
    expect(cached + read).toBe(3);
    expect(sample(text, 'xn_graphql_operation_duration_seconds_count', '{operation="ViewerForMetrics",type="query"}')).toBe(1);
  });

  it('reports the job queue, the outbox and live connections', async () => {
    await t.sql(`insert into job_failure (handler, error, attempts, failed_at) values ('sweep-unattached-images', 'x', 3, now())`);
    const text = await scrape();
    expect(sample(text, 'xn_jobs_failed')).toBe(1);
    for (const name of ['xn_jobs_waiting', 'xn_jobs_running', 'xn_outbox_waiting', 'xn_outbox_lag_seconds', 'xn_job_queue_lag_seconds', 'xn_live_connections']) {
      expect(sample(text, name), name).toBeGreaterThanOrEqual(0);
    }
    expect(text).toContain('xn_process_resident_memory_bytes');
  });

  it('labels operation names a client invents without end under one name', async () => {
    for (let i = 0; i < 250; i++) await t.gql(`query Invented${i} { __typename }`);
    const text = await scrape();
    const names = new Set([...text.matchAll(/xn_graphql_operations_total\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(202); // 200 names, `anonymous` and `other`
    expect(names.has('other')).toBe(true);
  });
});

describe('/metrics with a token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ metricsToken: 'scrape-me-please' });
  });
  afterAll(() => t.close());

  it('answers only the scraper that bears it', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const ok = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer scrape-me-please' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
  });
});
