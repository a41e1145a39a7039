import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, trackPageErrors } from './browser';

export interface SuitePage {
  browser: Browser;
  page: Page;
  errors: string[];
}

/**
 * For a describe block that needs one browser and one page: launches them before its first test
 * (collecting the page's script errors) and closes the browser after its last. Call it in the
 * describe body; the fields are filled in by the time the tests run.
 */
export function suitePage(context: BrowserContextOptions): SuitePage {
  const suite = {} as SuitePage;
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    suite.page = await (await suite.browser.newContext(context)).newPage();
    suite.errors = trackPageErrors(suite.page);
  });
  afterAll(async () => {
    await suite.browser?.close();
  });
  return suite;
}
