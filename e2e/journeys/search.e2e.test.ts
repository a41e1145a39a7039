import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, scrollWidth, trackPageErrors } from '../support/browser';
import { searchSettled } from '../support/search';
import { suitePage } from '../support/suite';

const WIDTH = 360;
const PHONE: BrowserContextOptions = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' };

// Demo listings (apps/api/src/database/demo-data.ts) the searches must find.
const QIANLIANG = '安化黑茶 千两茶 2022 年';
const ORANGE = '麻阳冰糖橙 70-75 毫米 产地直发';
const HUAZHU = '宁乡花猪 生猪 110-130 公斤';
const ANHUA = '430923';
const GEO = 'GEO_INDICATION';

async function graphql<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const titles = (page: Page) => page.getByTestId('search-grid').getByTestId('listing-card-title').allTextContents();

/** The number in 共 N 件. */
async function total(page: Page): Promise<number> {
  const text = (await page.getByTestId('search-total').textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}

/** Types words into the header's box and searches, the way a buyer does on a phone. */
async function searchFromHeader(page: Page, words: string): Promise<void> {
  const box = page.getByTestId('header-search-input');
  await box.tap();
  await box.fill(words);
  await box.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === words);
  await searchSettled(page);
}

/** A buyer on a small phone finds produce by the names people use for it, and narrows the results. */
describe('Journey: searching for produce on a 360 px phone', () => {
  const baseUrl = inject('baseUrl');
  const suite = suitePage(PHONE);

  it('searches 黑茶 from the header of the home page, with suggestions as the words are typed', async () => {
    const { page } = suite;
    // The index and its suggestion words are built in the background as the product starts.
    const ready = async () => {
      const data = await graphql<{ search: { totalCount: number }; searchSuggestions: unknown[] }>(
        baseUrl,
        `query { search(q: "黑茶") { totalCount } searchSuggestions(q: "黑茶") { text } }`,
      );
      return data.search.totalCount > 0 && data.searchSuggestions.length > 0;
    };
    await expect.poll(ready, { timeout: 90_000, interval: 500 }).toBe(true);

    await page.goto(`${baseUrl}/`);
    await page.getByTestId('channel-card-tea').waitFor();
    const box = page.getByTestId('header-search-input');
    expect(await box.isVisible()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    await box.tap();
    await box.pressSequentially('黑茶', { delay: 40 });
    const suggestion = page.getByTestId('search-suggestion').filter({ hasText: '黑茶' }).first();
    await suggestion.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-search-suggestions');

    await box.press('Enter');
    await page.waitForURL(`${baseUrl}/search?q=${encodeURIComponent('黑茶')}`);
    await searchSettled(page);
    expect(await titles(page)).toContain(QIANLIANG);
    const card = page.getByTestId('listing-card').filter({ hasText: QIANLIANG });
    expect(await card.locator('mark').allTextContents()).toContain('黑茶');
    expect(await card.getByTestId('listing-card-price').textContent()).toBe('¥360.00 / 公斤');
    expect(await card.getByTestId('listing-card-cert').allTextContents()).toContain('地理标志');
    expect(await card.getByTestId('badge-poverty').isVisible()).toBe(true);
    expect(await card.textContent()).toContain('安化县云台山黑茶专业合作社');
    expect(await total(page)).toBe((await titles(page)).length);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-search-results');
  });

  it('filters by 安化县 and 地理标志 in the drawer, seeing the counts and then the address change', async () => {
    const { page } = suite;
    const before = await total(page);
    const open = page.getByTestId('filter-open');
    await open.tap();
    const drawer = page.getByTestId('filter-drawer');
    await drawer.waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    const county = drawer.locator('label', { has: page.getByTestId(`filter-county-${ANHUA}`) });
    expect(await county.textContent()).toContain('安化县');
    expect(Number(await county.getByTestId('facet-count').textContent())).toBeGreaterThan(0);
    await drawer.getByTestId(`filter-county-${ANHUA}`).tap();
    await drawer.getByTestId(`filter-cert-${GEO}`).tap();
    // nothing applied yet: the address is the same
    expect(new URL(page.url()).searchParams.getAll('county')).toEqual([]);
    // the counts follow the choices: a 地理标志 count within 安化县, and what 应用 would give
    const certCount = async () => Number(await drawer.locator('label', { has: page.getByTestId(`filter-cert-${GEO}`) }).getByTestId('facet-count').textContent());
    const applyCount = async () => Number(/(\d+)/.exec((await drawer.getByTestId('filter-apply').textContent()) ?? '')?.[1]);
    await expect.poll(applyCount).toBe(await certCount());
    const expected = await applyCount();
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThanOrEqual(before);
    await screenshot(page, 'mobile-search-drawer');

    await drawer.getByTestId('filter-apply').tap();
    await page.waitForURL((url) => url.searchParams.getAll('county').includes(ANHUA) && url.searchParams.getAll('cert').includes(GEO));
    await searchSettled(page);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: '黑茶', county: ANHUA, cert: GEO });
    expect(await drawer.count()).toBe(0);
    expect(await page.getByTestId('filter-count').textContent()).toBe('2');
    await expect.poll(() => total(page)).toBe(expected);
    const shown = await titles(page);
    expect(shown).toContain(QIANLIANG);
    expect(shown).toHaveLength(expected);
    for (const card of await page.getByTestId('listing-card').all()) {
      expect(await card.textContent()).toContain('安化县');
      expect(await card.getByTestId('listing-card-cert').allTextContents()).toContain('地理标志');
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-search-filtered');
  });

  it('opens a result on its listing page, and Back returns to the same results', async () => {
    const { page } = suite;
    const filtered = page.url();
    const before = await titles(page);
    await page.getByTestId('listing-card').filter({ hasText: QIANLIANG }).getByTestId('listing-card-title').tap();
    await page.waitForURL(/\/l\/[0-9a-f-]+$/);
    await page.getByTestId('listing-detail').waitFor();
    expect(await page.getByTestId('listing-title').textContent()).toBe(QIANLIANG);
    expect(await page.getByTestId('listing-certifications').textContent()).toContain('地理标志');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    await page.goBack();
    await page.waitForURL(filtered);
    await searchSettled(page);
    expect(await titles(page)).toEqual(before);
  });

  it.each([
    ['ahhc', QIANLIANG],
    ['冰糖澄', ORANGE],
    ['土猪', HUAZHU],
  ])('finds what “%s” means: %s', async (words, title) => {
    const { page } = suite;
    await searchFromHeader(page, words);
    expect(await titles(page)).toContain(title);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('a shared address with filters shows the same results after a reload and on another phone', async () => {
    const { page, browser } = suite;
    const shared = `${baseUrl}/search?channel=tea&category=dark-tea&prefecture=430900&poverty=1&stock=1&min=100&max=500&sort=price-desc`;
    await page.goto(shared);
    await searchSettled(page);
    const before = await titles(page);
    expect(before).toContain(QIANLIANG);
    const count = await total(page);
    expect(await page.getByTestId('filter-count').textContent()).toBe('6');
    expect(await page.getByTestId('search-sort').inputValue()).toBe('price-desc');

    await page.reload();
    await searchSettled(page);
    expect(await titles(page)).toEqual(before);
    expect(await total(page)).toBe(count);

    const context = await browser.newContext(PHONE);
    const other = await context.newPage();
    const otherErrors = trackPageErrors(other);
    await other.goto(shared);
    await searchSettled(other);
    expect(await titles(other)).toEqual(before);
    await other.getByTestId('filter-open').tap();
    const drawer = other.getByTestId('filter-drawer');
    await drawer.waitFor();
    expect(await drawer.getByTestId('filter-category-dark-tea').getAttribute('aria-pressed')).toBe('true');
    expect(await drawer.getByTestId('filter-poverty').isChecked()).toBe(true);
    expect(await drawer.getByTestId('filter-min').inputValue()).toBe('100');
    expect(otherErrors).toEqual([]);
    await context.close();
  });

  it('searches within a channel from the channel page, by seller name and by pinyin', async () => {
    const { page } = suite;
    for (const words of ['云台山', 'yuntaishan']) {
      await page.goto(`${baseUrl}/c/tea`);
      await page.getByTestId('listing-card').first().waitFor();
      await page.getByTestId('search-input').fill(words);
      await page.getByTestId('search-submit').tap();
      await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('channel') === 'tea' && url.searchParams.get('q') === words);
      await searchSettled(page);
      expect(await titles(page)).toContain(QIANLIANG);
      expect(await page.getByTestId('header-search-input').inputValue()).toBe(words);
    }
  });

  it('fits in English too, and says when nothing matches', async () => {
    const { page } = suite;
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('黑茶')}&county=${ANHUA}`);
    await searchSettled(page);
    await page.getByTestId('locale-toggle').tap();
    await expect.poll(async () => (await page.getByTestId('search-total').textContent())?.trim()).toMatch(/^\d+ results?$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('locale-toggle').tap();

    await searchFromHeader(page, 'zzzzqqqq');
    expect(await page.getByTestId('search-empty').textContent()).toContain('没有找到相关商品');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('had no script errors', () => {
    expect(suite.errors).toEqual([]);
  });
});
