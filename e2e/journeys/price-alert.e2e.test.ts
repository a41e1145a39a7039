import { chinaToday } from '@xiangnong/domain';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, scrollWidth, trackPageErrors } from '../support/browser';
import { logIn, makeIds, text } from '../support/console';

const WIDTH = 360;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const DESKTOP_CONTEXT = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' } as const;
const ADMIN = '13800000000';
const ADMIN_PASSWORD = 'xiangnong2026';
const ids = makeIds();

/**
 * The subscriber follows 生猪 at 宁乡生猪收购点, where the sample history the embedded start loads
 * ends yesterday at about ¥13–16 / kg and nobody else quotes: today's average there is exactly
 * what the operator's files bring, so every figure below is certain.
 */
const MARKET_CODE = 'ningxiang-hog';
const MARKET = '宁乡生猪收购点';
const TODAY = chinaToday();
const YESTERDAY = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** The rule the journey is about: 均价低于 ¥9.00 at 宁乡. */
const THRESHOLD = '9.00';
/**
 * A tighter rule (均价低于 ¥5.00) that only the second file crosses: its alert shows the second
 * file's quotes were checked, so that the ¥9.00 rule staying quiet is a fact, not a wait.
 */
const TIGHTER = '5.00';

const PRICE_HEADER = '品名,规格,市场,最低价,平均价,最高价,单位,日期';
/** A 生猪 quote at 宁乡 for today, per kg as a market bulletin writes it. */
const quote = (specification: string, avg: number) => ['生猪', specification, MARKET, (avg - 0.2).toFixed(2), avg.toFixed(2), (avg + 0.2).toFixed(2), '元/公斤', TODAY].join(',');

/** `back` months before this month in China, YYYY-MM. */
function monthBefore(back: number): string {
  const index = Number(TODAY.slice(0, 4)) * 12 + Number(TODAY.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The bell's unread count as the page shows it. */
const bellCount = (page: Page) => page.getByTestId('nav-notifications').getAttribute('data-count');
async function waitForBell(page: Page, n: number): Promise<void> {
  await page.waitForFunction((count) => document.querySelector('[data-testid="nav-notifications"]')?.getAttribute('data-count') === String(count), n);
}

/** Marks the page so that a reload (which would forget the mark) shows up. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });
}
const stillTheSamePage = (page: Page) => page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage === true);

/** Uploads a price file on the admin's import page and waits until it is imported. */
async function importPrices(admin: Page, baseUrl: string, path: string): Promise<void> {
  if (!admin.url().startsWith(`${baseUrl}/admin/imports`)) await admin.goto(`${baseUrl}/admin/imports`);
  await admin.getByTestId('import-upload').waitFor();
  const before = admin.url();
  await admin.getByTestId('import-file').setInputFiles(path);
  await admin.getByTestId('import-submit').click();
  await admin.waitForURL((url) => url.href !== before && /[?&]import=[0-9a-f-]{36}$/.test(url.search));
  await admin.waitForSelector('[data-testid="import-status"][data-status="DONE"]');
  expect(await admin.getByTestId('import-rowsWritten').getAttribute('data-value')).toBe('1');
}

/** Titles of the price alerts in the notification centre, newest first. */
async function alertTitles(page: Page): Promise<string[]> {
  const alerts = page.locator('[data-testid="notification"][data-kind="price-alert"]');
  return alerts.getByTestId('notification-title').allTextContents();
}

/**
 * A subscriber on a 360 px phone opens 猪网, reads the 生猪 chart and the day's movers, narrows the
 * chart to 宁乡生猪收购点 and downloads it; signs up from the alert panel and comes back to follow
 * 生猪 there below ¥9.00. An operator in another browser imports today's 生猪 quote at ¥6.00: the
 * subscriber's open page hears it (the bell, a toast) without a reload, and the notification
 * centre lists it and leads back to the chart. A second file that keeps the price below ¥9.00
 * does not alert on that rule again. Then the operator imports 生猪's import/export figures, which
 * the chart's page shows under 进出口, and the subscriber finds the webhook settings refusing
 * addresses it cannot send to.
 */
describe('Journey 12: a subscriber on a phone is alerted live when an operator’s price file crosses the threshold', () => {
  const baseUrl = inject('baseUrl');
  const files = inject('filesDir');
  const subscriber = { phone: ids.phone(71), name: '易老板', password: ids.password(71) };

  let browser: Browser;
  let page: Page;
  let admin: Page;
  let errors: string[];
  let adminErrors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext(PHONE_CONTEXT)).newPage();
    errors = trackPageErrors(page);
    admin = await (await browser.newContext(DESKTOP_CONTEXT)).newPage();
    adminErrors = trackPageErrors(admin);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('on a phone, 猪网 shows 生猪 in its 行情 with the day’s movers', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('nav-channel-hog').click();
    await page.waitForURL(`${baseUrl}/c/hog`);
    const hog = page.getByTestId('price-commodity-live-hog');
    await hog.waitFor();
    expect(await hog.getByTestId('price-commodity-link').textContent()).toBe('生猪');
    expect(await hog.getByTestId('price-latest').textContent()).toMatch(/^¥[\d,]+\.\d{2} \/ 千克$/);

    const movers = page.getByTestId('channel-price-movers');
    await movers.waitFor();
    const codes = await movers.getByTestId('price-mover').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.length).toBeLessThanOrEqual(3);
    // the channel's own commodities, each a way to its chart
    for (const code of codes) expect(['live-hog', 'piglet', 'pork-carcass']).toContain(code);
    for (const mover of await movers.getByTestId('price-mover').all()) {
      expect(await mover.textContent()).toMatch(/\d+\.\d%.*¥[\d,]+\.\d{2} \/ 千克/);
      expect(await mover.locator('a').getAttribute('href')).toMatch(/^\/prices\/(live-hog|piglet|pork-carcass)$/);
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('the 生猪 chart draws within the phone, narrowed to 宁乡; its CSV is the series on screen', async () => {
    await page.getByTestId('price-commodity-live-hog').getByTestId('price-commodity-link').click();
    await page.waitForURL(`${baseUrl}/prices/live-hog`);
    await page.waitForSelector('[data-testid="price-chart"][data-drawn="true"]');
    expect(await text(page, 'commodity-title')).toBe('生猪行情');
    expect(await text(page, 'price-sample')).toBe('示例');

    await page.getByTestId('price-market').selectOption(MARKET_CODE);
    await page.waitForURL(`${baseUrl}/prices/live-hog?market=${MARKET_CODE}`);
    await page.waitForSelector('[data-testid="price-series"][aria-busy="false"]');
    await page.waitForSelector('[data-testid="price-chart"][data-drawn="true"]');
    const painted = await page.getByTestId('price-chart').evaluate((el) => {
      const canvas = el.querySelector('canvas');
      if (!canvas) return { painted: 0, right: Infinity };
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) n++;
      return { painted: n, right: el.getBoundingClientRect().right };
    });
    expect(painted.painted).toBeGreaterThan(2000);
    expect(painted.right).toBeLessThanOrEqual(WIDTH);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-alert-journey-chart');

    const points = Number(await page.getByTestId('price-series').getAttribute('data-points'));
    const latest = await text(page, 'price-latest-average');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('price-download').click()]);
    expect(download.suggestedFilename()).toBe(`生猪-近一年-按日-${MARKET}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(header).toBe('日期 period,最低价 low (元/千克),平均价 average (元/千克),最高价 high (元/千克),报价数 observations,异常 anomaly');
    // a year of days at one market, one quote a day, ending with the sample's last day
    expect(rows).toHaveLength(points);
    expect(points).toBeGreaterThan(300);
    for (const row of rows) expect(row).toMatch(/^\d{4}-\d{2}-\d{2},\d+\.\d{2},\d+\.\d{2},\d+\.\d{2},1,[01]$/);
    const newest = rows.map((row) => row.split(',')).sort((a, b) => b[0]!.localeCompare(a[0]!))[0]!;
    expect(newest[0]).toBe(YESTERDAY);
    expect(latest).toBe(`¥${newest[2]} / 千克`);
    expect(Number(newest[2])).toBeGreaterThan(Number(THRESHOLD));
  });

  it('signs up from the alert panel, comes back, and follows 生猪 at 宁乡 below ¥9.00 (and below ¥5.00)', async () => {
    await page.getByTestId('subscribe-login').click();
    await page.waitForURL(/\/login\?redirect=/);
    await page.getByTestId('login-to-signup').click();
    await page.waitForURL(/\/signup\?redirect=/);
    await page.getByTestId('signup-phone').fill(subscriber.phone);
    await page.getByTestId('signup-name').fill(subscriber.name);
    await page.getByTestId('signup-password').fill(subscriber.password);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(`${baseUrl}/prices/live-hog?market=${MARKET_CODE}`);
    await page.getByTestId('subscribe-form').waitFor();
    await page.getByTestId('nav-notifications').waitFor();
    expect(await bellCount(page)).toBe('0');

    for (const threshold of [THRESHOLD, TIGHTER]) {
      await page.getByTestId('subscribe-kind').selectOption('BELOW');
      await page.getByTestId('subscribe-threshold').fill(threshold);
      expect(await page.getByTestId('subscribe-scope-market').isChecked()).toBe(true);
      await page.getByTestId('subscribe-submit').click();
      await page.waitForFunction((t) => document.querySelector('[data-testid="subscribe-done"]')?.textContent?.includes(`均价低于 ¥${t}`), threshold);
      expect(await text(page, 'subscribe-done')).toBe(`已订阅：均价低于 ¥${threshold} / 千克（${MARKET}）`);
    }
    const rules = page.getByTestId('subscribe-alert');
    expect(await rules.getByTestId('subscribe-alert-rule').allTextContents()).toEqual([`均价低于 ¥${TIGHTER} / 千克`, `均价低于 ¥${THRESHOLD} / 千克`]);
    expect(await rules.getByTestId('subscribe-alert-state').evaluateAll((els) => els.map((el) => el.getAttribute('data-beyond')))).toEqual(['false', 'false']);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-alert-journey-subscribed');
  });

  it('the operator imports today’s 生猪 quote at ¥6.00; the subscriber’s open page hears it without a reload', async () => {
    await markPage(page);
    const file = join(files, '生猪报价-宁乡-今日.csv');
    writeFileSync(file, `${[PRICE_HEADER, quote('二元杂', 6)].join('\n')}\n`);
    await logIn(admin, baseUrl, ADMIN, ADMIN_PASSWORD);
    await importPrices(admin, baseUrl, file);

    await waitForBell(page, 1);
    expect(await text(page, 'notification-count')).toBe('1');
    const title = `生猪（${MARKET}） 均价 ¥6.00/千克，低于您设定的 ¥${THRESHOLD}`;
    const toast = page.getByTestId('toast').filter({ hasText: '低于您设定的' });
    await toast.waitFor();
    expect(await toast.getByTestId('toast-title').textContent()).toBe(title);
    expect(await stillTheSamePage(page)).toBe(true);
    expect(page.url()).toBe(`${baseUrl}/prices/live-hog?market=${MARKET_CODE}`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-alert-journey-live');
  });

  it('the notification centre lists the alert with its text, and it leads back to the 生猪 chart', async () => {
    await page.getByTestId('nav-notifications').click();
    await page.waitForURL(`${baseUrl}/notifications`);
    const first = page.getByTestId('notification').first();
    await first.waitFor();
    expect(await first.getAttribute('data-kind')).toBe('price-alert');
    expect(await first.getAttribute('data-unread')).toBe('true');
    expect(await alertTitles(page)).toEqual([`生猪（${MARKET}） 均价 ¥6.00/千克，低于您设定的 ¥${THRESHOLD}`]);
    expect(await first.textContent()).toContain(`${TODAY} 的报价。`);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-alert-journey-notifications');

    await first.getByTestId('notification-open').click();
    await page.waitForURL(`${baseUrl}/prices/live-hog`);
    await waitForBell(page, 0);
    await page.waitForSelector('[data-testid="price-chart"][data-drawn="true"]');
    // the rule now says the latest quotes meet it; the tighter one does not
    const rules = page.getByTestId('subscribe-alert');
    await rules.first().waitFor();
    expect(await rules.getByTestId('subscribe-alert-rule').allTextContents()).toEqual([`均价低于 ¥${TIGHTER} / 千克`, `均价低于 ¥${THRESHOLD} / 千克`]);
    expect(await rules.getByTestId('subscribe-alert-state').evaluateAll((els) => els.map((el) => el.getAttribute('data-beyond')))).toEqual(['false', 'true']);
  });

  it('a second file that keeps 生猪 below ¥9.00 does not alert on that rule again', async () => {
    await page.goto(`${baseUrl}/prices/live-hog?market=${MARKET_CODE}`);
    await page.getByTestId('subscribe-alert').first().waitFor();
    expect(await bellCount(page)).toBe('0');
    await markPage(page);

    // another specification: today's average at 宁乡 becomes (6.00 + 3.00) / 2 = 4.50
    const file = join(files, '生猪报价-宁乡-今日-第二批.csv');
    writeFileSync(file, `${[PRICE_HEADER, quote('土杂猪', 3)].join('\n')}\n`);
    await importPrices(admin, baseUrl, file);

    // the tighter rule's alert: this file's quotes have been checked against every rule
    await waitForBell(page, 1);
    const toast = page.getByTestId('toast').filter({ hasText: `¥${TIGHTER}` });
    await toast.waitFor();
    expect(await toast.getByTestId('toast-title').textContent()).toBe(`生猪（${MARKET}） 均价 ¥4.50/千克，低于您设定的 ¥${TIGHTER}`);
    expect(await stillTheSamePage(page)).toBe(true);

    await page.getByTestId('nav-notifications').click();
    await page.waitForURL(`${baseUrl}/notifications`);
    await page.getByTestId('notification').first().waitFor();
    expect(await alertTitles(page)).toEqual([
      `生猪（${MARKET}） 均价 ¥4.50/千克，低于您设定的 ¥${TIGHTER}`,
      `生猪（${MARKET}） 均价 ¥6.00/千克，低于您设定的 ¥${THRESHOLD}`,
    ]);
    expect(await bellCount(page)).toBe('1');
  });

  it('the operator imports 生猪’s import/export figures; a refused file is listed by line, and the chart’s page shows the figures under 进出口', async () => {
    const [older, newer] = [monthBefore(2), monthBefore(1)];
    await admin.goto(`${baseUrl}/admin/imports`);
    const form = admin.getByTestId('flow-upload');
    await form.waitFor();
    expect(await form.getByTestId('flow-layout').textContent()).toContain('出口数量、出口金额、进口数量、进口金额');

    const bad = join(files, '生猪进出口-有误.csv');
    writeFileSync(bad, ['品名,月份,进出口,数量（吨）,金额（万元）', `生猪,${older},出口,1250,2300.5`, `独角兽,${older},出口,1,1`, `生猪,${newer},转口,5,5`].join('\n') + '\n');
    await form.getByTestId('flow-file').setInputFiles(bad);
    await form.getByTestId('flow-submit').click();
    await form.getByTestId('flow-error-row').first().waitFor();
    expect(await text(admin, 'flow-error')).toBe('进出口数据有误，未导入任何数据：请按各行提示修改后重新上传');
    expect(await form.getByTestId('flow-error-line').allTextContents()).toEqual(['3', '4']);
    expect(await form.getByTestId('flow-error-reasons').allTextContents()).toEqual(['未知的品名', '进出口须为“进口”或“出口”']);

    const good = join(files, '生猪进出口.csv');
    writeFileSync(good, ['品名,月份,出口数量（吨）,出口金额（万元）,进口数量（吨）,进口金额（万元）', `生猪,${older},1250,2300.5,80,150`, `生猪,${newer},1100,2050,,`].join('\n') + '\n');
    await form.getByTestId('flow-file').setInputFiles(good);
    await form.getByTestId('flow-source').fill('长沙海关');
    await form.getByTestId('flow-submit').click();
    await form.getByTestId('flow-done').waitFor();
    expect(await text(admin, 'flow-done')).toBe('已导入：读取 2 行，新增或更新 3 条月度数据');
    expect(await form.getByTestId('flow-error-row').count()).toBe(0);
    // the admin page fits a phone too
    await admin.setViewportSize({ width: WIDTH, height: 740 });
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(WIDTH);
    await screenshot(admin, 'mobile-admin-trade-flows');
    await admin.setViewportSize(DESKTOP_CONTEXT.viewport);

    await page.goto(`${baseUrl}/prices/live-hog`);
    const section = page.getByTestId('trade-flows');
    await section.waitFor();
    expect(await section.locator('h2').textContent()).toBe('进出口');
    expect(await section.getByTestId('trade-flows-source-name').allTextContents()).toEqual(['来源：长沙海关']);
    expect(await section.locator('th').allTextContents()).toEqual(['月份', '出口量', '出口额', '进口量', '进口额']);
    expect(await text(page, 'trade-flows-units')).toBe('数量单位：吨；金额单位：万元');
    const rows = await section.getByTestId('trade-flows-month').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim())));
    expect(rows).toEqual([
      [newer, '1,100', '2,050', '—', '—'],
      [older, '1,250', '2,300.5', '80', '150'],
    ]);
    expect(await section.getByTestId('trade-flows-sample').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-commodity-trade-flows');
  });

  it('the alert settings page lists both rules and refuses webhook addresses alerts cannot be sent to, in Chinese and English', async () => {
    await page.getByTestId('subscribe-manage').click();
    await page.waitForURL(`${baseUrl}/settings/price-alerts`);
    await page.getByTestId('price-alert').first().waitFor();
    expect(await page.getByTestId('price-alert').count()).toBe(2);
    const panel = page.getByTestId('alert-webhook');
    await panel.getByTestId('alert-webhook-none').waitFor();

    const note = panel.getByTestId('alert-webhook-url-note');
    await panel.getByTestId('alert-webhook-url-input').fill('http://127.0.0.1:9/hook');
    await panel.getByTestId('alert-webhook-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="alert-webhook-url-input"]')?.getAttribute('aria-invalid') === 'true');
    expect(await note.textContent()).toBe('请填写以 https:// 开头的完整地址（不含用户名和密码，最多 500 个字符）');

    await panel.getByTestId('alert-webhook-url-input').fill('https://127.0.0.1:9/hook');
    await panel.getByTestId('alert-webhook-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="alert-webhook-url-note"]')?.textContent === '这个地址指向内网或本机，不能使用');
    expect(await panel.getByTestId('alert-webhook-current').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-alert-webhook');

    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="alert-webhook-url-note"]')?.textContent === 'This address points into a private network or this machine and cannot be used');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('locale-toggle').click();
  });

  it('had no script errors', () => {
    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
  });
});
