/**
 * Editing in the entry's own language, in the real admin panel in headless
 * Chromium: an Arabic language editor opens an Arabic news item of the demo content.
 * Its prose fields (title, summary, the Markdown body and its preview, the image's
 * alt text) are right to left while the slug stays left to right; the edit view's
 * heading and the list view name entries by their title in that locale, not their
 * slug. A screenshot of the Arabic edit view is saved for people to look at.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test-support/browser.ts';
import { cms } from '../cms/test/support/http.ts';
import { createEditorAccount } from '../cms/test/support/editors.ts';
import { logIntoAdmin, openAdminTab, screenshotFailures, SCREENSHOTS, UI_TIMEOUT } from './support/admin-browser.ts';
const NEWS_UID = 'api::news-item.news-item';

interface NewsEntry {
  documentId: string;
  slug: string;
  title: string;
}

/** The newest published news item in a locale, read through the CMS's REST API. */
async function newsIn(locale: string): Promise<NewsEntry> {
  const res = await fetch(`${cms().url}/api/news?locale=${locale}&sort=publishedAt:desc&pagination[pageSize]=1&fields[0]=slug&fields[1]=title`, {
    headers: { authorization: `Bearer ${cms().apiToken}` },
  });
  expect(res.status).toBe(200);
  const entry = ((await res.json()) as { data: NewsEntry[] }).data[0];
  if (!entry) throw new Error(`the demo content has no news in "${locale}"`);
  return entry;
}

/** The titles of every published news item in a locale. */
async function publishedTitles(locale: string): Promise<Set<string>> {
  const res = await fetch(`${cms().url}/api/news?locale=${locale}&pagination[pageSize]=100&fields[0]=title`, {
    headers: { authorization: `Bearer ${cms().apiToken}` },
  });
  expect(res.status).toBe(200);
  return new Set(((await res.json()) as { data: { title: string }[] }).data.map((entry) => entry.title));
}

describe('an Arabic editor edits Arabic text right to left in the admin panel', () => {
  let browser: Browser;
  let tab: Page;
  let arabic: NewsEntry;

  const direction = (selector: string) =>
    tab
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).direction);

  beforeAll(async () => {
    arabic = await newsIn('ar');
    const editor = await createEditorAccount('Arabic editor');
    browser = await launchChromium();
    tab = await openAdminTab(browser);
    await logIntoAdmin(tab, editor);
    await tab.getByRole('navigation').getByRole('link', { name: 'Content Manager' }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  screenshotFailures('admin-rtl', () => tab);

  it('shows the Arabic title, summary, image text and Markdown body right to left, and the slug left to right', async () => {
    await tab.goto(`${cms().url}/admin/content-manager/collection-types/${NEWS_UID}/${arabic.documentId}?plugins[i18n][locale]=ar`);
    await tab.locator('input[name="title"]').waitFor();
    await tab.locator('.CodeMirror').first().waitFor();
    for (const selector of [
      'input[name="title"]',
      'textarea[name="summary"]',
      'input[name="heroImage.alt"]',
      '.CodeMirror',
      '.CodeMirror pre.CodeMirror-line',
    ]) {
      await expect.poll(() => direction(selector), { timeout: UI_TIMEOUT, message: selector }).toBe('rtl');
    }
    expect(await direction('input[name="slug"]')).toBe('ltr');
    // The draft's title (another test may have saved an unpublished change to it): Arabic text, not the slug.
    const title = await tab.locator('input[name="title"]').inputValue();
    expect(title).toMatch(/[\u0600-\u06FF]/);
    expect(title).not.toBe(arabic.slug);
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'admin-arabic-edit-view.png'), fullPage: true });

    // The Markdown preview follows the editor.
    await tab.getByRole('button', { name: 'Preview mode' }).first().click();
    const preview = tab.locator('.CodeMirror').first().locator('xpath=../following-sibling::div[1]');
    await preview.waitFor();
    expect(await preview.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  });

  it('names the entry by its title in the edit view heading', async () => {
    const title = await tab.locator('input[name="title"]').inputValue();
    await expect.poll(() => tab.getByRole('heading', { level: 1 }).innerText(), { timeout: UI_TIMEOUT }).toBe(title);
  });

  it('lists entries by their title in the list view, and English fields stay left to right', async () => {
    const english = await newsIn('en');
    await tab.goto(`${cms().url}/admin/content-manager/collection-types/${NEWS_UID}?plugins[i18n][locale]=en`);
    // The first column after the row checkboxes: titles, where Strapi would show slugs.
    await expect.poll(() => tab.locator('thead th').nth(1).innerText(), { timeout: UI_TIMEOUT }).toMatch(/^title/i);
    const firstColumn = tab.locator('tbody tr td:nth-child(2)');
    await expect.poll(() => firstColumn.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    const titles = await publishedTitles('en');
    const shown = await firstColumn.allInnerTexts();
    expect(shown.filter((text) => titles.has(text.trim())).length, shown.join(' | ')).toBeGreaterThan(0);

    await tab.goto(`${cms().url}/admin/content-manager/collection-types/${NEWS_UID}/${english.documentId}?plugins[i18n][locale]=en`);
    // The draft's title, which another test may have changed since it was published: English text, not the slug.
    await expect.poll(() => tab.locator('input[name="title"]').inputValue(), { timeout: UI_TIMEOUT }).not.toBe('');
    const title = await tab.locator('input[name="title"]').inputValue();
    expect(title).not.toBe(english.slug);
    expect(title).not.toMatch(/[\u0600-\u06FF]/);
    await expect.poll(() => tab.locator('.CodeMirror').first().getAttribute('dir'), { timeout: UI_TIMEOUT }).toBe('ltr');
    expect(await direction('input[name="title"]')).toBe('ltr');
    expect(await direction('.CodeMirror')).toBe('ltr');
  });
});
