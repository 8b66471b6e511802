/**
 * Scheduled publishing end to end, as an editor lives it: a French language editor
 * opens a French draft in the real admin panel (headless Chromium, the browser in the
 * Europe/Paris time zone), schedules its publication 10 s ahead in the edit view's
 * Schedule panel, and leaves it. When it falls due the CMS's scheduler publishes it,
 * the "Site rebuild" webhook reaches the real rebuild service (pull → build → audit →
 * switch `live`), and the item is served on the live site in French. The panel and
 * the "Scheduled" page then show the schedule as done. A schedule that cannot run
 * (its entry lost a required field) shows, with the reason, on the "Site" page.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { contentTypes, strapiUid } from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';
import { createEditorAccount, type EditorAccount } from '../cms/test/support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';
import { logIntoAdmin, openAdminTab, screenshotFailures, SCREENSHOTS, UI_TIMEOUT } from './support/admin-browser.ts';
import { startLiveSite, type LiveSite } from './support/live-site.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);

describe('a French editor schedules a publication in the admin panel, and it goes live on the site when due', () => {
  let live: LiveSite;
  let browser: Browser;
  let tab: Page;
  let editor: EditorAccount;
  const slug = uniqueSlug('e2e-scheduled');
  const itemPath = `/fr/news/${slug}/`;
  let documentId = '';

  const get = (pathname: string) => live.get(pathname);

  const scheduleText = () =>
    tab
      .getByTestId('entry-schedules')
      .innerText()
      .catch(() => '');

  beforeAll(async () => {
    const created = await contentManager.create(NEWS, 'fr', {
      ...newsData(slug, 'fr', await anyImageId(adminApi)),
      title: `Actualité programmée ${slug}`,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    documentId = created.body.data.documentId;
    live = await startLiveSite('scheduled-e2e');
    editor = await createEditorAccount('French editor');
    browser = await launchChromium();
    tab = await openAdminTab(browser, { timezoneId: 'Europe/Paris' });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  screenshotFailures('scheduled-e2e', () => tab);

  it('schedules the French draft 10 s ahead in the Schedule panel, showing the time zone; when due it is published and goes live', async () => {
    expect((await get(itemPath)).status).toBe(404);
    await logIntoAdmin(tab, editor);
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
    const before = live.service.finished;
    await panel.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect.poll(scheduleText, { timeout: UI_TIMEOUT }).toContain('Pending');
    const scheduled = await panel.getByTestId('entry-schedule').first().innerText();
    expect(scheduled).toContain('Europe/Paris');
    expect(scheduled).toContain(due.slice(11));
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'scheduled-e2e-pending.png'), fullPage: true });

    // Due: the scheduler publishes it, the webhook starts a rebuild, and the page goes live.
    await expect.poll(scheduleText, { timeout: 60_000 }).toMatch(/Done: Published by the scheduler/);
    await live.rebuildAfter(before);
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

  it('reports a schedule that could not run on the Site page, with the field that stopped it', async () => {
    // A French draft whose title was emptied: its publication fails when due.
    const broken = uniqueSlug('e2e-scheduled-broken');
    const created = await contentManager.create(NEWS, 'fr', newsData(broken, 'fr', await anyImageId(adminApi)));
    expect(created.status).toBe(201);
    const brokenId = created.body.data.documentId;
    expect((await contentManager.saveLocale(NEWS, brokenId, 'fr', { title: null })).status).toBe(200);
    const made = await adminApi('POST', '/ssc-schedules', {
      uid: NEWS,
      documentId: brokenId,
      locale: 'fr',
      action: 'publish',
      dueAt: new Date(Date.now() + 2_000).toISOString(),
      timeZone: 'Europe/Paris',
    });
    expect(made.status).toBe(201);

    await tab.getByRole('navigation').getByRole('link', { name: 'Site' }).click();
    const failure = tab.getByTestId('site-failed-schedule').filter({ hasText: brokenId });
    await expect.poll(() => failure.innerText().catch(() => ''), { timeout: 60_000 }).toContain('title');
    expect(await failure.innerText()).toContain('[fr]');
    // Only failures: the schedule that ran is not among them.
    expect(await tab.getByTestId('site-failed-schedule').allInnerTexts()).not.toContainEqual(expect.stringContaining(`Actualité programmée ${slug}`));
    expect((await get(`/fr/news/${broken}/`)).status).toBe(404);
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'scheduled-e2e-site-failure.png'), fullPage: true });
  });
});
