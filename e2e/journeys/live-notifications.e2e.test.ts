import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, scrollWidth, trackPageErrors } from '../support/browser';
import { createOrganisation, logIn, makeIds, signUp, text } from '../support/console';

const WIDTH = 360;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const DESKTOP_CONTEXT = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' } as const;
const ids = makeIds();

/** The bell's unread count as the page shows it (the badge is gone at 0). */
const bellCount = (page: Page) => page.getByTestId('nav-notifications').getAttribute('data-count');

/** Waits until the bell says `n`. */
async function waitForBell(page: Page, n: number): Promise<void> {
  await page.waitForFunction((count) => document.querySelector('[data-testid="nav-notifications"]')?.getAttribute('data-count') === String(count), n);
}

/**
 * A cooperative owner's tab hears about the platform's decisions while it is open: the admin verifies
 * the cooperative in another browser, and the owner's bell and a toast say so without a reload; the
 * owner reads it in the notification centre and marks everything read. Then the admin looks at the
 * job queue and suspends the cooperative from its seller page, and the owner hears that too.
 */
describe('Journey 7: live notifications reach an open tab while an admin decides in another browser', () => {
  const baseUrl = inject('baseUrl');
  const owner = { phone: ids.phone(61), name: '彭社长', password: ids.password(61) };
  const orgName = `桃江县${ids.suffix}竹乡茶叶专业合作社`;
  const reason = `抽检不合格 ${ids.suffix}，整改后恢复`;

  let browser: Browser;
  let ownerContext: BrowserContext;
  let adminContext: BrowserContext;
  let page: Page;
  let admin: Page;
  let errors: string[];
  let adminErrors: string[];
  let organisationId = '';
  /** the WebSockets the owner's tab opened */
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // The owner on a 360 px phone, the admin at a desk: two browsers with their own sessions.
    ownerContext = await browser.newContext(PHONE_CONTEXT);
    page = await ownerContext.newPage();
    errors = trackPageErrors(page);
    page.on('websocket', (socket) => sockets.push(socket));
    adminContext = await browser.newContext(DESKTOP_CONTEXT);
    admin = await adminContext.newPage();
    adminErrors = trackPageErrors(admin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a new owner creates a cooperative and has a bell with nothing unread', async () => {
    await signUp(page, baseUrl, owner);
    await createOrganisation(page, { name: orgName, uscc: ids.uscc(61) });
    expect(await text(page, 'org-status')).toBe('待认证');
    await page.getByTestId('nav-notifications').waitFor();
    expect(await bellCount(page)).toBe('0');
    expect(await page.getByTestId('notification-count').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('the admin verifies it in another browser; the owner’s bell goes to 1 and a toast says so, without a reload', async () => {
    // Anything that reloads the owner's page would lose this.
    await page.evaluate(() => {
      (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
    });

    await logIn(admin, baseUrl, '13800000000', 'xiangnong2026');
    await admin.waitForURL(`${baseUrl}/admin`);
    const card = admin.getByTestId('pending-org').filter({ hasText: orgName });
    await card.waitFor();
    organisationId = (await card.getAttribute('data-org-id')) ?? '';
    expect(organisationId).toMatch(/^[0-9a-f-]{36}$/);
    await card.getByTestId('approve').click();
    await card.getByTestId('pending-org-done').waitFor();

    await waitForBell(page, 1);
    expect(await text(page, 'notification-count')).toBe('1');
    const toast = page.getByTestId('toast').filter({ hasText: '已通过认证' });
    await toast.waitFor();
    expect(await toast.getByTestId('toast-title').textContent()).toBe(`${orgName} 已通过认证`);
    // the console's status follows in place
    await page.waitForFunction(() => document.querySelector('[data-testid="org-status"]')?.textContent?.trim() === '已认证');
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    // one connection for the tab since it signed in, on the page's own origin, still open
    expect(sockets.map((socket) => socket.url())).toEqual([`${baseUrl.replace(/^http/, 'ws')}/graphql`]);
    expect(sockets[0]!.isClosed()).toBe(false);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-live-toast');
  });

  it('the owner opens the notification centre from the bell, sees it unread and marks all read', async () => {
    await page.getByTestId('nav-notifications').click();
    await page.waitForURL(`${baseUrl}/notifications`);
    const first = page.getByTestId('notification').first();
    await first.waitFor();
    expect(await first.getAttribute('data-unread')).toBe('true');
    expect(await first.getAttribute('data-kind')).toBe('organisation-verified');
    expect(await first.getByTestId('notification-title').textContent()).toBe(`${orgName} 已通过认证`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-notifications');

    await page.getByTestId('mark-all-read').click();
    await page.getByTestId('all-read-done').waitFor();
    await waitForBell(page, 0);
    expect(await page.getByTestId('notification-count').count()).toBe(0);
    expect(await first.getAttribute('data-unread')).toBe('false');
    // still read after a reload: the API has it
    await page.reload();
    await page.getByTestId('notification').first().waitFor();
    expect(await page.getByTestId('notification').first().getAttribute('data-unread')).toBe('false');
    expect(await bellCount(page)).toBe('0');

    // in English too, and still no wider than the phone
    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Notifications');
    expect(await page.getByTestId('notification-title').first().textContent()).toBe(`${orgName} is verified`);
    expect(await page.getByTestId('mark-all-read').textContent()).toContain('Mark all read');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-notifications-en');
    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '通知中心');
  });

  it('the settings page lists each kind with a switch, saves a change and fits 360 px', async () => {
    await page.getByTestId('notification-settings-link').click();
    await page.waitForURL(`${baseUrl}/settings/notifications`);
    const row = page.locator('[data-testid="notification-preference"][data-kind="organisation-verified"]');
    await row.waitFor();
    expect(await row.getByTestId('notification-preference-label').textContent()).toBe('组织通过认证');
    const toggle = row.getByTestId('notification-preference-toggle');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await row.getByTestId('notification-preference-saved').waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await page.reload();
    await row.waitFor();
    expect(await row.getByTestId('notification-preference-toggle').isChecked()).toBe(false);
    // back on, so that the owner hears about what follows
    await row.getByTestId('notification-preference-toggle').click();
    await row.getByTestId('notification-preference-saved').waitFor();
    expect(await row.getByTestId('notification-preference-toggle').isChecked()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-notification-settings');
  });

  it('the admin’s job queue shows the queue and outbox figures and the failed list', async () => {
    await admin.getByTestId('admin-tab-jobs').click();
    await admin.waitForURL(`${baseUrl}/admin?tab=jobs`);
    await admin.getByTestId('queue-figures').waitFor();
    for (const key of ['waiting', 'running', 'retrying', 'failed', 'outboxWaiting']) {
      expect(await admin.getByTestId(`queue-${key}`).getByTestId('queue-value').textContent()).toMatch(/^\d+$/);
    }
    expect(await admin.getByTestId('queue-outboxLag').getByTestId('queue-value').textContent()).toMatch(/秒/);
    // the failed list has loaded: either empty or with rows that each have a retry
    await admin.waitForFunction(() => document.querySelector('[data-testid="failed-empty"], [data-testid="failed-job"]') !== null);
    const failed = Number(await admin.getByTestId('queue-failed').getByTestId('queue-value').textContent());
    if (failed === 0) expect(await admin.getByTestId('failed-empty').isVisible()).toBe(true);
    else expect(await admin.getByTestId('failed-job-retry').count()).toBeGreaterThan(0);
    await admin.getByTestId('queue-refresh').click();
    await admin.getByTestId('queue-updated').waitFor();
    await screenshot(admin, 'desktop-admin-jobs');

    // on a phone too
    await admin.setViewportSize({ width: WIDTH, height: 740 });
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(WIDTH);
    await screenshot(admin, 'mobile-admin-jobs');
    await admin.setViewportSize(DESKTOP_CONTEXT.viewport);
  });

  it('the admin suspends the cooperative from its seller page; the owner hears it live', async () => {
    await admin.goto(`${baseUrl}/s/${organisationId}`);
    await admin.getByTestId('seller-admin-link').click();
    await admin.waitForURL(`${baseUrl}/admin?org=${organisationId}`);
    const panel = admin.getByTestId('admin-org');
    await panel.getByTestId('admin-org-name').waitFor();
    expect(await panel.getByTestId('admin-org-name').textContent()).toBe(orgName);
    expect((await panel.getByTestId('admin-org-status').textContent())?.trim()).toBe('已认证');

    await panel.getByTestId('admin-org-suspend').click();
    // a reason is required
    await panel.getByTestId('admin-org-suspend-confirm').click();
    await panel.getByTestId('admin-org-error').waitFor();
    expect(await panel.getByTestId('admin-org-error').textContent()).toContain('请填写原因');
    await panel.getByTestId('admin-org-reason-input').fill(reason);
    await panel.getByTestId('admin-org-suspend-confirm').click();
    await panel.getByTestId('admin-org-done').waitFor();
    expect((await panel.getByTestId('admin-org-status').textContent())?.trim()).toBe('已暂停');
    expect(await panel.getByTestId('admin-org-reason').textContent()).toBe(reason);
    await screenshot(admin, 'desktop-admin-suspend');

    // the owner, still on the notification settings page
    await waitForBell(page, 1);
    await page.getByTestId('toast').filter({ hasText: '已被暂停' }).waitFor();
    await page.getByTestId('nav-notifications').click();
    await page.waitForURL(`${baseUrl}/notifications`);
    const first = page.getByTestId('notification').first();
    await first.waitFor();
    expect(await first.getAttribute('data-kind')).toBe('organisation-suspended');
    expect(await first.getAttribute('data-unread')).toBe('true');
    expect(await first.textContent()).toContain(reason);

    // a click marks it read and opens the console at that organisation, which says why
    await first.getByTestId('notification-open').click();
    await page.waitForURL(`${baseUrl}/console?org=${organisationId}`);
    await page.getByTestId('org-profile').waitFor();
    expect(await text(page, 'org-status')).toBe('已暂停');
    expect(await text(page, 'org-rejection')).toContain(reason);
    await waitForBell(page, 0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('log-out closes the tab’s connection and the bell goes', async () => {
    // the connection of the page as it is now (each reload above started a page of its own)
    const current = sockets[sockets.length - 1]!;
    expect(current.isClosed()).toBe(false);
    const closed = current.waitForEvent('close');
    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
    await closed;
    expect(await page.getByTestId('nav-notifications').count()).toBe(0);
    // and none opens again while signed out
    await page.goto(`${baseUrl}/c/tea`);
    await page.getByTestId('listing-card').first().waitFor();
    expect(sockets[sockets.length - 1]).toBe(current);
  });

  it('had no script errors', () => {
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });
});
