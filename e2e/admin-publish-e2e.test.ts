/**
 * End to end, as an editor lives it: an Arabic language editor logs into the real
 * admin panel in headless Chromium, creates a news item in Arabic through the
 * content manager's forms, saves and publishes it. The CMS's "Site rebuild" webhook
 * reaches the real rebuild service (pull → build → audit → switch `live`), and the
 * item is then on the served site: its page, the Arabic news list, the Arabic news
 * feed, the sitemap and Arabic search. Unpublishing it in the admin takes it out of
 * every one of those places. The Site page and the edit view's "On the site" panel
 * tell the editor what happened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../test-support/browser.ts';
import { freePort } from '../scripts/lib/processes.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import type { ReleasePaths } from '../scripts/lib/release.ts';
import { rollback } from '../scripts/lib/rollback.ts';
import { startRebuildService, type RebuildService } from '../scripts/lib/rebuild-service.ts';
import { buildRelease } from '../scripts/lib/site-release.ts';
import { readSiteStatus } from '../scripts/lib/site-status.ts';
import { serveStatic, type StaticServer } from '../site/lib/serve.ts';
import { cms } from '../cms/test/support/http.ts';
import { createEditorAccount, type EditorAccount } from '../cms/test/support/editors.ts';
import { uniqueSlug } from '../cms/test/support/fixtures.ts';
import { SCREENSHOTS, screenshotOnFailure } from './support/failure-screenshots.ts';

const SITE_URL = 'https://knowledge.example.org';
/** How long the admin UI gets for any one element to show up or settle. */
const UI_TIMEOUT = 30_000;
/** How long one rebuild (pull, Astro build, Pagefind, audit) may take on a busy machine. */
const REBUILD_TIMEOUT = 180_000;

/** A word of Arabic letters found nowhere else on the site, so a search for it has one answer. */
function uniqueArabicWord(): string {
  const letters = 'بتثجحخدذرزسشصضطظعغقمن';
  let word = '';
  for (let i = 0; i < 7; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

describe('an Arabic editor publishes and unpublishes news in the admin panel, and the live site follows', () => {
  let work: string;
  let releases: ReleasePaths;
  let service: RebuildService;
  let site: StaticServer;
  let browser: Browser;
  let admin: BrowserContext;
  let tab: Page;
  /** The text of the edit view's Site panel ('' until it is there). */
  const siteStatusText = () =>
    tab
      .getByTestId('entry-site-status')
      .innerText()
      .catch(() => '');
  let editor: EditorAccount;
  let initialReleases = 0;

  const slug = uniqueSlug('e2e-admin-publish');
  const word = uniqueArabicWord();
  const title = `خبر ${word} عن التعاون الزراعي`;
  const itemPath = `/ar/news/${slug}/`;
  let documentId = '';

  async function rebuild(events: string[] = []): Promise<void> {
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    await buildRelease({ snapshotDir: dir, siteUrl: SITE_URL, releases, trigger: events.length ? `rebuild webhook: ${events.join(', ')}` : 'test setup' });
  }

  /** Waits until the service has finished more than `before` rebuilds and has nothing queued or running. */
  async function rebuildAfter(before: number): Promise<void> {
    const deadline = Date.now() + REBUILD_TIMEOUT;
    while (service.finished <= before) {
      if (Date.now() > deadline) throw new Error(`no rebuild finished within ${REBUILD_TIMEOUT / 1000} s of the admin action`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await service.idle();
    const status = await (
      await fetch(`${service.url.replace(/\/rebuild$/, '')}/status`, { headers: { authorization: `Bearer ${cms().rebuild.secret}` } })
    ).json();
    expect(status.lastFailure, 'the rebuild after the admin action failed').toBeNull();
  }

  const get = async (pathname: string) => {
    const res = await fetch(`${site.url}${pathname}`);
    return { status: res.status, text: await res.text() };
  };

  /** The paths of every URL the sitemap lists (the index and each sitemap it names). */
  async function sitemapPaths(): Promise<string[]> {
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const index = await get('/sitemap-index.xml');
    expect(index.status).toBe(200);
    const paths: string[] = [];
    for (const sitemap of locs(index.text)) {
      const part = await get(sitemap);
      expect(part.status, sitemap).toBe(200);
      paths.push(...locs(part.text));
    }
    return paths;
  }

  /** The result links that Arabic search on the served site lists for `query`, in a browser with an empty cache. */
  async function arabicSearch(query: string): Promise<string[]> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/ar/search/?${new URLSearchParams({ q: query })}`);
      await page.waitForFunction(
        () => {
          const status = document.querySelector('[data-search-status]')?.textContent ?? '';
          const results = document.querySelector('[data-search-results]');
          return status !== '' && results !== null && !results.hasAttribute('aria-busy');
        },
        undefined,
        { timeout: UI_TIMEOUT },
      );
      return await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-search-results] li > a'), (a) => new URL(a.href).pathname),
      );
    } finally {
      await context.close();
    }
  }

  /** Where the item can be found on the live site. */
  async function whereOnSite() {
    const page = await get(itemPath);
    const list = await get('/ar/news/');
    const feed = await get('/ar/feeds/news.rss.xml');
    expect(list.status).toBe(200);
    expect(feed.status).toBe(200);
    return {
      page,
      inList: list.text.includes(`href="${itemPath}"`),
      inFeed: feed.text.includes(`${SITE_URL}${itemPath}`),
      inSitemap: (await sitemapPaths()).includes(itemPath),
      inSearch: (await arabicSearch(word)).includes(itemPath),
    };
  }

  /** The edit view of the item in Arabic, as the editor opens it. */
  const editView = () => `${cms().url}/admin/content-manager/collection-types/api::news-item.news-item/${documentId}?plugins[i18n][locale]=ar`;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-admin-e2e-'));
    releases = { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') };
    // The site is live before the editor does anything.
    await rebuild();
    service = await startRebuildService({
      port: cms().rebuild.port,
      secret: cms().rebuild.secret,
      quietMs: 300,
      rebuild,
      status: async () => ({ ...readSiteStatus(releases) }),
      rollback: async (id) => void rollback(releases, id),
    });
    site = await serveStatic(releases.liveLink, { port: await freePort() });
    editor = await createEditorAccount('Arabic editor');
    browser = await launchChromium();
    admin = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    admin.setDefaultTimeout(UI_TIMEOUT);
    tab = await admin.newPage();
    // Announcements the admin shows on a first visit: closed whenever one stands in the way.
    await tab.addLocatorHandler(tab.getByRole('button', { name: 'Close the banner.' }), async (close) => {
      await close.click();
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await service?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  screenshotOnFailure('admin-e2e', () => tab);

  it('lets the Arabic editor log in and shows the release that is live', async () => {
    expect((await get('/ar/')).status).toBe(200);
    await tab.goto(`${cms().url}/admin/auth/login`);
    await tab.getByRole('textbox', { name: /email/i }).fill(editor.email);
    await tab.getByLabel(/^password/i).fill(editor.password);
    await tab.getByRole('button', { name: /login/i }).click();
    await tab.getByRole('navigation').getByRole('link', { name: 'Site' }).click();
    const rows = tab.getByTestId('site-release');
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    initialReleases = await rows.count();
    expect(initialReleases).toBe(1);
    await expect.poll(() => rows.first().innerText(), { timeout: UI_TIMEOUT }).toContain('(live)');
  });

  it('publishes a news item created in Arabic through the forms, and the item goes live: its page, the news list, the feed, the sitemap and search', async () => {
    expect(initialReleases, 'the editor is logged in').toBeGreaterThan(0);
    await tab.getByRole('navigation').getByRole('link', { name: 'Content Manager' }).click();
    await tab.getByRole('link', { name: 'News', exact: true }).click();
    await tab.getByRole('combobox', { name: 'Select a locale' }).click();
    await tab.getByRole('option', { name: /^Arabic/ }).click();
    await tab.waitForURL(/locale(%5D|\])=ar/);
    await tab
      .getByRole('link', { name: /Create new entry/i })
      .first()
      .click();
    await tab.getByRole('heading', { name: 'Create an entry' }).waitFor();
    await expect.poll(() => tab.getByRole('combobox', { name: 'Locales' }).innerText(), { timeout: UI_TIMEOUT }).toMatch(/Arabic/);

    await tab.getByRole('textbox', { name: 'slug' }).fill(slug);
    await tab.getByRole('textbox', { name: 'title' }).fill(title);
    await tab.getByRole('textbox', { name: 'summary' }).fill(`ملخص الخبر ${word} للقراء.`);
    await tab.getByRole('textbox', { name: 'attribution' }).fill('برنامج الأغذية العالمي، رخصة المشاع الإبداعي');
    expect(await tab.getByRole('combobox', { name: 'license' }).innerText()).toContain('CC-BY-4.0');
    // The date: today, picked in the calendar (named the way the browser names days).
    const today = await tab.evaluate(() => new Date().toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }));
    await tab.getByRole('combobox', { name: 'date' }).click();
    await tab.getByRole('dialog', { name: 'Choose date' }).getByRole('gridcell', { name: today }).click();
    // The body: a Markdown editor (CodeMirror); text is inserted as an input method would.
    await tab.locator('.CodeMirror').click();
    await tab.keyboard.insertText(`نص الخبر ${word} عن التعاون بين بلدان الجنوب في الزراعة.`);
    // The hero image: an image already in the media library, and its alt text.
    await tab.getByRole('button', { name: 'Click to add an asset or drag and drop one in this area' }).click();
    const library = tab.getByRole('dialog', { name: 'Add new assets' });
    await library
      .getByRole('checkbox', { name: /\.(jpe?g|png|webp)$/i })
      .first()
      .check();
    await library.getByRole('button', { name: 'Finish' }).click();
    await library.waitFor({ state: 'hidden' });
    await tab.getByRole('textbox', { name: 'alt' }).fill('مزارعون في حقل أرز');

    await tab.getByRole('button', { name: 'Save', exact: true }).click();
    await tab.getByText('Saved document').first().waitFor();
    await tab.waitForURL(/\/api::news-item\.news-item\/[a-z0-9]+\?/);
    documentId = /\/api::news-item\.news-item\/([a-z0-9]+)\?/.exec(tab.url())![1]!;

    // Saving a draft changes nothing on the site.
    expect((await get(itemPath)).status).toBe(404);

    const before = service.finished;
    await tab.getByRole('button', { name: 'Publish', exact: true }).click();
    await tab.getByText('Published document').first().waitFor();
    await rebuildAfter(before);

    const found = await whereOnSite();
    expect(found.page.status).toBe(200);
    const htmlTag = /<html\b[^>]*>/.exec(found.page.text)![0];
    expect(htmlTag).toMatch(/\blang="ar"/);
    expect(htmlTag).toMatch(/\bdir="rtl"/);
    expect(found.page.text).toContain(title);
    expect(found).toMatchObject({ inList: true, inFeed: true, inSitemap: true, inSearch: true });

    // The edit view, opened again, tells the editor the item is on the site.
    await tab.goto(editView());
    await expect.poll(siteStatusText, { timeout: UI_TIMEOUT }).toContain('Live on the site.');
  }, 420_000);

  it('unpublishes it from the edit view, and the item leaves the site: its page answers 404 and the list, feed, sitemap and search lose it', async () => {
    expect(documentId, 'the item was created').not.toBe('');
    await tab.goto(editView());
    const before = service.finished;
    await tab.getByRole('button', { name: 'More document actions' }).click();
    await tab.getByRole('menuitem', { name: 'Unpublish', exact: true }).click();
    await tab.getByText('Unpublished document').first().waitFor();
    await rebuildAfter(before);

    const found = await whereOnSite();
    expect(found.page.status).toBe(404);
    expect(found).toMatchObject({ inList: false, inFeed: false, inSitemap: false, inSearch: false });
    await expect.poll(siteStatusText, { timeout: UI_TIMEOUT }).toContain('Not published in this language');
  }, 300_000);

  it('shows both new releases on the Site page, the newest one live', async () => {
    await tab.getByRole('navigation').getByRole('link', { name: 'Site' }).click();
    const rows = tab.getByTestId('site-release');
    await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(initialReleases + 2);
    await expect.poll(() => rows.first().innerText(), { timeout: UI_TIMEOUT }).toContain('(live)');
    const texts = await rows.allInnerTexts();
    expect(texts.filter((t) => t.includes('(live)'))).toHaveLength(1);
    const status = readSiteStatus(releases);
    expect(status.live).toBe(status.releases[0]!.id);
    await expect.poll(() => tab.getByTestId('site-state').innerText(), { timeout: UI_TIMEOUT }).toBe('The site is up to date with the last publish.');
    expect(await tab.getByTestId('site-live').innerText()).toMatch(/pages, built in/);
  });
});
