/**
 * Scheduled publishing end to end, as an editor lives it: a French language editor
 * opens a French draft in the real admin panel (headless Chromium, the browser in the
 * Europe/Paris time zone), schedules its publication 10 s ahead in the edit view's
 * Schedule panel, and leaves it. When it falls due the CMS's scheduler publishes it,
 * the "Site rebuild" webhook reaches the real rebuild service (pull → build → audit →
 * switch `live`), and the item is served on the live site in French. The panel and
 * the "Scheduled" page then show the schedule as done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { contentTypes, strapiUid } from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { freePort } from '../scripts/lib/processes.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import type { ReleasePaths } from '../scripts/lib/release.ts';
import { startRebuildService, type RebuildService } from '../scripts/lib/rebuild-service.ts';
import { buildRelease } from '../scripts/lib/site-release.ts';
import { serveStatic, type StaticServer } from '../site/lib/serve.ts';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';
import { createEditorAccount, type EditorAccount } from '../cms/test/support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const SITE_URL = 'https://knowledge.example.org';
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const UI_TIMEOUT = 30_000;
const REBUILD_TIMEOUT = 180_000;

describe('a French editor schedules a publication in the admin panel, and it goes live on the site when due', () => {
  let work: string;
  let releases: ReleasePaths;
  let service: RebuildService;
  let site: StaticServer;
  let browser: Browser;
  let tab: Page;
  let editor: EditorAccount;
  const slug = uniqueSlug('e2e-scheduled');
  const itemPath = `/fr/news/${slug}/`;
  let documentId = '';

  async function rebuild(events: string[] = []): Promise<void> {
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    await buildRelease({ snapshotDir: dir, siteUrl: SITE_URL, releases, trigger: events.length ? `rebuild webhook: ${events.join(', ')}` : 'test setup' });
  }

  const get = async (pathname: string) => {
    const res = await fetch(`${site.url}${pathname}`);
    return { status: res.status, text: await res.text() };
  };

  const scheduleText = () =>
    tab
      .getByTestId('entry-schedules')
      .innerText()
      .catch(() => '');

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-scheduled-e2e-'));
    releases = { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') };
    const created = await contentManager.create(NEWS, 'fr', {
      ...newsData(slug, 'fr', await anyImageId(adminApi)),
      title: `Actualité programmée ${slug}`,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    documentId = created.body.data.documentId;
    await rebuild();
    service = await startRebuildService({ port: cms().rebuild.port, secret: cms().rebuild.secret, quietMs: 300, rebuild });
    site = await serveStatic(releases.liveLink, { port: await freePort() });
    editor = await createEditorAccount('French editor');
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Europe/Paris' });
    context.setDefaultTimeout(UI_TIMEOUT);
    tab = await context.newPage();
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

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (!tab || tab.isClosed()) return;
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
      await tab.screenshot({ path: path.join(SCREENSHOTS, `scheduled-e2e-${name}.png`), fullPage: true }).catch(() => {});
    });
  });

  it('schedules the French draft 10 s ahead in the Schedule panel, showing the time zone; when due it is published and goes live', async () => {
    expect((await get(itemPath)).status).toBe(404);
    await tab.goto(`${cms().url}/admin/auth/login`);
    await tab.getByRole('textbox', { name: /email/i }).fill(editor.email);
    await tab.getByLabel(/^password/i).fill(editor.password);
    await tab.getByRole('button', { name: /login/i }).click();
    await tab.getByRole('navigation').getByRole('link', { name: 'Scheduled' }).waitFor();
    await tab.goto(`${cms().url}/admin/content-manager/collection-types/${NEWS}/${documentId}?plugins[i18n][locale]=fr`);

    const panel = tab.getByTestId('entry-schedules');
    await expect.poll(scheduleText, { timeout: UI_TIMEOUT }).toContain('Nothing scheduled in this language.');
    expect(await panel.getByTestId('schedule-time-zone').innerText()).toContain('Europe/Paris');
    await panel.getByLabel('Scheduled action').selectOption('publish');
    // 10 s ahead, as the editor reads the clock in Paris.
    const due = await tab.evaluate(() => {
      const d = new Date(Date.now() + 10_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    });
    await panel.getByLabel('Scheduled time').fill(due);
    const before = service.finished;
    await panel.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(scheduleText, { timeout: UI_TIMEOUT }).toContain('Pending');
    const scheduled = await panel.getByTestId('entry-schedule').first().innerText();
    expect(scheduled).toContain('Europe/Paris');
    expect(scheduled).toContain(due.slice(11));
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'scheduled-e2e-pending.png'), fullPage: true });

    // Due: the scheduler publishes it, the webhook starts a rebuild, and the page goes live.
    await expect.poll(scheduleText, { timeout: 60_000 }).toMatch(/Done: Published by the scheduler/);
    const deadline = Date.now() + REBUILD_TIMEOUT;
    while ((await get(itemPath)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`${itemPath} is not live ${REBUILD_TIMEOUT / 1000} s after the schedule ran`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(service.finished).toBeGreaterThan(before);
    const page = await get(itemPath);
    expect(page.text).toContain(`Actualité programmée ${slug}`);
    expect(/<html\b[^>]*>/.exec(page.text)![0]).toMatch(/\blang="fr"/);
    expect((await get('/fr/news/')).text).toContain(`href="${itemPath}"`);
  }, 300_000);

  it('shows the schedule as done on the Scheduled page, with its time zone and editor', async () => {
    await tab.getByRole('navigation').getByRole('link', { name: 'Scheduled' }).click();
    const row = tab.getByTestId('scheduled-row').filter({ hasText: `Actualité programmée ${slug}` });
    await expect.poll(() => row.innerText().catch(() => ''), { timeout: UI_TIMEOUT }).toContain('Done');
    const text = await row.innerText();
    expect(text).toContain('Europe/Paris');
    expect(text).toContain('fr');
    expect(text).toContain('French editor');
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'scheduled-e2e-list.png'), fullPage: true });
  });
});
