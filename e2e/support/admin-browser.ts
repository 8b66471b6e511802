/** The real admin panel in headless Chromium, as the browser tests drive it: a tab, logging in, screenshots of failures. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/lib/paths.ts';
import { cms } from '../../cms/test/support/http.ts';

export const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
/** How long the admin UI gets for any one element to show up or settle. */
export const UI_TIMEOUT = 30_000;

/** A new tab in a context of its own (1400×1000, US English unless `options` say otherwise). */
export async function openAdminTab(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', ...options });
  context.setDefaultTimeout(UI_TIMEOUT);
  const tab = await context.newPage();
  // Announcements the admin shows on a first visit: closed whenever one stands in the way.
  await tab.addLocatorHandler(tab.getByRole('button', { name: 'Close the banner.' }), async (close) => {
    await close.click();
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return tab;
}

/** Logs in through the admin's login form. */
export async function logIntoAdmin(tab: Page, account: { email: string; password: string }): Promise<void> {
  await tab.goto(`${cms().url}/admin/auth/login`);
  await tab.getByRole('textbox', { name: /email/i }).fill(account.email);
  await tab.getByLabel(/^password/i).fill(account.password);
  await tab.getByRole('button', { name: /login/i }).click();
}

/** Saves a full-page screenshot, `<prefix>-<test name>.png`, of the tab when a test of this file fails. */
export function screenshotFailures(prefix: string, currentTab: () => Page | undefined): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const tab = currentTab();
      if (!tab || tab.isClosed()) return;
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await tab.screenshot({ path: path.join(SCREENSHOTS, `${prefix}-${name}.png`), fullPage: true }).catch(() => {});
    });
  });
}
