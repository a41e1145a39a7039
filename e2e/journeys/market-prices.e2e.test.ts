import { chinaToday } from '@xiangnong/domain';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, scrollWidth } from '../support/browser';
import { logIn, text } from '../support/console';
import { suitePage } from '../support/suite';

const WIDTH = 360;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const DESKTOP_CONTEXT = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' } as const;
const ADMIN = '13800000000';
const PASSWORD = 'xiangnong2026';
const MARKET = '长沙马王堆农产品批发市场';
const DAYS = 40;

/** A day `back` days before today in China (the import refuses dates after China's today). */
const TODAY = chinaToday();
const dayBefore = (back: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * 生猪 quotes at 马王堆 for the last 40 days, as a market bulletin writes them (元/公斤). The
 * specification 内三元 keeps them apart from the sample history (外三元) the embedded start loads.
 */
function quoteRows(): string[] {
  return Array.from({ length: DAYS }, (_, i) => {
    const avg = 1480 + ((i * 7) % 9) * 10;
    return ['生猪', '内三元', MARKET, yuan(avg - 40), yuan(avg), yuan(avg + 60), '元/公斤', dayBefore(DAYS - 1 - i)].join(',');
  });
}
const HEADER = '品名,规格,市场,最低价,平均价,最高价,单位,日期';

/** The weeks (starting Monday) the last 30 days fall in: the rows of the 30-day weekly series. */
function weeksOfLast30Days(): number {
  const mondays = new Set<string>();
  for (let back = 0; back < 30; back++) {
    const day = new Date(Date.parse(`${dayBefore(back)}T00:00:00Z`));
    mondays.add(new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10));
  }
  return mondays.size;
}

/** Starts recording each status the import panel shows, in order (the page asks about once a second). */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { importStatuses: string[] }).importStatuses = seen;
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="import-status"]')?.getAttribute('data-status');
      if (status && seen[seen.length - 1] !== status) seen.push(status);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
}
const statusesSeen = (page: Page) => page.evaluate(() => (window as unknown as { importStatuses: string[] }).importStatuses);
const figure = async (page: Page, key: string) => Number(await page.getByTestId(`import-${key}`).getAttribute('data-value'));

async function downloaded(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

/**
 * The platform admin brings in a price file of 生猪 at 长沙马王堆农产品批发市场 for the last 40 days.
 * The first copy has a bad row first (its low above its high): the whole file is refused and that
 * row is shown by its line with the reason. The fixed copy goes through, followed live until it is
 * imported. Then a visitor on a 360 px phone opens 猪网, finds 生猪 in its 行情 section, opens the
 * chart, narrows it to 30 days by week (the address follows) and downloads it as CSV.
 */
describe('Journey 11: an admin imports 生猪 prices; a visitor on a phone reads the chart and downloads it', () => {
  const baseUrl = inject('baseUrl');
  const files = inject('filesDir');
  const admin = suitePage(DESKTOP_CONTEXT);
  const visitor = suitePage(PHONE_CONTEXT);

  it('a file with a bad row is refused whole, the row shown by its line and reason, its problems downloadable', async () => {
    const { page } = admin;
    const bad = join(files, '生猪报价-马王堆.csv');
    writeFileSync(bad, [HEADER, ['生猪', '内三元', MARKET, '16.00', '15.50', '15.00', '元/公斤', dayBefore(2)].join(','), ...quoteRows()].join('\n') + '\n');

    await logIn(page, baseUrl, ADMIN, PASSWORD);
    await page.goto(`${baseUrl}/admin`);
    await page.getByTestId('admin-tab-imports').click();
    await page.waitForURL(`${baseUrl}/admin/imports`);
    await page.getByTestId('import-upload').waitFor();
    await recordStatuses(page);

    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('import-submit').click();
    await page.waitForURL(/\/admin\/imports\?import=[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-testid="import-status"][data-status="FAILED"]');
    await page.getByTestId('import-error-row').first().waitFor();

    expect(await text(page, 'import-status-label')).toBe('未导入');
    expect(await text(page, 'import-message')).toBe('1 行有错误，整个文件未导入');
    expect([await figure(page, 'rowsRead'), await figure(page, 'rowsChecked'), await figure(page, 'rowsWritten'), await figure(page, 'errorCount')]).toEqual([DAYS + 1, DAYS, 0, 1]);
    const rows = page.getByTestId('import-error-row');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getByTestId('import-error-line').textContent()).toBe('2');
    expect(await rows.first().getByTestId('import-error-reasons').textContent()).toBe('最低价高于最高价');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-errors-download').click()]);
    expect(download.suggestedFilename()).toBe('生猪报价-马王堆-错误.csv');
    const problems = (await downloaded(download)).replace(/^\uFEFF/, '').trim().split('\n');
    expect(problems).toEqual(['行号 line,问题 problems,原因,reason', '2,"low-above-high","最低价高于最高价","The low price is above the high price"']);
    await screenshot(page, 'admin-price-import-refused');
  });

  it('the fixed file is followed live until it is imported, and leads the list of imports', async () => {
    const { page } = admin;
    const good = join(files, '生猪报价-马王堆-修正.csv');
    writeFileSync(good, [HEADER, ...quoteRows()].join('\n') + '\n');
    const refusedUrl = page.url();
    await recordStatuses(page);

    await page.getByTestId('import-file').setInputFiles(good);
    await page.getByTestId('import-submit').click();
    await page.waitForURL((url) => url.href !== refusedUrl && /[?&]import=[0-9a-f-]{36}$/.test(url.search));
    await page.waitForSelector('[data-testid="import-status"][data-status="DONE"]');

    // the panel showed the import under way (queued, checking or writing) before it was done
    const seen = await statusesSeen(page);
    const fromThisUpload = seen.slice(seen.lastIndexOf('FAILED') + 1);
    expect(['QUEUED', 'CHECKING', 'WRITING']).toContain(fromThisUpload[0]);
    expect(fromThisUpload[fromThisUpload.length - 1]).toBe('DONE');
    expect(await text(page, 'import-status-label')).toBe('已导入');
    expect([await figure(page, 'rowsRead'), await figure(page, 'rowsChecked'), await figure(page, 'rowsWritten'), await figure(page, 'errorCount')]).toEqual([DAYS, DAYS, DAYS, 0]);
    expect(await page.getByTestId('import-progress').evaluate((bar: HTMLProgressElement) => bar.value === bar.max && bar.max > 0)).toBe(true);
    expect(await page.getByTestId('import-errors-download').count()).toBe(0);

    const newest = page.getByTestId('import-row').first();
    await page.waitForFunction(() => document.querySelector('[data-testid="import-row"]')?.getAttribute('data-status') === 'DONE');
    expect(await newest.textContent()).toContain('生猪报价-马王堆-修正.csv');
    await screenshot(page, 'admin-price-import-done');
    expect(admin.errors).toEqual([]);
  });

  it('on a phone, 猪网 shows 生猪 in its 行情 section with its latest average and change', async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('nav-channel-hog').click();
    await page.waitForURL(`${baseUrl}/c/hog`);
    const hog = page.getByTestId('price-commodity-live-hog');
    await hog.waitFor();
    expect(await hog.getByTestId('price-commodity-link').textContent()).toBe('生猪');
    expect(await hog.getByTestId('price-latest').textContent()).toMatch(/^¥[\d,]+\.\d{2} \/ 千克$/);
    expect(await hog.textContent()).toMatch(/¥[\d,]+\.\d{2} \/ 斤/);
    expect(await hog.getByTestId('price-change').textContent()).toMatch(/^(▲\+|▼−)?\d+\.\d%$/);
    // the header's 行情 entry is there on every page
    expect(await page.getByTestId('nav-prices').isVisible()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-channel-prices');
  });

  it('opens the 生猪 chart: drawn within the phone’s width, with the latest average per kilogram and per 斤', async () => {
    const { page } = visitor;
    await page.getByTestId('price-commodity-live-hog').getByTestId('price-commodity-link').click();
    await page.waitForURL(`${baseUrl}/prices/live-hog`);
    await page.waitForSelector('[data-testid="price-chart"][data-drawn="true"]');
    expect(await text(page, 'commodity-title')).toBe('生猪行情');
    expect(await text(page, 'price-latest-average')).toMatch(/^¥[\d,]+\.\d{2} \/ 千克$/);
    expect(await text(page, 'price-latest-jin')).toMatch(/^¥[\d,]+\.\d{2} \/ 斤$/);
    const chart = await page.getByTestId('price-chart').evaluate((el) => {
      const canvas = el.querySelector('canvas');
      if (!canvas) return null;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
      return { painted, right: el.getBoundingClientRect().right };
    });
    expect(chart).not.toBeNull();
    expect(chart!.painted).toBeGreaterThan(2000);
    expect(chart!.right).toBeLessThanOrEqual(WIDTH);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-commodity-prices');
  });

  it('30 天 and 周 go into the address, and the CSV downloaded has the header and a row for each week', async () => {
    const { page } = visitor;
    await page.getByTestId('price-range-30d').click();
    await page.waitForURL(`${baseUrl}/prices/live-hog?range=30d`);
    await page.waitForSelector('[data-testid="price-series"][data-range="DAYS_30"][data-interval="DAY"][aria-busy="false"]');
    // our quotes reach today, so the last 30 days each have one
    expect(await page.getByTestId('price-series').getAttribute('data-points')).toBe('30');

    await page.getByTestId('price-interval-week').click();
    await page.waitForURL(`${baseUrl}/prices/live-hog?range=30d&interval=week`);
    await page.waitForSelector('[data-testid="price-series"][data-interval="WEEK"][aria-busy="false"]');
    await page.waitForSelector('[data-testid="price-chart"][data-drawn="true"]');
    const weeks = weeksOfLast30Days();
    expect(await page.getByTestId('price-series').getAttribute('data-points')).toBe(String(weeks));
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('price-download').click()]);
    expect(download.suggestedFilename()).toBe('生猪-近30天-按周.csv');
    const csv = await downloaded(download);
    expect(csv.startsWith('\uFEFF日期 period,最低价 low (元/千克),平均价 average (元/千克),最高价 high (元/千克),报价数 observations,异常 anomaly\n')).toBe(true);
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(weeks);
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2},\d+\.\d{2},\d+\.\d{2},\d+\.\d{2},\d+,[01]$/.test(row))).toBe(true);
    // Back returns to the chart by day
    await page.goBack();
    await page.waitForURL(`${baseUrl}/prices/live-hog?range=30d`);
    await page.waitForSelector('[data-testid="price-series"][data-interval="DAY"][aria-busy="false"]');
  });

  it('had no script errors', () => {
    expect(visitor.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
