import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, scrollWidth } from '../support/browser';
import { makeIds, signUp, text } from '../support/console';
import { suitePage } from '../support/suite';

const WIDTH = 360;
const HEIGHT = 740;
const PHONE_CONTEXT = { viewport: { width: WIDTH, height: HEIGHT }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;
const ids = makeIds();

/** The test id of the focused element, and whether it is on screen. */
function focused(p: Page) {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return { testid: el?.dataset.testid ?? null, onScreen: Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight) };
  });
}

/**
 * A new seller on a phone fills in the organisation and listing forms with mistakes: every message
 * names the real problem, sits beside its field, goes away once the field is fixed, and after a
 * failed submit the page shows the first field to fix.
 */
describe('Journey 9: a new seller on a 360 px phone is told exactly what to fix', () => {
  const baseUrl = inject('baseUrl');
  const owner = { phone: ids.phone(51), name: '滕小果', password: ids.password(51) };
  const orgName = `麻阳${ids.suffix}柑橘专业合作社`;
  const title = `麻阳冰糖橙 ${ids.suffix}`;
  const suite = suitePage(PHONE_CONTEXT);

  it('creating an organisation without a county asks for the county, and a bad contact number is caught', async () => {
    const { page } = suite;
    await signUp(page, baseUrl, owner);
    await page.getByTestId('org-form').waitFor();
    await page.getByTestId('org-name').fill(orgName);
    await page.getByTestId('org-uscc').fill(ids.uscc(51));
    await page.getByTestId('org-contact-name').fill('滕小果');
    await page.getByTestId('org-contact-phone').fill('1390000');
    await page.getByTestId('org-submit').click();

    await page.getByTestId('org-county-error').waitFor();
    expect(await text(page, 'org-county-error')).toBe('请选择所在县（区、市）');
    expect(await text(page, 'org-contact-phone-error')).toBe('请输入有效的中国大陆手机号');
    expect(await page.getByText('未知的县').count()).toBe(0);
    // the first field to fix is in view and focused
    expect(await focused(page)).toEqual({ testid: 'org-county', onScreen: true });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-org-form-errors');

    // each message goes as soon as its field is fixed
    await page.getByTestId('org-county').selectOption('431226');
    expect(await page.getByTestId('org-county-error').count()).toBe(0);
    expect(await page.getByTestId('org-contact-phone-error').count()).toBe(1);
    await page.getByTestId('org-contact-phone').fill('13712345678');
    expect(await page.getByTestId('org-contact-phone-error').count()).toBe(0);

    await page.getByTestId('org-submit').click();
    await page.getByTestId('org-profile').waitFor();
    expect(await text(page, 'org-contact-text')).toContain('滕小果');
    expect(await text(page, 'org-contact-text')).toContain('13712345678');
  });

  it('edits the published contact in the profile', async () => {
    const { page } = suite;
    await page.getByTestId('org-edit').click();
    expect(await page.getByTestId('org-edit-contact-name').inputValue()).toBe('滕小果');
    expect(await page.getByTestId('org-edit-contact-phone').inputValue()).toBe('13712345678');
    await page.getByTestId('org-edit-contact-phone').fill('+86 137-1234-5679');
    await page.getByTestId('org-edit-submit').click();
    await page.getByTestId('org-edit-saved').waitFor();
    expect(await text(page, 'org-contact-text')).toContain('13712345679');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
  });

  it('a listing with 糖度 out of range and a minimum order of 0 gets messages that name the rule', async () => {
    const { page } = suite;
    await page.getByTestId('new-listing').click();
    await page.getByTestId('listing-form').waitFor();
    await page.getByTestId('listing-channel').selectOption('fruit');
    await page.getByTestId('listing-category').selectOption({ label: '冰糖橙' });
    await page.getByTestId('attr-variety').fill('冰糖橙');
    await page.getByTestId('attr-brix').fill('50');
    expect(await text(page, 'attr-error-brix')).toBe('糖度须在 0 到 40 °Brix 之间');
    await page.getByTestId('listing-title-input').fill(title);
    await page.getByTestId('listing-unit').selectOption('JIN');
    await page.getByTestId('tier-0-quantity').fill('1');
    await page.getByTestId('tier-0-price').fill('3.80');
    await page.getByTestId('listing-min-order').fill('0');
    await page.getByTestId('listing-stock').fill('5000');
    // the image limits are stated before anything is chosen
    expect(await text(page, 'image-hint')).toBe('支持 JPEG、PNG、WebP 格式，每张不超过 5 MB，最多 9 张');

    await page.getByTestId('listing-save-draft').click();
    await page.getByTestId('listing-min-order-error').waitFor();
    expect(await text(page, 'listing-min-order-error')).toBe('最小起订量须为 1 以上的整数');
    expect(await page.getByText('第一档起订量不能大于最小起订量').count()).toBe(0);
    expect(await page.getByTestId('listing-fix-errors').isVisible()).toBe(true);
    // The button is at the bottom of a long form; the page went back up to the first field to fix.
    expect(await focused(page)).toEqual({ testid: 'attr-brix', onScreen: true });
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, 'mobile-listing-form-errors');
  });

  it('each message goes away as soon as its field is fixed, before submitting again', async () => {
    const { page } = suite;
    await page.getByTestId('attr-brix').fill('14.5');
    expect(await page.getByTestId('attr-error-brix').count()).toBe(0);
    expect(await page.getByTestId('attr-brix').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('listing-min-order-error').count()).toBe(1);

    await page.getByTestId('listing-min-order').fill('1');
    expect(await page.getByTestId('listing-min-order-error').count()).toBe(0);
    expect(await page.getByTestId('listing-fix-errors').count()).toBe(0);

    // stock below the minimum order is refused with the reason (0 would be sold out)
    await page.getByTestId('listing-min-order').fill('100');
    await page.getByTestId('tier-0-quantity').fill('100');
    await page.getByTestId('listing-stock').fill('50');
    await page.getByTestId('listing-save-draft').click();
    await page.getByTestId('listing-stock-error').waitFor();
    expect(await text(page, 'listing-stock-error')).toContain('库存少于最小起订量');
    expect((await focused(page)).testid).toBe('listing-stock');
    await page.getByTestId('listing-stock').fill('5000');
    expect(await page.getByTestId('listing-stock-error').count()).toBe(0);

    await page.getByTestId('listing-save-draft').click();
    await page.waitForURL(`${baseUrl}/console`);
    const row = page.getByTestId('my-listing').filter({ hasText: title });
    await row.waitFor();
    expect(await text(page, 'my-listing-status')).toBe('草稿');
  });

  it('published before verification, the console badge says it is not public yet', async () => {
    const { page } = suite;
    const row = page.getByTestId('my-listing').filter({ hasText: title });
    await row.getByTestId('listing-publish').click();
    await row.getByTestId('listing-pause').waitFor();
    expect((await row.getByTestId('my-listing-status').textContent())?.trim()).toBe('待审核，审核通过后公开');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'mobile-console-pending-listing');

    await page.getByTestId('locale-toggle').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="my-listing-status"]')?.textContent?.trim() === 'Awaiting verification; public once verified');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('locale-toggle').click();
  });

  it('had no script errors', () => {
    expect(suite.errors).toEqual([]);
  });
});
