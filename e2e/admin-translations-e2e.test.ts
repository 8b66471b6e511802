/**
 * The Translations page in the real admin panel, in headless Chromium: an English
 * editor sees the right state for each kind of cell on the demo content, edits an
 * English source in the edit view, and the Chinese translation shows as outdated, in
 * the Chinese editor's queue (their default view) too, until the English editor marks
 * the edit "No translation needed" in the edit view's Translations panel.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { contentTypes, strapiUid } from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { adminApi, cms, contentApi, contentManager } from '../cms/test/support/http.ts';
import { createEditorAccount, type EditorAccount } from '../cms/test/support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';
import { logIntoAdmin, openAdminTab, screenshotFailures, SCREENSHOTS, UI_TIMEOUT } from './support/admin-browser.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);

async function documentIdOf(pluralName: string, slug: string): Promise<string> {
  const res = await contentApi(`/${pluralName}?locale=en&filters[slug][$eq]=${slug}&fields[0]=slug`);
  return res.body.data[0].documentId;
}

describe('the Translations page in the admin panel', () => {
  let browser: Browser;
  const tabs: Page[] = [];
  let english: EditorAccount;
  let chinese: EditorAccount;
  let tab: Page;
  let documentId = '';
  const slug = uniqueSlug('e2e-translations');

  async function logIn(account: EditorAccount): Promise<Page> {
    const page = await openAdminTab(browser, { viewport: { width: 1600, height: 1000 } });
    tabs.push(page);
    await logIntoAdmin(page, account);
    await page.getByRole('navigation').getByRole('link', { name: 'Translations' }).waitFor();
    return page;
  }

  /** The state of a cell of the page, as its badge shows it ('' until the row is there). */
  const cellState = (page: Page, document: string, locale: string) =>
    page
      .locator(`[data-testid="translation-row"][data-document="${document}"] [data-testid="translation-cell"][data-locale="${locale}"]`)
      .first()
      .getAttribute('data-state', { timeout: 1_000 })
      .catch(() => '');

  beforeAll(async () => {
    // A news item made in English and translated into Chinese, both published.
    const image = await anyImageId(adminApi);
    const created = await contentManager.create(NEWS, 'en', newsData(slug, 'en', image, { title: `Harvest news ${slug}` }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    documentId = created.body.data.documentId;
    expect((await contentManager.saveLocale(NEWS, documentId, 'zh', newsData(slug, 'zh', image, { title: `收获新闻 ${slug}` }))).status).toBe(200);
    for (const locale of ['en', 'zh']) expect((await contentManager.publish(NEWS, documentId, locale)).status).toBe(200);
    english = await createEditorAccount('English editor');
    chinese = await createEditorAccount('Chinese (Simplified) editor');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const t of tabs)
      await t
        .context()
        .close()
        .catch(() => {});
    await browser?.close();
  });

  screenshotFailures('translations-e2e', () => tab);

  it('shows the right state for each kind of cell of the demo content, each linking to that entry in that locale', async () => {
    tab = await logIn(english);
    await tab.getByRole('navigation').getByRole('link', { name: 'Translations' }).click();
    await tab.getByRole('button', { name: 'Show everything' }).click();
    const expected: [string, string, string, string][] = [
      ['news', 'wfp-cicg-mou-knowledge-partnership', 'fr', 'missing'],
      ['news', 'ecuador-rice-value-chains-rural-women', 'es', 'draft'],
      ['news', 'ssc-platform-launch-2022', 'zh', 'published'],
      ['videos', 'kenya-post-harvest-storage-field-story', 'en', 'modified'],
      ['videos', 'kenya-post-harvest-storage-field-story', 'zh', 'outdated'],
    ];
    for (const [plural, demo, locale, state] of expected) {
      const id = await documentIdOf(plural, demo);
      await expect.poll(() => cellState(tab, id, locale), { timeout: UI_TIMEOUT, message: `${demo} [${locale}]` }).toBe(state);
    }
    const missing = tab.locator(
      `[data-testid="translation-row"][data-document="${await documentIdOf('news', 'wfp-cicg-mou-knowledge-partnership')}"] [data-testid="translation-cell"][data-locale="fr"] a`,
    );
    expect(decodeURIComponent((await missing.getAttribute('href'))!)).toMatch(
      /\/admin\/content-manager\/collection-types\/api::news-item\.news-item\/\w+\?plugins\[i18n\]\[locale\]=fr$/,
    );
    expect((await missing.innerText()).toLowerCase()).toBe('missing');
    await expect.poll(() => tab.locator('[data-testid="translations-count"][data-locale="fr"] [data-state="missing"]').innerText()).not.toBe('0');
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'translations-page.png'), fullPage: true });
  });

  it('shows the Chinese translation as outdated once the English source is edited, in the Chinese queue too, until the edit is marked "no translation needed"', async () => {
    expect(documentId).not.toBe('');
    await tab.goto(`${cms().url}/admin/ssc-translations?type=news`);
    await expect.poll(() => cellState(tab, documentId, 'zh'), { timeout: UI_TIMEOUT }).toBe('published');
    // Open the English version from its cell and edit its title.
    await tab.locator(`[data-testid="translation-row"][data-document="${documentId}"] [data-testid="translation-cell"][data-locale="en"] a`).click();
    await tab.waitForURL(/plugins(%5B|\[)i18n(%5D|\])(%5B|\[)locale(%5D|\])=en/);
    const title = tab.getByRole('textbox', { name: 'title' });
    await title.fill(`Harvest news ${slug}: a new harvest forecast`);
    await tab.getByRole('button', { name: 'Save', exact: true }).click();
    await tab.getByText('Saved document').first().waitFor();
    const panel = tab.getByTestId('entry-translation-status');
    await expect.poll(() => panel.innerText().catch(() => ''), { timeout: UI_TIMEOUT }).toContain('This edit makes zh outdated.');
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'translations-edit-panel.png') });

    await tab.goto(`${cms().url}/admin/ssc-translations?type=news`);
    await expect.poll(() => cellState(tab, documentId, 'zh'), { timeout: UI_TIMEOUT }).toBe('outdated');
    await expect.poll(() => cellState(tab, documentId, 'en'), { timeout: UI_TIMEOUT }).toBe('modified');

    // The Chinese editor's first view is their queue, newest source first: this item leads it.
    const chineseTab = await logIn(chinese);
    await chineseTab.getByRole('navigation').getByRole('link', { name: 'Translations' }).click();
    await chineseTab.getByTestId('translations-queue').waitFor();
    expect(chineseTab.url()).toMatch(/locale=zh/);
    await expect.poll(() => chineseTab.getByTestId('translation-row').first().getAttribute('data-document'), { timeout: UI_TIMEOUT }).toBe(documentId);
    await chineseTab.screenshot({ path: path.join(SCREENSHOTS, 'translations-chinese-queue.png'), fullPage: true });

    // The English editor says the edit needs no translation: Chinese is current again.
    await tab.goto(`${cms().url}/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=en`);
    await tab.getByRole('button', { name: 'No translation needed' }).click();
    await expect.poll(() => panel.innerText().catch(() => ''), { timeout: UI_TIMEOUT }).toContain('Marked: the translations stay current.');
    await tab.goto(`${cms().url}/admin/ssc-translations?type=news`);
    await expect.poll(() => cellState(tab, documentId, 'zh'), { timeout: UI_TIMEOUT }).toBe('published');
  }, 180_000);
});
