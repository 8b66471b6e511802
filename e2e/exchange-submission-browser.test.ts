/**
 * A visitor posts to the solutions exchange from the static site in headless Chromium
 * with JavaScript off: the site is built from a pull of the test CMS (its countries and
 * themes) with the forms pointing at that CMS, and served locally. A French demand gets a
 * reference number and becomes a draft awaiting a broker; one with HTML in it gets the
 * form again with the problem in French beside the field and the values kept, and
 * nothing is stored; an Arabic offer is answered right to left. The next pull holds
 * nothing of the draft; once a broker publishes it, the pull has it without the
 * submitter's details. Screenshots of the Arabic pages go to test-results/screenshots/.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getCollection, strapiUid } from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { buildSite } from '../site/lib/build.ts';
import { serveStatic, type StaticServer } from '../site/lib/serve.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';

const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const DEMAND = strapiUid(getCollection('demand'));
const OFFER = strapiUid(getCollection('offer'));
const marker = crypto.randomBytes(5).toString('hex');

let work: string;
let snapshotsDir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-exchange-browser-'));
  snapshotsDir = path.join(work, 'snapshots');
  const snapshot = (await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir })).dir;
  const siteDir = path.join(work, 'site');
  await buildSite({
    snapshotDir: snapshot,
    outDir: siteDir,
    siteUrl: String(cms().env.SSC_SITE_URL),
    cmsPublicUrl: cms().url,
    cacheDir: path.join(work, 'cache'),
    incremental: false,
  });
  server = await serveStatic(siteDir, { port: 0 });
  browser = await launchChromium();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** A tab with JavaScript off. */
async function readerWithoutScript(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 420, height: 900 } });
  return context.newPage();
}

async function fillDemand(page: Page, title: string, problem: string): Promise<void> {
  await page.fill('[name="title"]', title);
  await page.fill('[name="summary"]', 'Nos greniers perdent un cinquième du maïs.');
  await page.fill('[name="institution"]', 'Ministère de l’Agriculture et de l’Élevage');
  await page.selectOption('select[name="country"]', { index: 1 });
  await page.fill('[name="problem"]', problem);
  await page.check('input[name="supportSought"][value="training"]');
  await page.check('input[name="languages"][value="fr"]');
  await page.fill('[name="contactName"]', `Awa Diop ${marker}`);
  await page.fill('[name="contactEmail"]', `awa.${marker}@ministere.example.org`);
  await page.fill('[name="contactOrganization"]', `Direction des semences ${marker}`);
}

async function send(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/api/exchange/submissions"] button')]);
}

/** The content manager's entries of `uid` in `locale` whose title is `title` (drafts included). */
async function stored(uid: string, locale: string, title: string): Promise<any[]> {
  const res = await adminApi('GET', `/content-manager/collection-types/${uid}?locale=${locale}&filters[title][$eq]=${encodeURIComponent(title)}`);
  expect(res.status).toBe(200);
  return res.body.results;
}

/** Every file of a new pull, as one text, and the pull's French demands. */
async function pulled(): Promise<{ text: string; demands: Record<string, unknown>[] }> {
  const dir = (await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir })).dir;
  const text = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
    .join('\n');
  return { text, demands: JSON.parse(fs.readFileSync(path.join(dir, 'entries', 'demand.fr.json'), 'utf8')) };
}

describe('a visitor without JavaScript posts to the exchange', () => {
  const title = `Stockage hermétique du maïs ${marker}`;
  let documentId = '';

  it('finds the form from the demands list, sends a French demand and is given a reference', async () => {
    const page = await readerWithoutScript();
    await page.goto(`${server.url}/fr/demands/`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/fr/exchange/post-demand/"]')]);
    expect(await page.textContent('h1')).toBe('Publier une demande');
    await fillDemand(page, title, 'Les charançons détruisent les stocks ; nous cherchons des sacs hermétiques.');
    await send(page);
    expect(page.url()).toBe(`${cms().url}/api/exchange/submissions`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Merci : votre demande a bien été reçue');
    const reference = (await page.textContent('#reference'))!.trim();
    expect(reference).toMatch(/^D-\d{4}-\d{5}$/);
    expect(await page.textContent('main')).toContain('Rien n’est publié sans l’approbation d’un courtier');

    const [entry] = await stored(DEMAND, 'fr', title);
    documentId = entry.documentId;
    const full = (await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${documentId}?locale=fr`)).body.data;
    expect(full).toMatchObject({ moderation: 'submitted', reference, publishedAt: null, contactEmail: `awa.${marker}@ministere.example.org` });
    await page.context().close();
  });

  it('gets the form again with the problem in French beside the field, the values kept, and nothing stored', async () => {
    const page = await readerWithoutScript();
    await page.goto(`${server.url}/fr/exchange/post-demand/`);
    const refused = `Demande avec balise ${marker}`;
    await fillDemand(page, refused, 'Voir <a href="https://spam.example">notre site</a>');
    await send(page);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('[role="alert"]')).toBe('La demande n’a pas été envoyée : corrigez les champs signalés ci-dessous.');
    expect(await page.textContent('#f-problem-problem')).toBe('Écrivez du texte simple : les balises HTML ne sont pas acceptées.');
    expect(await page.getAttribute('#f-problem', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-title')).toBe(refused);
    expect(await page.inputValue('#f-problem')).toBe('Voir <a href="https://spam.example">notre site</a>');
    expect(await page.isChecked('input[name="supportSought"][value="training"]')).toBe(true);
    expect(await stored(DEMAND, 'fr', refused)).toEqual([]);

    // Corrected on the CMS's page, it goes through.
    await page.fill('#f-problem', 'Voir notre site.');
    await send(page);
    expect(await page.textContent('h1')).toBe('Merci : votre demande a bien été reçue');
    expect(await stored(DEMAND, 'fr', refused)).toHaveLength(1);
    await page.context().close();
  });

  it('answers an Arabic offer right to left', async () => {
    const page = await readerWithoutScript();
    await page.goto(`${server.url}/ar/exchange/post-offer/`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'exchange-post-offer-ar.png'), fullPage: true });
    const offerTitle = `تدريب على زراعة الفطر ${marker}`;
    await page.fill('[name="title"]', offerTitle);
    await page.fill('[name="summary"]', 'تدريب ميداني على تقنية جونكاو.');
    await page.fill('[name="providerName"]', 'مركز جونكاو');
    await page.fill('[name="expertise"]', 'زراعة الفطر على الأعشاب.');
    await page.selectOption('select[name="modality"]', 'training');
    await page.check('input[name="deliveryLanguages"][value="ar"]');
    await page.fill('[name="contactName"]', 'ليلى');
    await page.fill('[name="contactEmail"]', `layla.${marker}@example.org`);
    await send(page);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.textContent('h1')).toBe('شكرًا: تم استلام عرضك');
    expect((await page.textContent('#reference'))!.trim()).toMatch(/^O-\d{4}-\d{5}$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'exchange-offer-received-ar.png'), fullPage: true });
    expect(await stored(OFFER, 'ar', offerTitle)).toHaveLength(1);
    await page.context().close();
  });

  it('reaches no pull before a broker publishes it, and the pull after without the submitter’s details', async () => {
    expect((await pulled()).text).not.toContain(marker);
    const published = await contentManager.publish(DEMAND, documentId, 'fr');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const { text, demands } = await pulled();
    const entry = demands.find((d) => d.title === title);
    expect(entry).toBeTruthy();
    for (const key of ['contactName', 'contactEmail', 'contactOrganization', 'reference', 'moderation', 'moderationNote'])
      expect(Object.keys(entry!)).not.toContain(key);
    expect(text).not.toContain(`awa.${marker}`);
    expect(text).not.toContain(`Awa Diop ${marker}`);
    expect(text).not.toContain(`Direction des semences ${marker}`);
  });
});
