import type { Page } from 'playwright-core';

/**
 * The search page has answered for the address on screen: the results are not waiting for the
 * API, and show cards, say there are none, or say why not.
 */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="search-results"]')?.getAttribute('aria-busy') === 'false' &&
      document.querySelector('[data-testid="listing-card"], [data-testid="search-empty"], [data-testid="search-error"]') !== null,
  );
}
