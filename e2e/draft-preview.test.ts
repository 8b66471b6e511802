/**
 * Draft preview with the site's own pages, against the real CMS: the edit view's
 * preview URL (Strapi's Preview, our handler) renders an Arabic draft with the
 * site's components and CSS, right to left, with the "preview, not published"
 * banner, `noindex` and `no-store`; it is refused without a valid token, and a
 * language editor without that locale gets no URL. Previewing leaves no trace in a
 * snapshot, a release, its feeds and search index, or the partner API. Last, an
 * Arabic editor opens the preview from the edit view in headless Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { contentTypes, strapiUid } from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { startPreviewService, type PreviewService } from '../scripts/lib/preview-service.ts';
import { buildRelease } from '../scripts/lib/site-release.ts';
import { adminApi, adminLogin, cms, contentManager } from '../cms/test/support/http.ts';
import { createEditor, createEditorAccount, type EditorAccount } from '../cms/test/support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';
import { allItems, partnerGet } from '../cms/test/support/partner-api.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const SITE_URL = 'https://knowledge.example.org';
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const UI_TIMEOUT = 30_000;
const arabicBanner = JSON.parse(fs.readFileSync(path.join(repoRoot, 'site', 'src', 'i18n', 'ar.json'), 'utf8'))['preview.banner'] as string;

/** A word of Arabic letters found nowhere else, so its absence anywhere means the draft is not there. */
function uniqueArabicWord(): string {
  const letters = 'بتثجحخدذرزسشصضطظعغقمن';
  let word = '';
  for (let i = 0; i < 8; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

/** The preview URL the admin gets for the entry (undefined: no "Open preview" for this user). */
async function previewUrlFor(jwt: string, documentId: string, locale: string): Promise<string | undefined> {
  const res = await adminApi('GET', `/content-manager/preview/url/${NEWS}?documentId=${documentId}&locale=${locale}&status=draft`, undefined, jwt);
  expect([200, 204]).toContain(res.status);
  return res.body?.data?.url;
}

/** Every file under `dir`, as text (gzip-compressed files unpacked, as Pagefind writes its index). */
function* filesAsText(dir: string): Generator<[string, string]> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    let bytes = fs.readFileSync(file);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
    yield [file, bytes.toString('utf8')];
  }
}

describe('draft preview with the site’s own pages', () => {
  let work: string;
  let preview: PreviewService;
  let arabicEditor: EditorAccount;
  let arabicJwt: string;
  let frenchJwt: string;
  let documentId: string;
  let url: string;
  const word = uniqueArabicWord();
  const slug = uniqueSlug('e2e-preview');
  const title = `مسودة ${word} عن سلاسل القيمة`;
  const editedWord = uniqueArabicWord();
  const editedTitle = `عنوان معدل ${editedWord}`;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-preview-e2e-'));
    // The live snapshot every preview starts from.
    await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    preview = await startPreviewService({
      port: cms().preview.port,
      cmsUrl: cms().url,
      secret: cms().preview.secret,
      siteUrl: SITE_URL,
      snapshotsDir: path.join(work, 'snapshots'),
      workDir: path.join(work, 'preview'),
      adminOrigins: [cms().url],
    });
    arabicEditor = await createEditorAccount('Arabic editor');
    arabicJwt = await adminLogin(arabicEditor.email, arabicEditor.password);
    frenchJwt = await createEditor('French editor');
    const created = await contentManager.create(
      NEWS,
      'ar',
      newsData(slug, 'ar', await anyImageId(adminApi), { title, summary: `ملخص ${word}`, body: `نص المسودة ${word} لم يُنشر بعد.` }),
      arabicJwt,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    documentId = created.body.data.documentId;
    expect(created.body.data.publishedAt).toBeNull();
  }, 300_000);

  afterAll(async () => {
    await preview?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('gives the Arabic editor a preview URL that renders the Arabic draft right to left with the banner, noindex and no-store', async () => {
    url = (await previewUrlFor(arabicJwt, documentId, 'ar'))!;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${cms().preview.port}/preview/news/${documentId}/ar/[^/]+/$`));
    const res = await fetch(url);
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors ${cms().url}`);
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(title);
    expect(html).toContain(`نص المسودة ${word}`);
    expect(html).toContain(arabicBanner);
    // The site's own stylesheet, served with the preview; other pages link to the live site.
    const stylesheet = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1];
    expect(stylesheet).toMatch(/^\/preview\/news\/.+\/_astro\/.+\.css$/);
    const css = await fetch(new URL(stylesheet!, url));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(await css.text()).toContain('.preview-banner');
    expect(html).toContain(`href="${SITE_URL}/ar/news/"`);
  }, 120_000);

  it('shows the unpublished change of a published Arabic entry in place of its published version', async () => {
    const published = await fetch(`${cms().url}/api/news?locale=ar&pagination[pageSize]=20&sort[0]=documentId:asc`, {
      headers: { authorization: `Bearer ${cms().apiToken}` },
    }).then((r) => r.json());
    const entry = (published.data as { documentId: string; title: string; slug: string; localizations: { locale: string }[] }[]).find((e) =>
      e.localizations?.some((l) => l.locale === 'en'),
    )!;
    const saved = await contentManager.saveLocale(NEWS, entry.documentId, 'ar', { title: editedTitle }, arabicJwt);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const html = await (await fetch((await previewUrlFor(arabicJwt, entry.documentId, 'ar'))!)).text();
    expect(html).toContain(`<h1>${editedTitle}</h1>`);
    expect(html).not.toContain(`<h1>${entry.title}</h1>`);
    // Its published translations stay reachable from the language switcher, on the live site.
    expect(html).toMatch(new RegExp(`href="${SITE_URL}/en/news/${entry.slug}/"`));
  }, 120_000);

  it('refuses a tampered, re-targeted or missing token, and the draft route without the service’s secret', async () => {
    const { pathname, origin } = new URL(url);
    const token = pathname.split('/')[5];
    const tampered = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
    for (const bad of [
      `/preview/news/${documentId}/ar/${tampered}/`,
      `/preview/news/${documentId}/fr/${token}/`,
      `/preview/video/${documentId}/ar/${token}/`,
      `/preview/news/${documentId}/ar/not.valid/`,
    ]) {
      const res = await fetch(`${origin}${bad}`);
      const text = await res.text();
      expect(res.status, bad).toBe(403);
      expect(text).not.toContain(word);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
    expect((await fetch(`${origin}/preview/news/${documentId}/ar/`)).status).toBe(404);
    const draftRoute = `${cms().url}/ssc-preview/draft?${new URLSearchParams({ type: 'news', documentId, locale: 'ar' })}`;
    const secret = { authorization: `Bearer ${cms().preview.secret}` };
    expect((await fetch(draftRoute, { headers: { 'x-preview-token': token } })).status).toBe(401);
    expect((await fetch(draftRoute, { headers: { authorization: `Bearer ${arabicJwt}`, 'x-preview-token': token } })).status).toBe(401);
    expect((await fetch(draftRoute, { headers: secret })).status).toBe(403);
    expect((await fetch(draftRoute, { headers: { ...secret, 'x-preview-token': tampered } })).status).toBe(403);
    expect((await fetch(draftRoute.replace('locale=ar', 'locale=fr'), { headers: { ...secret, 'x-preview-token': token } })).status).toBe(403);
    const granted = await fetch(draftRoute, { headers: { ...secret, 'x-preview-token': token } });
    expect(granted.status).toBe(200);
    expect(granted.headers.get('cache-control')).toBe('private, no-store');
    expect(JSON.stringify(await granted.json())).toContain(word);
    // The admin's preview-URL route needs an admin session.
    expect((await fetch(`${cms().url}/content-manager/preview/url/${NEWS}?documentId=${documentId}&locale=ar&status=draft`)).status).toBe(401);
  });

  it('gives a language editor no preview URL in a locale they may not edit', async () => {
    expect(await previewUrlFor(frenchJwt, documentId, 'ar')).toBeUndefined();
    expect(await previewUrlFor(arabicJwt, documentId, 'fr')).toBeUndefined();
    expect(await previewUrlFor(cms().adminJwt, documentId, 'ar')).toMatch(/\/preview\/news\//);
  });

  it('leaves no trace of the draft in the next snapshot, release, feeds, search index or partner API', async () => {
    expect((await fetch(url)).status).toBe(200);
    const snapshotsDir = path.join(work, 'snapshots');
    const { dir } = await pullSnapshot({
      cmsUrl: cms().url,
      token: cms().apiToken,
      snapshotsDir,
      previous: fs.realpathSync(path.join(snapshotsDir, 'latest')),
    });
    const releases = { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') };
    await buildRelease({ snapshotDir: dir, siteUrl: SITE_URL, releases, trigger: 'preview test' });
    const live = fs.realpathSync(releases.liveLink);
    // Only the snapshots the pulls wrote: previews write none.
    expect(fs.readdirSync(snapshotsDir).filter((n) => !n.startsWith('.') && n !== 'latest')).toHaveLength(2);
    const places = { snapshot: dir, release: live };
    let files = 0;
    for (const [place, root] of Object.entries(places))
      for (const [file, text] of filesAsText(root)) {
        files += 1;
        expect(text.includes(word), `${place}: ${file}`).toBe(false);
        expect(text.includes(editedWord), `${place}: ${file}`).toBe(false);
        expect(text.includes(slug), `${place}: ${file}`).toBe(false);
      }
    expect(files).toBeGreaterThan(100);
    expect(fs.existsSync(path.join(live, 'ar', 'feeds'))).toBe(true);
    expect(fs.readdirSync(path.join(live, 'pagefind')).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(live, 'ar', 'news', slug))).toBe(false);
    // The partner API: no item, whatever is asked.
    const items = await allItems('&locale=ar');
    expect(items.length).toBeGreaterThan(0);
    expect(JSON.stringify(items)).not.toContain(word);
    expect(JSON.stringify(items)).not.toContain(editedWord);
    expect((await partnerGet(`/items/news/${documentId}?locale=ar`)).status).toBe(404);
  }, 300_000);

  describe('in the admin panel (headless Chromium)', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('opens the preview of an Arabic draft from the edit view, right to left, with the draft’s text; without a login there is none', async () => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
      context.setDefaultTimeout(UI_TIMEOUT);
      const tab = await context.newPage();
      await tab.addLocatorHandler(tab.getByRole('button', { name: 'Close the banner.' }), async (close) => {
        await close.click();
      });
      const editView = `${cms().url}/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=ar`;
      try {
        // Without a login, the admin shows its login form and no preview.
        await tab.goto(`${editView.replace('?', '/preview?')}`);
        await tab.getByRole('textbox', { name: /email/i }).waitFor();
        expect(await tab.locator('iframe[data-testid="preview-iframe"]').count()).toBe(0);

        await tab.getByRole('textbox', { name: /email/i }).fill(arabicEditor.email);
        await tab.getByLabel(/^password/i).fill(arabicEditor.password);
        await tab.getByRole('button', { name: /login/i }).click();
        await tab.waitForURL(/\/admin\/(?!auth)/);
        await tab.goto(editView);
        await tab.getByRole('link', { name: 'Open preview' }).click();
        const frameElement = tab.locator('iframe[data-testid="preview-iframe"]');
        await frameElement.waitFor();
        const frame = tab.frameLocator('iframe[data-testid="preview-iframe"]');
        await frame.locator('h1').filter({ hasText: word }).waitFor({ timeout: 60_000 });
        const facts = await frame.locator('html').evaluate((html) => ({
          dir: html.getAttribute('dir'),
          direction: getComputedStyle(document.body).direction,
          banner: document.querySelector('[data-preview-banner]')?.textContent?.trim(),
          h1: document.querySelector('h1')?.textContent,
        }));
        expect(facts).toEqual({ dir: 'rtl', direction: 'rtl', banner: arabicBanner, h1: title });
        await tab.screenshot({ path: path.join(SCREENSHOTS, 'preview-arabic-draft.png') });
      } finally {
        await context.close();
      }
    }, 240_000);
  });
});
