import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, scrollWidth, trackPageErrors } from '../support/browser';
import { logIn, text } from '../support/console';

const WIDTH = 360;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const PASSWORD = 'xiangnong2026';
const BUYER = '13900000002';
const TEA_OWNER = '13900000001';
const TEA = '安化黑茶 千两茶 2022 年';
const TEA_COOP = '安化县云台山黑茶专业合作社';
const STATION = '江南镇洞市村服务站';

/**
 * A canteen buyer on a phone posts a 求购 for 20 kg of 安化黑茶; the tea cooperative finds it on the
 * 供求 board and quotes ¥300 / kg from its 千两茶 listing (the listing sells 20 kg at ¥320). The buyer
 * compares, accepts and orders at the agreed price: the order's goods are ¥300 × 20. The buyer also
 * follows a commodity's price and stops following it.
 */
describe('Journey: a buyer posts a 求购, a cooperative quotes, the buyer orders at the quoted price', () => {
  const baseUrl = inject('baseUrl');
  const title = `求购安化黑茶 20 千克 ${Date.now() % 100000}`;

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: Record<string, string[]> = {};
  let buyer: Page;
  let seller: Page;
  let requestPath = '';

  async function open(name: string): Promise<Page> {
    const context = await browser.newContext(PHONE_CONTEXT);
    contexts.push(context);
    const page = await context.newPage();
    errors[name] = trackPageErrors(page);
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    buyer = await open('buyer');
    seller = await open('seller');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the buyer posts a 求购 for dark tea from the phone', async () => {
    await logIn(buyer, baseUrl, BUYER, PASSWORD);
    await buyer.goto(`${baseUrl}/buyer`);
    await buyer.getByTestId('buyer-post').click();
    await buyer.getByTestId('request-new').waitFor();
    await buyer.getByTestId('request-new-channel').selectOption('tea');
    await buyer.getByTestId('request-new-category').selectOption({ label: '黑茶' });
    await buyer.getByTestId('request-new-title').fill(title);
    await buyer.getByTestId('request-new-quantity').fill('20');
    await buyer.getByTestId('request-new-unit').selectOption('KG');
    await buyer.getByTestId('request-new-min').fill('280');
    await buyer.getByTestId('request-new-max').fill('320');
    await buyer.getByTestId('request-new-county').selectOption('430102');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-request-new');
    await buyer.getByTestId('request-new-submit').click();
    await buyer.waitForURL((url) => /^\/requests\/[^/]+$/.test(url.pathname) && url.pathname !== '/requests/new');
    requestPath = new URL(buyer.url()).pathname;
    expect(await text(buyer, 'request-title')).toBe(title);
    expect(await buyer.getByTestId('request-card').textContent()).toContain('¥280.00–¥320.00');
    await buyer.getByTestId('request-quotes').waitFor();
    expect(await buyer.getByTestId('request-quote').count()).toBe(0);
  });

  it('the tea cooperative sees it on the board and quotes from its listing', async () => {
    await logIn(seller, baseUrl, TEA_OWNER, PASSWORD);
    await seller.goto(`${baseUrl}/requests?channel=tea`);
    const card = seller.getByTestId('request-card').filter({ hasText: title });
    await card.waitFor();
    expect(await scrollWidth(seller)).toBeLessThanOrEqual(WIDTH);
    await screenshot(seller, 'mobile-requests-board');
    await card.click();
    await seller.getByTestId('request-quote-form').waitFor();
    expect(await seller.getByTestId('request-quotes').count()).toBe(0);
    await seller.getByTestId('quote-organisation').selectOption({ label: TEA_COOP });
    const listing = seller.getByTestId('quote-listing');
    await seller.waitForFunction((t) => Array.from(document.querySelectorAll('[data-testid="quote-listing"] option')).some((o) => o.textContent === t), TEA);
    await listing.selectOption({ label: TEA });
    await seller.getByTestId('quote-price').fill('300');
    await seller.getByTestId('quote-quantity').fill('20');
    await seller.getByTestId('quote-note').fill('一周内发货');
    await seller.getByTestId('quote-submit').click();
    await seller.getByTestId('quote-done').waitFor();
    expect(await text(seller, 'request-own-quote')).toContain('¥300.00');
    expect(await scrollWidth(seller)).toBeLessThanOrEqual(WIDTH);
    await screenshot(seller, 'mobile-request-quoted');
  });

  it('the buyer home lists the request and the quote waiting for a decision', async () => {
    await buyer.goto(`${baseUrl}/buyer`);
    await buyer.getByTestId('buyer-requests').getByTestId('request-card').filter({ hasText: title }).waitFor();
    const waiting = buyer.getByTestId('buyer-quotes').locator('li').filter({ hasText: title });
    expect(await waiting.textContent()).toContain('¥300.00');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-buyer-home');
  });

  it('the buyer sees the quote, accepts it and orders at ¥300 / kg rather than the listing’s ¥320', async () => {
    await buyer.goto(`${baseUrl}${requestPath}`);
    const quote = buyer.getByTestId('request-quote');
    await quote.waitFor();
    expect(await quote.count()).toBe(1);
    expect(await quote.getByTestId('request-quote-price').textContent()).toBe('¥300.00');
    await buyer.waitForFunction((name) => document.querySelector('[data-testid="request-quote"]')?.textContent?.includes(name), TEA_COOP);
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-request-quotes');

    await quote.getByTestId('request-quote-accept').click();
    await buyer.getByTestId('request-checkout').waitFor();
    expect(await quote.getByTestId('request-quote-status').textContent()).toBe('已采纳');
    await buyer.getByTestId('request-checkout').click();
    await buyer.waitForURL(`${baseUrl}/cart`);

    const group = buyer.getByTestId('cart-group').filter({ hasText: TEA_COOP });
    await group.waitFor();
    await buyer.getByTestId('checkout-area').selectOption('430923');
    const choice = buyer.getByTestId('checkout-station').filter({ hasText: STATION });
    await choice.waitFor();
    await choice.locator('input').check();
    await buyer.getByTestId('checkout-recipient-name').fill('李采购');
    await buyer.waitForFunction(() => document.querySelector('[data-testid="checkout-totals"]')?.getAttribute('aria-busy') === 'false' && document.querySelector('[data-testid="checkout-total"]'));
    expect(await group.getByTestId('cart-group-goods').textContent()).toBe('¥6,000.00');
    await buyer.getByTestId('checkout-place').click();
    await buyer.getByTestId('checkout-placed').waitFor();
    const placed = buyer.getByTestId('placed-order').filter({ hasText: TEA_COOP });
    expect(await placed.getByTestId('placed-order-total').textContent()).toBe('¥6,000.00');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-request-ordered');
  });

  it('the buyer follows a commodity’s price, then stops', async () => {
    await buyer.goto(`${baseUrl}/settings/price-alerts`);
    await buyer.getByTestId('price-alert-form').waitFor();
    const before = await buyer.getByTestId('price-alert').count();
    await buyer.getByTestId('price-alert-commodity').selectOption({ index: 1 });
    await buyer.getByTestId('price-alert-kind').selectOption('ABOVE');
    await buyer.getByTestId('price-alert-value').fill('30');
    await buyer.getByTestId('price-alert-submit').click();
    await buyer.waitForFunction((n) => document.querySelectorAll('[data-testid="price-alert"]').length === n, before + 1);
    expect(await buyer.getByTestId('price-alert').last().textContent()).toContain('均价高于 ¥30.00 / 公斤');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-price-alerts');

    await buyer.getByTestId('price-alert').last().getByTestId('price-alert-remove').click();
    await buyer.waitForFunction((n) => document.querySelectorAll('[data-testid="price-alert"]').length === n, before);
    await buyer.reload();
    await buyer.getByTestId('price-alert-form').waitFor();
    expect(await buyer.getByTestId('price-alert').count()).toBe(before);
  });

  it('the listing page compares its price per kg with the market average, when there is one', async () => {
    const tea = (await api<{ listings: { nodes: { id: string; title: string }[] } }>(`{ listings(channel: "tea", first: 100) { nodes { id title } } }`)).listings.nodes.find((l) => l.title === TEA)!;
    const { listingMarketPrice: compared } = await api<{ listingMarketPrice: { differencePercent: number } | null }>(
      `query($id: ID!) { listingMarketPrice(listingId: $id) { differencePercent } }`,
      { id: tea.id },
    );
    await buyer.goto(`${baseUrl}/l/${tea.id}`);
    await buyer.getByTestId('add-to-cart').waitFor();
    if (compared) {
      await buyer.getByTestId('listing-market-compare').waitFor();
      const percent = Math.abs(compared.differencePercent).toFixed(1);
      expect(await text(buyer, 'listing-market-compare')).toMatch(new RegExp(`^比近期市场均价(高|低) ${percent.replace('.', '\\.')}%（.+，\\d+月\\d+日）$|^与近期市场均价持平`));
    } else {
      expect(await buyer.getByTestId('listing-market-compare').count()).toBe(0);
    }
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-listing-market-compare');
  });

  it('no page broke on the way', () => {
    expect(errors).toEqual({ buyer: [], seller: [] });
  });
});
