import type { Page } from 'playwright-core';
import { runSuffix, uniquePhone, uniqueUscc } from './fixtures';

/** Test people and organisations for one journey file: numbered so every journey gets its own. */
export function makeIds() {
  const base = Number(runSuffix());
  const nth = (n: number) => String(base + n).padStart(8, '0').slice(-8);
  return {
    suffix: nth(0),
    phone: (n: number) => uniquePhone(nth(n)),
    uscc: (n: number) => uniqueUscc(nth(n)),
    password: (n: number) => `Pass${nth(n)}x`,
  };
}

/**
 * Signs up the way a seller does, from the home page's 卖家入驻 link (/signup?redirect=/console), and
 * waits for the console, which offers to create an organisation. (A plain /signup goes back to where
 * the visitor came from, or home.)
 */
export async function signUp(page: Page, baseUrl: string, user: { phone: string; name: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/signup?redirect=%2Fconsole`);
  await page.getByTestId('signup-phone').fill(user.phone);
  await page.getByTestId('signup-name').fill(user.name);
  await page.getByTestId('signup-password').fill(user.password);
  await page.getByTestId('signup-submit').click();
  await page.waitForURL(`${baseUrl}/console`);
}

export async function logIn(page: Page, baseUrl: string, phone: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-phone').fill(phone);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Fills the console's 创建组织 form (it must be on screen) and waits for the new profile. */
export async function createOrganisation(
  page: Page,
  org: { name: string; uscc: string; countyCode?: string; description?: string; kind?: string },
): Promise<void> {
  await page.getByTestId('org-form').waitFor();
  await page.getByTestId('org-name').fill(org.name);
  await page.getByTestId('org-kind').selectOption(org.kind ?? 'COOPERATIVE');
  await page.getByTestId('org-uscc').fill(org.uscc);
  await page.getByTestId('org-county').selectOption(org.countyCode ?? '430923');
  if (org.description) await page.getByTestId('org-description').fill(org.description);
  await page.getByTestId('org-submit').click();
  await page.getByTestId('org-profile').waitFor();
  await page.waitForFunction((name) => document.querySelector('[data-testid="org-profile-name"]')?.textContent === name, org.name);
}

/** Trimmed text of the first element with this test id. */
export async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}
