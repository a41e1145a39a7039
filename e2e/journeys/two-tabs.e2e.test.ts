import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, trackPageErrors } from '../support/browser';
import { makeIds, signUp } from '../support/console';

const SESSION_KEY = 'xiangnong.session';
const ids = makeIds();

type Tokens = { accessToken: string; refreshToken: string };
const storedTokens = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as Tokens | null, SESSION_KEY);

/**
 * Two tabs of one browser share one session. When the access token has expired in both, they must
 * not both trade the same refresh token: the API takes a second use for a stolen token and ends the
 * session. The tabs take turns through the browser's Web Locks and the second uses what the first got.
 */
describe('Journey 5: two tabs wake up with an expired token and stay signed in', () => {
  const baseUrl = inject('baseUrl');
  const user = { phone: ids.phone(41), name: '两个标签', password: ids.password(41) };
  let browser: Browser;
  let context: BrowserContext;
  let tabA: Page;
  let tabB: Page;
  let errorsA: string[];
  let errorsB: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    tabA = await context.newPage();
    tabB = await context.newPage();
    errorsA = trackPageErrors(tabA);
    errorsB = trackPageErrors(tabB);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('both tabs refresh once between them and keep the session', async () => {
    await signUp(tabA, baseUrl, user);
    await tabB.goto(`${baseUrl}/console`);
    await tabB.getByTestId('org-form').waitFor();
    const before = (await storedTokens(tabA))!;
    expect(before.refreshToken).toBeTruthy();

    // the access token has expired (as after 15 minutes); the refresh token is still good
    await tabA.evaluate(([key, tokens]) => localStorage.setItem(key, JSON.stringify(tokens)), [SESSION_KEY, { ...before, accessToken: 'expired' }] as const);
    // both tabs start over at the same moment and each asks who is signed in
    await Promise.all([tabA.reload(), tabB.reload()]);
    await Promise.all([tabA.getByTestId('org-form').waitFor(), tabB.getByTestId('org-form').waitFor()]);

    const after = (await storedTokens(tabA))!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await storedTokens(tabB)).toEqual(after);
    // the session is alive: the new tokens work after another reload in either tab
    await tabB.reload();
    await tabB.getByTestId('org-form').waitFor();
    expect(new URL(tabB.url()).pathname).toBe('/console');
    expect((await storedTokens(tabB))!.refreshToken).toBe(after.refreshToken);
    expect([...errorsA, ...errorsB]).toEqual([]);
  });
});
