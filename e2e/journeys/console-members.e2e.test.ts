import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, scrollWidth, trackPageErrors } from '../support/browser';
import { createOrganisation, logIn, makeIds, signUp, text } from '../support/console';
import { suitePage } from '../support/suite';

const WIDTH = 360;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const DESKTOP_CONTEXT = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' } as const;

// Every describe below signs up its own people and organisations, so they pass in any order.
const ids = makeIds();

/** An owner on a phone edits the cooperative's profile and manages who belongs to it. */
describe('Journey 3: an owner edits the profile and manages members on a 360 px phone', () => {
  const baseUrl = inject('baseUrl');
  const owner = { phone: ids.phone(1), name: '周社长', password: ids.password(1) };
  const staff = { phone: ids.phone(2), name: '吴小妹', password: ids.password(2) };
  const orgName = `安化县云台山${ids.suffix}茶叶专业合作社`;
  const uscc = ids.uscc(1);
  const description = `云台山茶园 ${ids.suffix}，社员 120 户，主营安化黑茶。`;

  let browser: Browser;
  let ownerContext: BrowserContext;
  let staffContext: BrowserContext;
  let page: Page;
  let staffPage: Page;
  let errors: string[];
  let staffErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ownerContext = await browser.newContext(PHONE_CONTEXT);
    page = await ownerContext.newPage();
    errors = trackPageErrors(page);
    // The second person uses a browser of their own: separate storage, separate session.
    staffContext = await browser.newContext(DESKTOP_CONTEXT);
    staffPage = await staffContext.newPage();
    staffErrors = trackPageErrors(staffPage);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a new user signs up and creates a cooperative, and sees its profile with their role', async () => {
    await signUp(page, baseUrl, owner);
    await createOrganisation(page, { name: orgName, uscc, countyCode: '430923', description: '初始简介' });
    expect(await text(page, 'org-kind-text')).toBe('农民专业合作社');
    expect(await text(page, 'org-uscc-text')).toBe(uscc);
    expect(await text(page, 'org-county-text')).toContain('安化县');
    expect(await text(page, 'org-description-text')).toBe('初始简介');
    expect(await text(page, 'org-status')).toBe('待认证');
    expect(await text(page, 'org-my-role')).toBe('所有者');
    // Only this one organisation: nothing to switch between.
    expect(await page.getByTestId('org-switcher').count()).toBe(0);
    expect(await page.getByTestId('member').count()).toBe(1);
  });

  it('edits the description and still sees it after a reload', async () => {
    await page.getByTestId('org-edit').click();
    await page.getByTestId('org-edit-form').waitFor();
    expect(await page.getByTestId('org-edit-name').inputValue()).toBe(orgName);
    expect(await page.getByTestId('org-edit-county').inputValue()).toBe('430923');
    await page.getByTestId('org-edit-description').fill(description);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('org-edit-submit').click();
    await page.getByTestId('org-edit-saved').waitFor();
    expect(await page.getByTestId('org-edit-form').count()).toBe(0);
    expect(await text(page, 'org-description-text')).toBe(description);

    await page.reload();
    await page.getByTestId('org-profile').waitFor();
    expect(await text(page, 'org-description-text')).toBe(description);
    expect(await text(page, 'org-profile-name')).toBe(orgName);
  });

  it('adds a second user as 员工 by phone and lists them with a masked phone', async () => {
    await signUp(staffPage, baseUrl, staff);
    await staffPage.getByTestId('org-form').waitFor();

    await page.getByTestId('member-add-phone').fill(staff.phone);
    await page.getByTestId('member-add-role').selectOption('STAFF');
    await page.getByTestId('member-add-submit').click();
    await page.getByTestId('member-add-done').waitFor();

    const row = page.getByTestId('member').filter({ hasText: staff.name });
    await row.waitFor();
    const masked = (await row.getByTestId('member-phone').textContent())?.trim() ?? '';
    expect(masked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(masked.slice(0, 3)).toBe(staff.phone.slice(0, 3));
    expect(masked.slice(-4)).toBe(staff.phone.slice(-4));
    expect(await row.textContent()).not.toContain(staff.phone);
    expect(await row.getByTestId('member-role').inputValue()).toBe('STAFF');
    expect(await page.getByTestId('member').count()).toBe(2);

    // The same person twice: the API's message is shown next to the form.
    await page.getByTestId('member-add-phone').fill(staff.phone);
    await page.getByTestId('member-add-submit').click();
    await page.getByTestId('member-add-error').waitFor();
    expect(await text(page, 'member-add-error')).toBe('该用户已是成员');
    expect(await page.getByTestId('member').count()).toBe(2);
  });

  it('the console with the members section fits 360 px', async () => {
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('members').scrollIntoViewIfNeeded();
    await screenshot(page, 'mobile-console-members');
  });

  it('cannot demote the only owner', async () => {
    const me = page.getByTestId('member').filter({ hasText: owner.name });
    await me.getByTestId('member-role').selectOption('STAFF');
    await page.getByTestId('members-error').waitFor();
    expect(await text(page, 'members-error')).toBe('组织至少需要一名所有者');
    // Nothing changed, and the control says so.
    expect(await me.getByTestId('member-role').inputValue()).toBe('OWNER');
    expect(await text(page, 'org-my-role')).toBe('所有者');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('the staff member sees the organisation but cannot edit it or manage members', async () => {
    await staffPage.goto(`${baseUrl}/console`);
    await staffPage.getByTestId('org-profile').waitFor();
    expect(await text(staffPage, 'org-profile-name')).toBe(orgName);
    expect(await text(staffPage, 'org-my-role')).toBe('员工');
    expect(await text(staffPage, 'org-description-text')).toBe(description);
    expect(await staffPage.getByTestId('org-edit').count()).toBe(0);
    expect(await staffPage.getByTestId('member').count()).toBe(2);
    expect(await staffPage.getByTestId('member-role').count()).toBe(0);
    expect(await staffPage.getByTestId('member-add-form').count()).toBe(0);
    expect(await staffPage.getByTestId('member-remove').count()).toBe(0);
  });

  it('removes the staff member after a confirm step', async () => {
    const row = page.getByTestId('member').filter({ hasText: staff.name });
    await row.getByTestId('member-remove').click();
    await row.getByTestId('member-remove-cancel').click();
    expect(await page.getByTestId('member').count()).toBe(2);

    await row.getByTestId('member-remove').click();
    expect(await row.getByTestId('member-remove-confirm-box').textContent()).toContain(staff.name);
    await row.getByTestId('member-remove-confirm').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="member"]').length === 1);

    // Without a membership the staff member is back to creating an organisation of their own.
    await staffPage.reload();
    await staffPage.getByTestId('org-form').waitFor();
  });

  it('had no script errors', () => {
    expect(errors).toEqual([]);
    expect(staffErrors).toEqual([]);
  });
});

/** The platform refuses an organisation; its owner learns why in the console. */
describe('Journey 4: the platform refuses an organisation with a reason', () => {
  const baseUrl = inject('baseUrl');
  const owner = { phone: ids.phone(3), name: '谭场主', password: ids.password(3) };
  const orgName = `安化县${ids.suffix}号家庭农场`;
  const reason = `营业执照照片模糊 ${ids.suffix}，请重新提交`;

  const suite = suitePage(PHONE_CONTEXT);

  it('a new user creates a family farm awaiting verification', async () => {
    await signUp(suite.page, baseUrl, owner);
    await createOrganisation(suite.page, { name: orgName, uscc: ids.uscc(3), kind: 'FAMILY_FARM' });
    expect(await text(suite.page, 'org-status')).toBe('待认证');
  });

  it('the admin must give a reason, then refuses it', async () => {
    const admin = await (await suite.browser.newContext(DESKTOP_CONTEXT)).newPage();
    const adminErrors = trackPageErrors(admin);
    await logIn(admin, baseUrl, '13800000000', 'xiangnong2026');
    await admin.waitForURL(`${baseUrl}/admin`);
    const card = admin.getByTestId('pending-org').filter({ hasText: orgName });
    await card.waitFor();

    await card.getByTestId('reject').click();
    await card.getByTestId('reject-confirm').click();
    await card.getByRole('alert').waitFor();
    expect(await card.getByRole('alert').textContent()).toContain('请填写原因');

    await card.getByTestId('reject-reason').fill(reason);
    await card.getByTestId('reject-confirm').click();
    await card.getByTestId('pending-org-done').waitFor();
    expect((await card.getByTestId('pending-org-done').textContent())?.trim()).toBe('已拒绝');
    expect(adminErrors).toEqual([]);
  });

  it('the owner sees 未通过 and the reason in the console', async () => {
    await suite.page.reload();
    await suite.page.getByTestId('org-profile').waitFor();
    expect(await text(suite.page, 'org-status')).toBe('未通过');
    expect(await text(suite.page, 'org-rejection')).toContain(reason);
    expect(await scrollWidth(suite.page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(suite.page, 'mobile-console-refused');
  });

  it('had no script errors', () => {
    expect(suite.errors).toEqual([]);
  });
});

/** Someone in two organisations picks which one the console shows, and the choice survives a reload. */
describe('Journey 5: switching between organisations', () => {
  const baseUrl = inject('baseUrl');
  const user = { phone: ids.phone(4), name: '黄经理', password: ids.password(4) };
  const first = `湘潭县${ids.suffix}湘莲专业合作社`;
  const second = `湘潭${ids.suffix}农产品有限公司`;

  const suite = suitePage(PHONE_CONTEXT);

  it('creates a second organisation from the console and is shown it', async () => {
    await signUp(suite.page, baseUrl, user);
    await createOrganisation(suite.page, { name: first, uscc: ids.uscc(4) });
    await suite.page.getByTestId('org-create-another').click();
    await createOrganisation(suite.page, { name: second, uscc: ids.uscc(5), kind: 'ENTERPRISE' });
    const switcher = suite.page.getByTestId('org-switcher');
    await switcher.waitFor();
    expect(await switcher.locator('option').allTextContents()).toEqual([expect.stringContaining(first), expect.stringContaining(second)]);
    expect(await text(suite.page, 'org-kind-text')).toBe('企业');
    expect(await scrollWidth(suite.page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(suite.page, 'mobile-console-switcher');
  });

  it('switches to the first one and remembers it across a reload', async () => {
    await suite.page.getByTestId('org-switcher').selectOption({ label: `${first} · 所有者` });
    await suite.page.waitForFunction((name) => document.querySelector('[data-testid="org-profile-name"]')?.textContent === name, first);
    expect(await text(suite.page, 'org-kind-text')).toBe('农民专业合作社');

    await suite.page.reload();
    await suite.page.getByTestId('org-profile').waitFor();
    expect(await text(suite.page, 'org-profile-name')).toBe(first);

    await suite.page.getByTestId('org-switcher').selectOption({ label: `${second} · 所有者` });
    await suite.page.waitForFunction((name) => document.querySelector('[data-testid="org-profile-name"]')?.textContent === name, second);
    await suite.page.reload();
    await suite.page.getByTestId('org-profile').waitFor();
    expect(await text(suite.page, 'org-profile-name')).toBe(second);
  });

  it('had no script errors', () => {
    expect(suite.errors).toEqual([]);
  });
});

/**
 * Channel filters live in the address, so a reload or a shared link shows the same list. Words typed
 * on the channel page search within the channel (and its chosen category) at /search.
 */
describe('Journey 6: channel filters survive a reload and a shared link', () => {
  const baseUrl = inject('baseUrl');
  const suite = suitePage(DESKTOP_CONTEXT);

  const titles = (p: Page) => p.getByTestId('listing-card-title').allTextContents();

  async function settle(p: Page): Promise<void> {
    await p.waitForFunction(() => document.querySelector('[data-testid="listing-card"], [data-testid="empty"], [data-testid="search-empty"]') !== null);
    await p.waitForLoadState('networkidle');
  }

  it('puts category and 扶贫产品 in the address and restores them', async () => {
    await suite.page.goto(`${baseUrl}/c/tea`);
    await suite.page.getByTestId('listing-card').first().waitFor();
    await suite.page.getByTestId('category-dark-tea').click();
    await suite.page.waitForURL(/category=dark-tea/);
    await suite.page.getByTestId('poverty-only').check();
    await suite.page.waitForURL(/poverty=1/);
    await settle(suite.page);
    const url = new URL(suite.page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ category: 'dark-tea', poverty: '1' });
    const before = await titles(suite.page);
    expect(before.length).toBeGreaterThan(0);

    await suite.page.reload();
    await settle(suite.page);
    expect(await suite.page.getByTestId('category-dark-tea').getAttribute('aria-pressed')).toBe('true');
    expect(await suite.page.getByTestId('poverty-only').isChecked()).toBe(true);
    expect(await titles(suite.page)).toEqual(before);

    // 黑茶 is a branch of the category tree: its kinds appear as a second row, and choosing one keeps the branch marked.
    await suite.page.getByTestId('category-qianliang').waitFor();
    expect(await suite.page.getByTestId('category-green-tea').isVisible()).toBe(true);
    expect(await suite.page.getByTestId('category-maojian').count()).toBe(0);

    // Someone else opens the shared link.
    const other = await (await suite.browser.newContext(DESKTOP_CONTEXT)).newPage();
    await other.goto(url.toString());
    await settle(other);
    expect(await titles(other)).toEqual(before);
  });

  it('searches words within the channel, its category and 扶贫产品, and Back returns to the channel', async () => {
    const channelUrl = suite.page.url();
    const listed = await titles(suite.page);
    await suite.page.getByTestId('search-input').fill('安化');
    await suite.page.getByTestId('search-submit').click();
    await suite.page.waitForURL((url) => url.pathname === '/search');
    expect(Object.fromEntries(new URL(suite.page.url()).searchParams)).toEqual({ q: '安化', channel: 'tea', category: 'dark-tea', poverty: '1' });
    await settle(suite.page);
    const found = await titles(suite.page);
    expect(found.length).toBeGreaterThan(0);
    // every listing found is one the channel lists under those filters
    expect(listed).toEqual(expect.arrayContaining(found));
    expect(await suite.page.getByTestId('filter-category-dark-tea').getAttribute('aria-pressed')).toBe('true');

    await suite.page.goBack();
    await suite.page.waitForURL(channelUrl);
    await settle(suite.page);
    expect(await suite.page.getByTestId('search-input').inputValue()).toBe('');

    // Clearing the filters gives the plain channel address back.
    await suite.page.getByTestId('category-all').click();
    await suite.page.getByTestId('poverty-only').uncheck();
    await suite.page.waitForURL(`${baseUrl}/c/tea`);
  });

  it('opens a channel link shared with search words (from before /search) as that search', async () => {
    await suite.page.goto(`${baseUrl}/`);
    await suite.page.getByTestId('channel-card-tea').waitFor();
    await suite.page.goto(`${baseUrl}/c/tea?category=dark-tea&q=${encodeURIComponent('安化')}`);
    await suite.page.waitForURL((url) => url.pathname === '/search');
    expect(Object.fromEntries(new URL(suite.page.url()).searchParams)).toEqual({ q: '安化', channel: 'tea', category: 'dark-tea' });
    await settle(suite.page);
    expect((await titles(suite.page)).length).toBeGreaterThan(0);
    // the old address was replaced, so Back leaves the search rather than landing on the redirect again
    await suite.page.goBack();
    await suite.page.waitForURL(`${baseUrl}/`);
  });

  it('had no script errors', () => {
    expect(suite.errors).toEqual([]);
  });
});
