import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, scrollWidth, trackPageErrors } from '../support/browser';
import { makeIds } from '../support/console';

const WIDTH = 360;
const ids = makeIds();

/** A visitor on a small phone: every page must fit 360 px without sideways scrolling. */
describe('Journey 2: browsing on a 360 px phone', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: WIDTH, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    page = await context.newPage();
    errors = trackPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('home page fits and lists the channels', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('channel-card-tea').waitFor();
    expect(await page.locator('[data-testid^="channel-card-"]').count()).toBeGreaterThanOrEqual(5);
    expect(await page.getByTestId('poverty-explainer').isVisible()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-home');
  });

  it('channel page fits and shows prices and the 扶贫产品 badge', async () => {
    await page.getByTestId('channel-link-tea').click();
    await page.waitForURL(`${baseUrl}/c/tea`);
    const card = page.getByTestId('listing-card').filter({ has: page.getByTestId('badge-demo') }).filter({ has: page.getByTestId('badge-poverty') }).first();
    await card.waitFor();
    expect(await card.getByTestId('badge-poverty').isVisible()).toBe(true);
    expect(await card.getByTestId('listing-card-price').textContent()).toMatch(/¥[\d,]+\.\d{2} \/ \S+/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-channel');
  });

  it('a demo listing detail fits and shows price, 扶贫产品 and 示例', async () => {
    const card = page.getByTestId('listing-card').filter({ has: page.getByTestId('badge-demo') }).filter({ has: page.getByTestId('badge-poverty') }).first();
    await card.click();
    await page.waitForURL(/\/l\/[0-9a-f-]+$/);
    await page.getByTestId('listing-detail').waitFor();
    expect(await page.getByTestId('listing-price').isVisible()).toBe(true);
    expect(await page.getByTestId('listing-price').textContent()).toMatch(/¥[\d,]+\.\d{2}/);
    expect(await page.getByTestId('badge-poverty').isVisible()).toBe(true);
    expect(await page.getByTestId('badge-demo').isVisible()).toBe(true);
    expect(await page.getByTestId('listing-attributes').locator('tr').count()).toBeGreaterThan(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-listing-detail');
  });

  it('the login page fits', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-form').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-login');
  });

  it('the sign-up page fits', async () => {
    await page.goto(`${baseUrl}/signup`);
    await page.getByTestId('signup-form').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-signup');
  });

  it('switches to English and still fits', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('locale-toggle').click();
    await page.getByTestId('channel-card-tea').waitFor();
    expect(await page.locator('h1').first().textContent()).toContain('Xiangnong');
    expect((await page.getByTestId('locale-toggle').textContent())?.trim()).toBe('中文');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('locale-toggle').click();
    expect((await page.getByTestId('locale-toggle').textContent())?.trim()).toBe('EN');
  });

  it('the seller console and listing form fit for the demo tea cooperative', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-phone').fill('13900000001');
    await page.getByTestId('login-password').fill('xiangnong2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${baseUrl}/console`);
    await page.getByTestId('my-listing').first().waitFor();
    expect((await page.getByTestId('org-status').textContent())?.trim()).toBe('已认证');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-console');

    await page.getByTestId('new-listing').click();
    await page.getByTestId('listing-form').waitFor();
    await page.getByTestId('listing-channel').selectOption('tea');
    await page.getByTestId('attr-teaType').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-listing-form');
  });

  it('the verification queue fits for the platform admin', async () => {
    // a cooperative waiting for verification, with a long name, signed up through the API
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    };
    const signedUp = await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`, {
      input: { phone: ids.phone(31), password: ids.password(31), displayName: '待审社长' },
    });
    const orgName = `湘西土家族苗族自治州古丈县默戎镇${ids.suffix}茶叶种植专业合作社`;
    await gql(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
      { input: { name: orgName, kind: 'COOPERATIVE', countyCode: '433126', uscc: ids.uscc(31) } },
      signedUp.signUp.accessToken,
    );
    // the admin on a phone of their own
    const adminContext = await browser.newContext({ viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
    const admin = await adminContext.newPage();
    const adminErrors = trackPageErrors(admin);
    await admin.goto(`${baseUrl}/login`);
    await admin.getByTestId('login-phone').fill('13800000000');
    await admin.getByTestId('login-password').fill('xiangnong2026');
    await admin.getByTestId('login-submit').click();
    await admin.waitForURL((url) => url.pathname !== '/login');
    await admin.goto(`${baseUrl}/admin`);
    await admin.getByTestId('pending-org-name').filter({ hasText: orgName }).waitFor();
    expect(await admin.getByTestId('admin-forbidden').count()).toBe(0);
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(WIDTH);
    await screenshot(admin, 'mobile-admin');
    expect(adminErrors).toEqual([]);
    await adminContext.close();
  });

  it('had no script errors', () => {
    expect(errors).toEqual([]);
  });
});
