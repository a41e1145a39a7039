import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, scrollWidth, trackPageErrors } from '../support/browser';
import { logIn, text } from '../support/console';

const WIDTH = 360;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const DESKTOP_CONTEXT = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' } as const;
const PASSWORD = 'xiangnong2026';
const BUYER = '13900000002';
const TEA_OWNER = '13900000001';
const ADMIN = '13800000000';
const STATION_OPERATOR = '13900000003';

const TEA = '安化黑茶 千两茶 2022 年';
const TEA_BOX = '安化天尖茶 一级 500 克';
const ORANGE = '麻阳冰糖橙 70-75 毫米 产地直发';
const TEA_COOP = '安化县云台山黑茶专业合作社';
const ORANGE_COOP = '麻阳苗族自治县冰糖橙合作社';
const STATION = '江南镇洞市村服务站';
const TEA_TIERS = [
  { minQuantity: 1, unitPriceFen: 36000 },
  { minQuantity: 20, unitPriceFen: 32000 },
];

interface DemoListing {
  id: string;
  title: string;
  stock: number;
  seller: { id: string; name: string };
}

/**
 * A buyer on a 360 px phone orders 20 kg of 千两茶 and 100 斤 of 冰糖橙 from two cooperatives in one
 * checkout, to the village service station in 江南镇. The tea cooperative raises its price while the
 * buyer is looking, so the checkout asks to confirm the new total. The tea is paid by bank transfer
 * (the cooperative confirms it), the oranges cash on delivery. Both ship; the station operator
 * receives the parcels and hands them over against the buyer's pickup codes; the buyer confirms
 * receipt and reviews the tea cooperative. Stock on the listing pages and the sellers' sales figures
 * move by exactly what was ordered. Then the buyer orders once more and cancels before shipment.
 */
describe('Journey 10: a buyer orders from two cooperatives to a village service station, and both orders complete', () => {
  const baseUrl = inject('baseUrl');

  async function api<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }
  const tokenOf = async (phone: string) =>
    (await api<{ logIn: { accessToken: string } }>(`mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`, { input: { phone, password: PASSWORD } })).logIn
      .accessToken;
  async function demoListing(channel: string, title: string): Promise<DemoListing> {
    const data = await api<{ listings: { nodes: DemoListing[] } }>(`query($channel: String) { listings(channel: $channel, first: 100) { nodes { id title stock seller { id name } } } }`, { channel });
    const found = data.listings.nodes.find((l) => l.title === title);
    if (!found) throw new Error(`demo listing ${title} not found`);
    return found;
  }
  const stockOf = async (id: string) => (await api<{ listing: { stock: number } }>(`query($id: ID!) { listing(id: $id) { stock } }`, { id })).listing.stock;
  const salesOf = async (organisationId: string, token: string) =>
    (await api<{ sellerSales: { orders: number; amountFen: number } }>(`query($id: ID!) { sellerSales(organisationId: $id) { orders amountFen } }`, { id: organisationId }, token)).sellerSales;
  const setTeaTiers = (token: string, id: string, priceTiers: typeof TEA_TIERS) =>
    api(`mutation($id: ID!, $input: UpdateListingInput!) { updateListing(id: $id, input: $input) { id } }`, { id, input: { priceTiers } }, token);

  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: Record<string, string[]> = {};
  let buyer: Page;
  let teaSeller: Page;
  let orangeSeller: Page;
  let station: Page;

  let tea: DemoListing;
  let teaBox: DemoListing;
  let orange: DemoListing;
  let teaOwnerToken = '';
  let adminToken = '';
  const before = { teaStock: 0, orangeStock: 0, teaBoxStock: 0, teaSales: { orders: 0, amountFen: 0 }, orangeSales: { orders: 0, amountFen: 0 } };
  let teaOrderPath = '';
  let orangeOrderPath = '';
  let teaOrderNumber = '';
  let orangeOrderNumber = '';
  const pickupCodes: Record<'tea' | 'orange', string> = { tea: '', orange: '' };

  async function open(name: string, options: typeof PHONE_CONTEXT | typeof DESKTOP_CONTEXT): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    const page = await context.newPage();
    errors[name] = trackPageErrors(page);
    return page;
  }

  /** The page shows the order in this status (after a move made here or by someone else). */
  const orderStatus = (page: Page, status: string) =>
    page.waitForFunction((s) => document.querySelector('[data-testid="order-status"]')?.textContent?.trim() === s, status);

  beforeAll(async () => {
    browser = await launchBrowser();
    [tea, teaBox, orange] = await Promise.all([demoListing('tea', TEA), demoListing('tea', TEA_BOX), demoListing('fruit', ORANGE)]);
    [teaOwnerToken, adminToken] = await Promise.all([tokenOf(TEA_OWNER), tokenOf(ADMIN)]);
    before.teaStock = tea.stock;
    before.orangeStock = orange.stock;
    before.teaBoxStock = teaBox.stock;
    before.teaSales = await salesOf(tea.seller.id, teaOwnerToken);
    before.orangeSales = await salesOf(orange.seller.id, adminToken);
    buyer = await open('buyer', PHONE_CONTEXT);
    teaSeller = await open('teaSeller', PHONE_CONTEXT);
    orangeSeller = await open('orangeSeller', DESKTOP_CONTEXT);
    station = await open('station', PHONE_CONTEXT);
  });

  afterAll(async () => {
    // the demo tea goes back to its own prices whatever happened above
    if (teaOwnerToken && tea) await setTeaTiers(teaOwnerToken, tea.id, TEA_TIERS).catch(() => undefined);
    await browser?.close();
  });

  it('the buyer puts 20 kg of 千两茶 in the cart: the stepper starts at the minimum and the 20 kg tier price applies', async () => {
    expect(tea.seller.name).toBe(TEA_COOP);
    expect(orange.seller.name).toBe(ORANGE_COOP);
    await logIn(buyer, baseUrl, BUYER, PASSWORD);
    await buyer.goto(`${baseUrl}/l/${tea.id}`);
    await buyer.getByTestId('add-to-cart').waitFor();
    expect(await text(buyer, 'listing-stock')).toBe(`${before.teaStock} 千克`);
    expect(await buyer.getByTestId('add-to-cart-quantity').inputValue()).toBe('1');
    expect(await buyer.getByTestId('add-to-cart-quantity-minus').isDisabled()).toBe(true);
    expect(await text(buyer, 'add-to-cart-tier')).toContain('¥360.00 / 千克');
    expect(await text(buyer, 'add-to-cart-next-tier')).toBe('满 20 千克 单价 ¥320.00 / 千克');

    await buyer.getByTestId('add-to-cart-quantity').fill('20');
    await buyer.getByTestId('add-to-cart-quantity').press('Enter');
    await buyer.waitForFunction(() => document.querySelector('[data-testid="add-to-cart-tier"]')?.textContent?.includes('¥320.00 / 千克'));
    expect(await text(buyer, 'add-to-cart-amount')).toBe('¥6,400.00');
    expect(await buyer.getByTestId('add-to-cart-next-tier').count()).toBe(0);
    await buyer.getByTestId('add-to-cart-submit').click();
    await buyer.getByTestId('add-to-cart-done').waitFor();
    expect(await buyer.getByTestId('nav-cart').getAttribute('data-count')).toBe('1');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-add-to-cart');
  });

  it('adds 100 斤 of 冰糖橙 from another cooperative, with its price per kilogram', async () => {
    await buyer.goto(`${baseUrl}/l/${orange.id}`);
    await buyer.getByTestId('add-to-cart').waitFor();
    expect(await text(buyer, 'listing-stock')).toBe(`${before.orangeStock.toLocaleString('zh-CN')} 斤`);
    // the minimum order is 100 斤: the stepper starts there and cannot go below
    expect(await buyer.getByTestId('add-to-cart-quantity').inputValue()).toBe('100');
    expect(await buyer.getByTestId('add-to-cart-quantity-minus').isDisabled()).toBe(true);
    await buyer.getByTestId('add-to-cart-quantity').fill('20');
    await buyer.getByTestId('add-to-cart-quantity').press('Enter');
    expect(await buyer.getByTestId('add-to-cart-quantity').inputValue()).toBe('100');
    expect(await text(buyer, 'add-to-cart-tier')).toContain('¥3.80 / 斤');
    expect(await text(buyer, 'add-to-cart-per-kg')).toBe('折合 ¥7.60 / 千克');
    expect(await text(buyer, 'add-to-cart-amount')).toBe('¥380.00');
    await buyer.getByTestId('add-to-cart-submit').click();
    await buyer.getByTestId('add-to-cart-done').waitFor();
    expect(await buyer.getByTestId('nav-cart').getAttribute('data-count')).toBe('2');
  });

  it('the cart groups the two sellers; to the 江南镇 station it shows each seller’s freight before paying', async () => {
    await buyer.getByTestId('nav-cart').click();
    await buyer.waitForURL(`${baseUrl}/cart`);
    const groups = buyer.getByTestId('cart-group');
    await groups.first().waitFor();
    expect(await groups.count()).toBe(2);
    const teaGroup = groups.filter({ hasText: TEA_COOP });
    const orangeGroup = groups.filter({ hasText: ORANGE_COOP });
    expect(await teaGroup.getByTestId('cart-line-title').textContent()).toBe(TEA);
    expect(await orangeGroup.getByTestId('cart-line-per-kg').textContent()).toBe('折合 ¥7.60 / 千克');
    // the recipient starts as the buyer
    expect(await buyer.getByTestId('checkout-recipient-phone').inputValue()).toBe(BUYER);
    expect(await text(buyer, 'checkout-choose-delivery')).toBe('选择收货地区或服务站后计算运费');

    await buyer.getByTestId('checkout-area').selectOption('430923');
    const choice = buyer.getByTestId('checkout-station').filter({ hasText: STATION });
    await choice.waitFor();
    await choice.locator('input').check();
    await buyer.getByTestId('checkout-recipient-name').fill('王采购');
    await orangeGroup.getByTestId('checkout-pay-CASH_ON_DELIVERY').check();
    expect(await teaGroup.getByTestId('checkout-pay-BANK_TRANSFER').isChecked()).toBe(true);
    // no Alipay keys in this run: 支付宝 is not offered
    expect(await teaGroup.getByTestId('checkout-pay-ALIPAY').count()).toBe(0);

    await buyer.waitForFunction(() => document.querySelector('[data-testid="checkout-totals"]')?.getAttribute('aria-busy') === 'false' && document.querySelector('[data-testid="checkout-total"]'));
    // the tea cooperative delivers free within Hunan; the fruit cooperative charges by weight to 益阳: 5 kg ¥12 + 9 × 5 kg ¥6, plus cold chain 50 kg × ¥0.20
    expect(await teaGroup.getByTestId('cart-group-freight').textContent()).toBe('包邮');
    expect(await teaGroup.getByTestId('cart-group-total').textContent()).toBe('¥6,400.00');
    expect(await orangeGroup.getByTestId('cart-group-goods').textContent()).toBe('¥380.00');
    expect(await orangeGroup.getByTestId('cart-group-freight').textContent()).toBe('¥76.00');
    expect(await orangeGroup.getByTestId('cart-group-cold-chain').textContent()).toBe('含冷链 ¥10.00');
    expect(await orangeGroup.getByTestId('cart-group-total').textContent()).toBe('¥456.00');
    expect(await text(buyer, 'checkout-freight')).toBe('¥76.00');
    expect(await text(buyer, 'checkout-total')).toBe('¥6,856.00');
    expect(await text(buyer, 'checkout-place')).toBe('提交订单（2 个卖家，分 2 单）');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-checkout');
  });

  it('the tea price rises while the buyer looks: nothing is placed until the buyer confirms the new total', async () => {
    await setTeaTiers(teaOwnerToken, tea.id, [TEA_TIERS[0]!, { minQuantity: 20, unitPriceFen: 33000 }]);
    await buyer.getByTestId('checkout-place').click();
    await buyer.getByTestId('checkout-price-changed').waitFor();
    expect(await text(buyer, 'checkout-price-changed')).toContain('原应付 ¥6,856.00，现应付 ¥7,056.00');
    await buyer.waitForFunction(() => document.querySelector('[data-testid="checkout-total"]')?.textContent === '¥7,056.00');
    expect(await stockOf(tea.id)).toBe(before.teaStock);
    await screenshot(buyer, 'mobile-checkout-price-changed');

    await buyer.getByTestId('checkout-confirm-new-total').click();
    await buyer.getByTestId('checkout-placed').waitFor();
    const placed = buyer.getByTestId('placed-order');
    expect(await placed.count()).toBe(2);
    const teaOrder = placed.filter({ hasText: TEA_COOP });
    const orangeOrder = placed.filter({ hasText: ORANGE_COOP });
    expect(await teaOrder.getByTestId('placed-order-status').textContent()).toBe('待付款');
    expect(await teaOrder.getByTestId('placed-order-total').textContent()).toBe('¥6,600.00');
    expect(await orangeOrder.getByTestId('placed-order-status').textContent()).toBe('待发货');
    expect(await orangeOrder.getByTestId('placed-order-total').textContent()).toBe('¥456.00');
    teaOrderPath = `/orders/${await teaOrder.getAttribute('data-order-id')}`;
    orangeOrderPath = `/orders/${await orangeOrder.getAttribute('data-order-id')}`;
    // the cart is empty again, and the stock was taken with the orders
    expect(await buyer.getByTestId('nav-cart').getAttribute('data-count')).toBe('0');
    expect(await stockOf(tea.id)).toBe(before.teaStock - 20);
    expect(await stockOf(orange.id)).toBe(before.orangeStock - 100);
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-checkout-placed');
  });

  it('the bank-transfer order shows the account and the reference to write; the buyer may still cancel it', async () => {
    await buyer.goto(`${baseUrl}${teaOrderPath}`);
    await buyer.getByTestId('order-detail').waitFor();
    teaOrderNumber = (await text(buyer, 'order-number')).replace('订单号 ', '');
    expect(teaOrderNumber).toMatch(/^XN\d{14}$/);
    expect(await text(buyer, 'order-status')).toBe('待付款');
    expect(await text(buyer, 'transfer-account-name')).toBe(TEA_COOP);
    expect(await text(buyer, 'transfer-reference')).toBe(teaOrderNumber);
    expect(await text(buyer, 'order-station')).toContain(STATION);
    expect(await buyer.getByTestId('order-action-cancel').isVisible()).toBe(true);
    expect(await buyer.getByTestId('order-action-confirm-receipt').count()).toBe(0);
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-order-bank-transfer');

    await buyer.goto(`${baseUrl}/orders`);
    await buyer.getByTestId('order-card').first().waitFor();
    expect(await buyer.getByTestId('order-card').filter({ hasText: teaOrderNumber }).getByTestId('order-card-status').textContent()).toBe('待付款');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-my-orders');
  });

  it('the tea cooperative confirms the transfer, ships by SF Express and can print a packing list', async () => {
    await logIn(teaSeller, baseUrl, TEA_OWNER, PASSWORD);
    await teaSeller.getByTestId('console-orders').click();
    await teaSeller.waitForURL(/\/console\/orders/);
    const card = teaSeller.getByTestId('order-card').filter({ hasText: teaOrderNumber });
    await card.waitFor();
    expect(await card.getByTestId('order-card-who').textContent()).toBe('王采购');
    expect(await scrollWidth(teaSeller)).toBeLessThanOrEqual(WIDTH);
    await screenshot(teaSeller, 'mobile-seller-orders');
    await card.click();
    await teaSeller.getByTestId('order-detail').waitFor();

    await teaSeller.getByTestId('order-action-confirm-transfer').click();
    await teaSeller.getByTestId('action-reference').fill('ICBC-20261201-001');
    await teaSeller.getByTestId('action-submit').click();
    await orderStatus(teaSeller, '待发货');

    await teaSeller.getByTestId('order-action-ship').click();
    await teaSeller.getByTestId('action-submit').click();
    expect(await text(teaSeller, 'action-problem')).toBe('请选择快递公司，或选择自行配送');
    await teaSeller.getByTestId('action-carrier').selectOption('SF');
    await teaSeller.getByTestId('action-tracking-number').fill('SF1234567890');
    await teaSeller.getByTestId('action-submit').click();
    await orderStatus(teaSeller, '已发货');
    expect(await text(teaSeller, 'order-carrier')).toBe('顺丰速运');
    expect(await text(teaSeller, 'order-tracking-number')).toBe('SF1234567890');
    expect(await scrollWidth(teaSeller)).toBeLessThanOrEqual(WIDTH);
    await screenshot(teaSeller, 'mobile-seller-order-shipped');

    await teaSeller.getByTestId('order-packing-list').click();
    await teaSeller.getByTestId('packing-list').waitFor();
    expect(await text(teaSeller, 'packing-list-number')).toBe(teaOrderNumber);
    expect(await text(teaSeller, 'packing-list-recipient')).toBe(`王采购 ${BUYER}`);
    expect(await text(teaSeller, 'packing-list-address')).toContain(STATION);
    expect(await teaSeller.getByTestId('packing-list-line').textContent()).toContain('20 千克');
    // on paper: no site header or buttons
    await teaSeller.emulateMedia({ media: 'print' });
    expect(await teaSeller.locator('.site-header').isVisible()).toBe(false);
    expect(await teaSeller.getByTestId('packing-list-print').isVisible()).toBe(false);
    await teaSeller.emulateMedia({ media: 'screen' });
  });

  it('the fruit cooperative’s owner picks it in the order list and ships the cash-on-delivery order itself', async () => {
    await logIn(orangeSeller, baseUrl, ADMIN, PASSWORD);
    await orangeSeller.goto(`${baseUrl}/console/orders`);
    await orangeSeller.getByTestId('seller-orders-org').selectOption({ label: ORANGE_COOP });
    await orangeSeller.getByTestId('status-filter-AWAITING_SHIPMENT').click();
    await orangeSeller.waitForURL(/status=awaiting-shipment/);
    const card = orangeSeller.getByTestId('order-card').filter({ hasText: '王采购' }).first();
    await card.waitFor();
    await card.click();
    await orangeSeller.getByTestId('order-detail').waitFor();
    orangeOrderNumber = (await text(orangeSeller, 'order-number')).replace('订单号 ', '');
    expect(new URL(orangeSeller.url()).pathname).toBe(orangeOrderPath);
    expect(await text(orangeSeller, 'order-payment-method')).toBe('货到付款');
    expect(await orangeSeller.getByTestId('order-action-confirm-transfer').count()).toBe(0);

    await orangeSeller.getByTestId('order-action-ship').click();
    await orangeSeller.getByTestId('action-own-delivery').check();
    await orangeSeller.getByTestId('action-submit').click();
    await orderStatus(orangeSeller, '已发货');
    expect(await text(orangeSeller, 'order-carrier')).toBe('卖家自行配送');
  });

  it('the station operator sees both parcels coming, adds a tracking note and registers their arrival', async () => {
    await logIn(station, baseUrl, STATION_OPERATOR, PASSWORD);
    await station.getByTestId('console-parcels').click();
    await station.waitForURL(/\/station/);
    const teaParcel = station.getByTestId('parcel').filter({ hasText: teaOrderNumber });
    const orangeParcel = station.getByTestId('parcel').filter({ hasText: orangeOrderNumber });
    await teaParcel.waitFor();
    await orangeParcel.waitFor();
    expect(await teaParcel.getByTestId('parcel-station').textContent()).toBe(STATION);
    expect(await teaParcel.getByTestId('parcel-status').textContent()).toBe('已发货');

    await teaParcel.getByTestId('order-action-track').click();
    await teaParcel.getByTestId('action-description').fill('已到达安化县中转仓，今日送往洞市村');
    await teaParcel.getByTestId('action-location').fill('安化县');
    await teaParcel.getByTestId('action-submit').click();
    await teaParcel.getByTestId('action-done').waitFor();

    for (const parcel of [teaParcel, orangeParcel]) {
      await parcel.getByTestId('order-action-arrive-at-station').click();
      await parcel.getByTestId('action-submit').click();
      await parcel.getByTestId('parcel-status').filter({ hasText: '已到服务站' }).waitFor();
    }
    expect(await scrollWidth(station)).toBeLessThanOrEqual(WIDTH);
    await screenshot(station, 'mobile-station-parcels');
  });

  it('the buyer sees each order at the station with its pickup code, large, and the tracking so far', async () => {
    for (const [kind, path] of [['tea', teaOrderPath], ['orange', orangeOrderPath]] as const) {
      await buyer.goto(`${baseUrl}${path}`);
      await orderStatus(buyer, '已到服务站');
      const code = await text(buyer, 'order-pickup-code');
      expect(code).toMatch(/^\d{6}$/);
      pickupCodes[kind] = code;
      expect(await buyer.getByTestId('order-pickup').textContent()).toContain(STATION);
      const fontSize = await buyer.getByTestId('order-pickup-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(32);
    }
    await buyer.goto(`${baseUrl}${teaOrderPath}`);
    await buyer.getByTestId('order-tracking').waitFor();
    const events = await buyer.getByTestId('tracking-event-text').allTextContents();
    expect(events[0]).toContain(`已到达${STATION}`);
    expect(events).toContain('已到达安化县中转仓，今日送往洞市村 · 安化县');
    expect(events.at(-1)).toBe('卖家已发货（SF SF1234567890）');
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-order-pickup-code');
  });

  it('the station hands each parcel over only against its own pickup code', async () => {
    await station.reload();
    const teaParcel = station.getByTestId('parcel').filter({ hasText: teaOrderNumber });
    await teaParcel.waitFor();
    await teaParcel.getByTestId('order-action-hand-over').click();
    const wrong = pickupCodes.tea === pickupCodes.orange ? String((Number(pickupCodes.tea) + 1) % 1_000_000).padStart(6, '0') : pickupCodes.orange;
    await teaParcel.getByTestId('action-pickup-code').fill(wrong);
    await teaParcel.getByTestId('action-submit').click();
    await teaParcel.getByTestId('action-error').waitFor();
    expect(await teaParcel.getByTestId('action-error').textContent()).toBe('取件码不正确');
    expect(await teaParcel.getByTestId('parcel-status').textContent()).toBe('已到服务站');

    await teaParcel.getByTestId('action-pickup-code').fill(pickupCodes.tea);
    await teaParcel.getByTestId('action-submit').click();
    await teaParcel.getByTestId('parcel-status').filter({ hasText: '已送达' }).waitFor();

    const orangeParcel = station.getByTestId('parcel').filter({ hasText: orangeOrderNumber });
    await orangeParcel.getByTestId('order-action-hand-over').click();
    await orangeParcel.getByTestId('action-pickup-code').fill(pickupCodes.orange);
    await orangeParcel.getByTestId('action-submit').click();
    await orangeParcel.getByTestId('parcel-status').filter({ hasText: '已送达' }).waitFor();
  });

  it('the buyer confirms receipt of both and reviews the tea cooperative; the cash was recorded at hand-over', async () => {
    await buyer.goto(`${baseUrl}${orangeOrderPath}`);
    await orderStatus(buyer, '已送达');
    expect(await buyer.getByTestId('order-payment').filter({ hasText: '货到付款' }).textContent()).toContain('¥456.00');
    await buyer.getByTestId('order-action-confirm-receipt').click();
    await buyer.getByTestId('action-submit').click();
    await orderStatus(buyer, '已完成');

    await buyer.goto(`${baseUrl}${teaOrderPath}`);
    await orderStatus(buyer, '已送达');
    await buyer.getByTestId('order-action-confirm-receipt').click();
    await buyer.getByTestId('action-submit').click();
    await orderStatus(buyer, '已完成');
    const moves = await buyer.getByTestId('timeline-step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-action')));
    expect(moves).toEqual(['place', 'pay', 'ship', 'arrive-at-station', 'hand-over', 'confirm-receipt']);

    await buyer.getByTestId('order-action-review').click();
    await buyer.getByTestId('action-rating-4').click();
    await buyer.getByTestId('action-comment').fill('茶饼紧实，汤色红亮，服务站取货方便。');
    await buyer.getByTestId('action-submit').click();
    await buyer.getByTestId('order-review').waitFor();
    expect(await text(buyer, 'order-review-comment')).toBe('茶饼紧实，汤色红亮，服务站取货方便。');
    expect(await buyer.getByTestId('order-action-review').count()).toBe(0);
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-order-completed');

    // and in English
    await buyer.getByTestId('locale-toggle').click();
    await orderStatus(buyer, 'Completed');
    expect(await text(buyer, 'order-number')).toBe(`Order ${teaOrderNumber}`);
    expect(await scrollWidth(buyer)).toBeLessThanOrEqual(WIDTH);
    await screenshot(buyer, 'mobile-order-completed-en');
    await buyer.getByTestId('locale-toggle').click();
    await orderStatus(buyer, '已完成');
  });

  it('stock on the listing pages and both sellers’ sales figures moved by exactly what was ordered', async () => {
    await buyer.goto(`${baseUrl}/l/${tea.id}`);
    await buyer.getByTestId('listing-detail').waitFor();
    expect(await text(buyer, 'listing-stock')).toBe(`${before.teaStock - 20} 千克`);
    await buyer.goto(`${baseUrl}/l/${orange.id}`);
    await buyer.getByTestId('listing-detail').waitFor();
    expect(await text(buyer, 'listing-stock')).toBe(`${(before.orangeStock - 100).toLocaleString('zh-CN')} 斤`);

    const teaSales = await salesOf(tea.seller.id, teaOwnerToken);
    expect(teaSales).toEqual({ orders: before.teaSales.orders + 1, amountFen: before.teaSales.amountFen + 660_000 });
    const orangeSales = await salesOf(orange.seller.id, adminToken);
    expect(orangeSales).toEqual({ orders: before.orangeSales.orders + 1, amountFen: before.orangeSales.amountFen + 38_000 });

    // the cooperative reads the same figures in its order list
    await teaSeller.goto(`${baseUrl}/console/orders`);
    await teaSeller.getByTestId('seller-sales').waitFor();
    expect(await teaSeller.getByTestId('seller-sales-orders').getAttribute('data-value')).toBe(String(teaSales.orders));
    expect(await teaSeller.getByTestId('seller-sales-amount').getAttribute('data-value')).toBe(String(teaSales.amountFen));
    expect(await teaSeller.getByTestId('order-card').filter({ hasText: teaOrderNumber }).getByTestId('order-card-status').textContent()).toBe('已完成');
  });

  it('the cooperative’s freight and payment settings show its template and account, and fit a phone', async () => {
    await teaSeller.getByTestId('seller-settings-link').click();
    await teaSeller.getByTestId('shipping-form').waitFor();
    // the tea cooperative has set no template: free delivery within Hunan
    expect(await text(teaSeller, 'shipping-default')).toBe('尚未设置运费模板：目前为湖南省内包邮。');
    expect(await teaSeller.getByTestId('zone-0-regions-chip').getAttribute('data-code')).toBe('430000');
    await teaSeller.getByTestId('bank-form').waitFor();
    expect(await teaSeller.getByTestId('bank-account-name').inputValue()).toBe(TEA_COOP);
    // a zone for 益阳市 added on the form (not saved: the demo seller keeps its terms)
    await teaSeller.getByTestId('shipping-add-zone').click();
    await teaSeller.getByTestId('zone-1-regions-add').selectOption('430900');
    expect(await teaSeller.getByTestId('zone-1-regions-chip').textContent()).toContain('益阳市（全市州）');
    await teaSeller.getByTestId('zone-1-first-yuan').fill('abc');
    await teaSeller.getByTestId('shipping-save').click();
    expect(await text(teaSeller, 'shipping-fix-errors')).toBe('请修改标出的内容');
    expect(await teaSeller.getByTestId('zone-1-first-yuan').getAttribute('aria-invalid')).toBe('true');
    expect(await scrollWidth(teaSeller)).toBeLessThanOrEqual(WIDTH);
    await screenshot(teaSeller, 'mobile-seller-settings');
  });

  it('an order cancelled before shipment gives its stock back', async () => {
    await buyer.goto(`${baseUrl}/l/${teaBox.id}`);
    await buyer.getByTestId('add-to-cart').waitFor();
    await buyer.getByTestId('add-to-cart-submit').click();
    await buyer.getByTestId('nav-cart').click();
    await buyer.getByTestId('checkout-area').selectOption('430923');
    await buyer.getByTestId('checkout-station').filter({ hasText: STATION }).locator('input').check();
    await buyer.waitForFunction(() => document.querySelector('[data-testid="checkout-total"]')?.textContent === '¥168.00');
    await buyer.getByTestId('checkout-place').click();
    await buyer.getByTestId('placed-order-link').click();
    await orderStatus(buyer, '待付款');
    expect(await stockOf(teaBox.id)).toBe(before.teaBoxStock - 1);

    await buyer.getByTestId('order-action-cancel').click();
    await buyer.getByTestId('action-submit').click();
    expect(await text(buyer, 'action-problem')).toBe('请填写 1 到 100 个字的原因');
    await buyer.getByTestId('action-reason').fill('买错了规格');
    await buyer.getByTestId('action-submit').click();
    await orderStatus(buyer, '已取消');
    expect(await text(buyer, 'order-cancel-reason')).toBe('买错了规格');
    expect(await buyer.getByTestId('order-action-cancel').count()).toBe(0);
    expect(await stockOf(teaBox.id)).toBe(before.teaBoxStock);
  });

  it('had no script errors in any of the four browsers', () => {
    expect(errors).toEqual({ buyer: [], teaSeller: [], orangeSeller: [], station: [] });
  });
});
