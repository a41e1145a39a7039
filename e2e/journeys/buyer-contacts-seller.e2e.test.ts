import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, scrollWidth } from '../support/browser';
import { suitePage } from '../support/suite';

const WIDTH = 360;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const BUYER = { phone: '13900000002', password: 'xiangnong2026' };
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const path = (p: Page) => {
  const url = new URL(p.url());
  return decodeURIComponent(url.pathname + url.search);
};

async function logInOnForm(p: Page): Promise<void> {
  await p.getByTestId('login-phone').fill(BUYER.phone);
  await p.getByTestId('login-password').fill(BUYER.password);
  await p.getByTestId('login-submit').click();
  await p.waitForURL((url) => url.pathname !== '/login');
}

/**
 * A buyer on a small phone goes from a category on the home page to the demo 麻阳冰糖橙, moves
 * between filters and back, logs in to see how to reach the seller, and looks at the seller's page.
 */
describe('Journey 7: a buyer finds 冰糖橙 from the home page and contacts the seller on a 360 px phone', () => {
  const baseUrl = inject('baseUrl');
  const suite = suitePage(PHONE_CONTEXT);
  let listingPath = '';
  let sellerPath = '';

  const settle = async (p: Page) => {
    await p.waitForFunction(() => document.querySelector('[data-testid="listing-card"], [data-testid="empty"]') !== null);
    await p.waitForLoadState('networkidle');
  };

  it('the 冰糖橙 chip on the home page opens 果网 filtered to 冰糖橙 and finds the demo 麻阳冰糖橙', async () => {
    const { page } = suite;
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('home-category-fruit-bingtang-orange').click();
    await page.waitForURL(`${baseUrl}/c/fruit?category=bingtang-orange`);
    await settle(page);
    expect(await page.getByTestId('category-bingtang-orange').getAttribute('aria-pressed')).toBe('true');
    const titles = await page.getByTestId('listing-card-title').allTextContents();
    expect(titles.some((title) => title.includes('麻阳冰糖橙'))).toBe(true);
    // only 冰糖橙: the kiwifruit of the same seller is not in this list
    expect(titles.some((title) => title.includes('猕猴桃'))).toBe(false);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-home-chip-bingtang');
  });

  it('every filter change is a step back in history, and Back restores the filters before it', async () => {
    const { page } = suite;
    await page.getByTestId('poverty-only').check();
    await page.waitForURL(/poverty=1/);
    await settle(page);
    await page.getByTestId('category-ponkan').click();
    await page.waitForURL(/category=ponkan/);
    await settle(page);
    expect(path(page)).toBe('/c/fruit?category=ponkan&poverty=1');

    await page.goBack();
    await page.waitForURL(/category=bingtang-orange/);
    await settle(page);
    expect(path(page)).toBe('/c/fruit?category=bingtang-orange&poverty=1');
    expect(await page.getByTestId('category-bingtang-orange').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('poverty-only').isChecked()).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('poverty'));
    await settle(page);
    expect(path(page)).toBe('/c/fruit?category=bingtang-orange');
    expect(await page.getByTestId('poverty-only').isChecked()).toBe(false);

    await page.goBack();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('channel-card-fruit').waitFor();
  });

  it('a visitor is shown how to reach the seller: log in to see the contact', async () => {
    const { page } = suite;
    await page.goForward();
    await page.waitForURL(/category=bingtang-orange/);
    const card = page.getByTestId('listing-card').filter({ hasText: '麻阳冰糖橙' });
    await card.getByTestId('listing-card-title').click();
    await page.waitForURL(/\/l\/[0-9a-f-]+$/);
    await page.getByTestId('listing-detail').waitFor();
    listingPath = new URL(page.url()).pathname;

    expect((await page.getByTestId('contact-login').textContent())?.trim()).toBe('登录后查看联系方式');
    expect(await page.getByTestId('contact-details').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-listing-contact-visitor');

    await page.getByTestId('contact-login').click();
    await page.waitForURL(/\/login\?/);
    expect(new URL(page.url()).searchParams.get('redirect')).toBe(listingPath);
  });

  it('after logging in the buyer is back on the listing and sees the seller’s name and number to call', async () => {
    const { page } = suite;
    await logInOnForm(page);
    expect(new URL(page.url()).pathname).toBe(listingPath);
    await page.getByTestId('contact-reveal').click();
    await page.getByTestId('contact-details').waitFor();
    expect((await page.getByTestId('contact-name').textContent())?.trim()).toBe('滕果农');
    expect(await page.getByTestId('contact-phone').getAttribute('href')).toBe('tel:13900000012');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-listing-contact-buyer');
  });

  it('the seller name opens the seller’s public page: profile, certifications, verified mark and listings', async () => {
    const { page } = suite;
    await page.getByTestId('seller-name').click();
    await page.waitForURL(/\/s\/[0-9a-f-]+$/);
    await page.getByTestId('seller-profile').waitFor();
    sellerPath = new URL(page.url()).pathname;
    expect((await page.getByTestId('seller-page-name').textContent())?.trim()).toBe('麻阳苗族自治县冰糖橙合作社');
    expect((await page.getByTestId('seller-page-kind').textContent())?.trim()).toBe('农民专业合作社');
    expect(await page.getByTestId('seller-page-county').textContent()).toContain('怀化市 麻阳苗族自治县');
    expect((await page.getByTestId('seller-page-poverty').textContent())?.trim()).toBe('扶贫县');
    expect((await page.getByTestId('seller-page-verified').textContent())?.trim()).toBe('认证商家');
    const certifications = await page.getByTestId('seller-page-certifications').textContent();
    expect(certifications).toContain('地理标志');
    expect(certifications).toContain('绿色食品');
    await page.getByTestId('seller-page-listings').getByTestId('listing-card').first().waitFor();
    const titles = await page.getByTestId('seller-page-listings').getByTestId('listing-card-title').allTextContents();
    expect(titles).toHaveLength(2);
    expect(titles.some((title) => title.includes('麻阳冰糖橙'))).toBe(true);
    expect(titles.some((title) => title.includes('猕猴桃'))).toBe(true);
    // everything fits on one page: no 加载更多
    expect(await page.getByTestId('seller-page-more').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-seller-page');
  });

  it('the seller page and the not-found pages fit in English too', async () => {
    const { page } = suite;
    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="seller-page-verified"]')?.textContent?.trim() === 'Verified seller');
    expect((await page.getByTestId('seller-page-poverty').textContent())?.trim()).toBe('Poverty-relief county');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-seller-page-en');

    await page.goto(`${baseUrl}/l/${UNKNOWN_ID}`);
    await page.getByTestId('listing-not-found').waitFor();
    expect((await page.getByTestId('listing-not-found').locator('h1').textContent())?.trim()).toBe('This listing does not exist or is no longer on sale');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="listing-not-found"] h1')?.textContent?.trim() === '商品不存在或已下架');
  });

  it('an unknown listing or seller shows "not found" with a way home, not 加载失败 with 重试', async () => {
    const { page } = suite;
    for (const id of [UNKNOWN_ID, 'not-an-id']) {
      await page.goto(`${baseUrl}/l/${id}`);
      await page.getByTestId('listing-not-found').waitFor();
      expect((await page.getByTestId('listing-not-found').locator('h1').textContent())?.trim()).toBe('商品不存在或已下架');
      expect(await page.getByTestId('load-error').count()).toBe(0);
      expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
    }
    await screenshot(page, 'mobile-listing-not-found');
    await page.goto(`${baseUrl}/s/${UNKNOWN_ID}`);
    await page.getByTestId('seller-not-found').waitFor();
    expect((await page.getByTestId('seller-not-found').locator('h1').textContent())?.trim()).toBe('卖家不存在');
    expect(await page.getByTestId('load-error').count()).toBe(0);
    await page.getByTestId('not-found-home').click();
    await page.waitForURL(`${baseUrl}/`);
  });

  it('logging in from nowhere takes a buyer to the buyer home, not to a 创建组织 form', async () => {
    const { page } = suite;
    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
    await page.goto(`${baseUrl}/login`);
    await logInOnForm(page);
    await page.waitForURL(`${baseUrl}/buyer`);
    expect(await page.getByTestId('org-form').count()).toBe(0);
  });

  it('the header’s 登录 link brings the buyer back to the page they were on', async () => {
    const { page } = suite;
    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
    await page.goto(`${baseUrl}${sellerPath}`);
    await page.getByTestId('seller-profile').waitFor();
    await page.getByTestId('nav-login').click();
    await page.waitForURL(/\/login\?redirect=/);
    await logInOnForm(page);
    expect(new URL(page.url()).pathname).toBe(sellerPath);
    await page.getByTestId('seller-profile').waitFor();
  });

  it('had no script errors', () => {
    expect(suite.errors).toEqual([]);
  });
});

/** The channel bar at 360 px: every channel in sight in both languages, nothing wider than the page. */
describe('Journey 8: every channel is reachable in the header at 360 px, in English and Chinese', () => {
  const baseUrl = inject('baseUrl');
  const suite = suitePage({ ...PHONE_CONTEXT, locale: 'en-GB' });

  /** For each channel link: fully inside the bar and the viewport, its label not cut, or else the bar visibly scrolls to it. */
  async function channelBar(p: Page) {
    return p.evaluate(() => {
      const nav = document.querySelector('.channel-nav') as HTMLElement;
      const navBox = nav.getBoundingClientRect();
      const style = getComputedStyle(nav);
      const scrolls = nav.scrollWidth > nav.clientWidth + 1;
      return {
        scrolls,
        // a bar that scrolls must show it can (a scroll bar, or a mask fading the edge)
        showsScrolling: scrolls && (style.scrollbarWidth !== 'none' || (style.maskImage ?? '') !== 'none'),
        links: Array.from(nav.querySelectorAll<HTMLElement>('a[data-testid^="nav-channel-"]')).map((a) => {
          const box = a.getBoundingClientRect();
          return {
            id: a.dataset.testid,
            text: a.textContent?.trim(),
            inside: box.left >= navBox.left - 0.5 && box.right <= navBox.right + 0.5 && box.left >= 0 && box.right <= window.innerWidth + 0.5,
            labelWhole: a.scrollWidth <= a.clientWidth + 1,
          };
        }),
      };
    });
  }

  for (const language of ['en', 'zh-CN'] as const) {
    it(`${language}: each channel link is whole and in sight (or visibly scrollable to), and the page is no wider than the phone`, async () => {
      const { page } = suite;
      await page.goto(`${baseUrl}/`);
      await page.evaluate((locale) => localStorage.setItem('xiangnong.locale', locale), language);
      await page.reload();
      await page.locator('[data-testid^="nav-channel-"]').first().waitFor();
      const bar = await channelBar(page);
      expect(bar.links.map((l) => l.id).sort()).toEqual(['nav-channel-fruit', 'nav-channel-hog', 'nav-channel-oil', 'nav-channel-rice', 'nav-channel-tea']);
      if (language === 'en') expect(bar.links.map((l) => l.text)).toContain('Camellia & edible oil');
      for (const link of bar.links) {
        expect(link.labelWhole, `${link.text} is cut`).toBe(true);
        if (!bar.scrolls) expect(link.inside, `${link.text} is outside the bar`).toBe(true);
      }
      if (bar.scrolls) expect(bar.showsScrolling).toBe(true);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
      await screenshot(page, `mobile-header-${language}`);
    });
  }

  it('had no script errors', () => {
    expect(suite.errors).toEqual([]);
  });
});
