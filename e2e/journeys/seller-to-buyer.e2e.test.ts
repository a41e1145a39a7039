import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, trackPageErrors } from '../support/browser';
import { runSuffix, uniquePhone, uniqueUscc, writeTestPng } from '../support/fixtures';
import { searchSettled } from '../support/search';

/**
 * A cooperative joins, lists 安化黑茶 on 茶网 and publishes it; the platform admin verifies the
 * cooperative; an anonymous visitor then finds the listing through the channel page.
 */
describe('Journey 1: a cooperative lists tea, the platform verifies it, a visitor finds it', () => {
  const baseUrl = inject('baseUrl');
  const suffix = runSuffix();
  const phone = uniquePhone(suffix);
  const password = `Tea${suffix}pass`;
  const orgName = `安化县茶香${suffix}专业合作社`;
  const uscc = uniqueUscc(suffix);
  const title = `安化黑茶 天尖 ${suffix}`;

  let browser: Browser;
  let seller: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    seller = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page = await seller.newPage();
    errors = trackPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs up a new user from the home page\'s 卖家入驻 link and lands in the console', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('seller-start').click();
    await page.waitForURL(/\/signup\?redirect=/);
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/console');
    await page.getByTestId('signup-phone').fill(phone);
    await page.getByTestId('signup-name').fill('李茶农');
    // The API's own message is shown next to the form.
    await page.getByTestId('signup-password').fill('short');
    await page.getByTestId('signup-submit').click();
    await page.getByTestId('signup-error').waitFor();
    expect(await page.getByTestId('signup-error').textContent()).toContain('密码至少 8 位');
    await page.getByTestId('signup-password').fill(password);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(`${baseUrl}/console`);
    await expect(page.getByTestId('org-form').isVisible()).resolves.toBe(true);
  });

  it('rejects a mistyped 统一社会信用代码 inline, then creates the cooperative', async () => {
    const broken = uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0');
    await page.getByTestId('org-uscc').fill(broken);
    await expect(page.getByTestId('org-uscc-check').textContent()).resolves.toContain('校验位');

    await page.getByTestId('org-name').fill(orgName);
    await page.getByTestId('org-kind').selectOption('COOPERATIVE');
    await page.getByTestId('org-uscc').fill(uscc);
    await expect(page.getByTestId('org-uscc-check').textContent()).resolves.toContain('格式正确');
    await page.getByTestId('org-county').selectOption('430923');
    await page.getByTestId('org-description').fill('安化县黑茶产地合作社，社员 80 户。');
    await page.getByTestId('org-submit').click();

    await page.getByTestId('org-profile').waitFor();
    expect(await page.getByTestId('org-profile-name').textContent()).toBe(orgName);
    expect((await page.getByTestId('org-status').textContent())?.trim()).toBe('待认证');
  });

  it('lists 安化黑茶 on 茶网 with attributes, price tiers, stock and an image, and publishes it', async () => {
    await page.getByTestId('new-listing').click();
    await page.waitForURL(`${baseUrl}/console/listings/new`);
    await page.getByTestId('listing-channel').selectOption('tea');
    await page.getByTestId('listing-category').selectOption({ label: '黑茶' });

    // The form is generated from the channel's attribute schema.
    await page.getByTestId('attr-teaType').selectOption('dark');
    await page.getByTestId('attr-grade').selectOption('standard');
    await page.getByTestId('attr-harvestSeason').selectOption('summer');
    await page.getByTestId('attr-productionYear').fill('2024');

    await page.getByTestId('listing-title-input').fill(title);
    await page.getByTestId('listing-description').fill('安化高山茶园 2024 年夏茶，传统工艺压制。');
    await page.getByTestId('listing-origin').selectOption('430923');
    await page.getByTestId('listing-unit').selectOption('KG');
    await page.getByTestId('tier-0-quantity').fill('1');
    await page.getByTestId('tier-0-price').fill('360');
    await page.getByTestId('tier-add').click();
    await page.getByTestId('tier-1-quantity').fill('20');
    await page.getByTestId('tier-1-price').fill('320.50');
    await page.getByTestId('listing-min-order').fill('1');
    await page.getByTestId('listing-stock').fill('500');
    await page.getByTestId('cert-GEO_INDICATION').check();

    // The limits are stated before choosing, and files the API would refuse never leave the browser.
    expect(await page.getByTestId('image-hint').textContent()).toContain('每张不超过 5 MB');
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/uploads/')) uploads.push(request.url());
    });
    await page.getByTestId('image-input').setInputFiles({ name: 'field-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(6 * 1024 * 1024, 0xff) });
    await page.getByTestId('image-refused').waitFor();
    expect(await page.getByTestId('image-refused').textContent()).toContain('field-photo.jpg：图片不能超过 5 MB');
    await page.getByTestId('image-input').setInputFiles({ name: 'animation.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
    await page.waitForFunction(() => document.querySelector('[data-testid="image-refused"]')?.textContent?.includes('animation.gif'));
    expect(await page.getByTestId('image-refused').textContent()).toContain('只能上传完整的 JPEG、PNG 或 WebP 图片');
    expect(uploads).toEqual([]);
    expect(await page.getByTestId('image-preview').count()).toBe(0);

    await page.getByTestId('image-input').setInputFiles(writeTestPng());
    await page.getByTestId('image-preview').waitFor();
    expect(uploads).toHaveLength(1);
    expect(await page.getByTestId('image-refused').count()).toBe(0);
    await screenshot(page, 'desktop-listing-form');

    await page.getByTestId('listing-publish-submit').click();
    await page.waitForURL(`${baseUrl}/console`);
    const row = page.getByTestId('my-listing').filter({ hasText: title });
    await row.waitFor();
    // Published, but nobody else sees it until the cooperative is verified: the badge says so.
    expect((await row.getByTestId('my-listing-status').textContent())?.trim()).toBe('待审核，审核通过后公开');
  });

  it('the owner\'s view of the listing says it is not public yet', async () => {
    const row = page.getByTestId('my-listing').filter({ hasText: title });
    await row.getByTestId('listing-view').click();
    await page.getByTestId('listing-detail').waitFor();
    expect(await page.getByTestId('listing-pending').textContent()).toContain('待审核，审核通过后公开');
    await page.goBack();
    await page.getByTestId('my-listing').filter({ hasText: title }).waitFor();
  });

  it('edits the listing with the form prefilled, then pauses and re-publishes it', async () => {
    const row = page.getByTestId('my-listing').filter({ hasText: title });
    await row.getByTestId('listing-edit').click();
    await page.waitForURL(/\/console\/listings\/[0-9a-f-]+\/edit$/);
    await page.getByTestId('listing-form').waitFor();
    expect(await page.getByTestId('listing-title-input').inputValue()).toBe(title);
    expect(await page.getByTestId('attr-teaType').inputValue()).toBe('dark');
    expect(await page.getByTestId('attr-productionYear').inputValue()).toBe('2024');
    expect(await page.getByTestId('tier-1-price').inputValue()).toBe('320.50');
    expect(await page.getByTestId('image-preview').count()).toBe(1);
    await page.getByTestId('listing-stock').fill('480');
    await page.getByTestId('listing-save-draft').click();
    await page.waitForURL(`${baseUrl}/console`);

    const edited = page.getByTestId('my-listing').filter({ hasText: title });
    await edited.waitFor();
    expect(await edited.textContent()).toContain('480');
    await edited.getByTestId('listing-pause').click();
    await edited.getByTestId('listing-publish').waitFor();
    expect((await edited.getByTestId('my-listing-status').textContent())?.trim()).toBe('已暂停');
    await edited.getByTestId('listing-publish').click();
    await edited.getByTestId('listing-pause').waitFor();
    expect((await edited.getByTestId('my-listing-status').textContent())?.trim()).toBe('待审核，审核通过后公开');
  });

  it('the platform admin verifies the cooperative', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-phone').fill('13800000000');
    await page.getByTestId('login-password').fill('xiangnong2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${baseUrl}/admin`);

    const card = page.getByTestId('pending-org').filter({ hasText: orgName });
    await card.waitFor();
    expect(await card.textContent()).toContain(uscc);
    expect(await card.textContent()).toContain('安化县');
    await screenshot(page, 'desktop-admin');
    await card.getByTestId('approve').click();
    await card.getByTestId('pending-org-done').waitFor();
    expect((await card.getByTestId('pending-org-done').textContent())?.trim()).toBe('已通过');
  });

  it('a visitor finds the listing from the home page and sees everything a buyer needs', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const visit = await visitor.newPage();
    const visitErrors = trackPageErrors(visit);
    await visit.goto(`${baseUrl}/`);
    const teaCard = visit.getByTestId('channel-card-tea');
    expect(await teaCard.textContent()).toContain('茶网');
    await visit.getByTestId('channel-link-tea').click();
    await visit.waitForURL(`${baseUrl}/c/tea`);
    await visit.getByTestId('listing-card').first().waitFor();

    // Words typed on the channel page search within the channel.
    await visit.getByTestId('search-input').fill(suffix);
    await visit.getByTestId('search-submit').click();
    await visit.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('channel') === 'tea' && url.searchParams.get('q') === suffix);
    // The listing reaches the search index through the job queue shortly after the verification: search again until it is there.
    const card = visit.getByTestId('listing-card').filter({ hasText: title });
    const found = async () => {
      await searchSettled(visit);
      if ((await card.count()) > 0) return true;
      await visit.reload();
      return false;
    };
    await expect.poll(found, { timeout: 30_000, interval: 250 }).toBe(true);
    await card.click();
    await visit.waitForURL(/\/l\/[0-9a-f-]+$/);

    await visit.getByTestId('listing-detail').waitFor();
    expect(await visit.getByTestId('listing-title').textContent()).toBe(title);
    expect(await visit.getByTestId('attribute-teaType').textContent()).toContain('黑茶');
    expect(await visit.getByTestId('attribute-productionYear').textContent()).toContain('2024');
    expect(await visit.getByTestId('attribute-harvestSeason').textContent()).toContain('夏茶');
    expect(await visit.getByTestId('listing-price').textContent()).toContain('¥360.00 / 千克');
    expect(await visit.getByTestId('listing-price-tiers').textContent()).toContain('¥320.50');
    expect(await visit.getByTestId('seller-name').textContent()).toBe(orgName);
    expect(await visit.getByTestId('seller-verified').isVisible()).toBe(true);
    // verified now: nothing says it is waiting, and a visitor is asked to log in for the contact
    expect(await visit.getByTestId('listing-pending').count()).toBe(0);
    expect((await visit.getByTestId('contact-login').textContent())?.trim()).toBe('登录后查看联系方式');
    expect(await visit.getByTestId('listing-origin').textContent()).toContain('安化县');
    expect(await visit.getByTestId('badge-poverty').isVisible()).toBe(true);
    expect(await visit.getByTestId('listing-certifications').textContent()).toContain('地理标志');

    const image = visit.getByTestId('listing-image');
    await image.waitFor();
    const loaded = await image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
    expect(loaded).toBe(true);
    await screenshot(visit, 'desktop-listing-detail');
    expect(visitErrors).toEqual([]);
    await visitor.close();
  });

  it('had no script errors on the seller side', () => {
    expect(errors).toEqual([]);
  });
});
