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
    const { data, errors } = await t.gql('{ channels { code nameZh categories { slug parentId } } counties(povertyOnly: true) { code } }');
    expect(errors).toBeUndefined();
    expect(data!.channels.map((c: { code: string }) => c.code)).toEqual(['rice', 'hog', 'fruit', 'oil', 'tea']);
    expect(data!.counties).toHaveLength(50);
    const tea = data!.channels.find((c: { code: string }) => c.code === 'tea');
    // a tree, listed parent first: 黑茶 and its kinds, then 绿茶 and its kinds …
    expect(tea.categories.map((c: { slug: string }) => c.slug).slice(0, 7)).toEqual(['dark-tea', 'qianliang', 'fuzhuan', 'tianjian', 'green-tea', 'maojian', 'yinzhen']);
  });
});
