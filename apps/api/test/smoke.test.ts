import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness';

describe('the API on a real database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is alive and ready', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'ok', migrations: 'current' });
  });

  it('serves the five channels and the Hunan county table', async () => {
    const { data, errors } = await t.gql('{ channels { code nameZh categories { slug } } counties(povertyOnly: true) { code } }');
    expect(errors).toBeUndefined();
    expect(data!.channels.map((c: { code: string }) => c.code)).toEqual(['rice', 'hog', 'fruit', 'oil', 'tea']);
    expect(data!.counties).toHaveLength(50);
    const tea = data!.channels.find((c: { code: string }) => c.code === 'tea');
    expect(tea.categories.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['dark-tea', 'qianliang', 'fuzhuan']));
  });
});
