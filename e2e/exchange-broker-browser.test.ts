/**
 * A broker's day on the solutions exchange, in the real admin panel in headless Chromium: a French demand arrives
 * as a submission (a draft with moderation `submitted` and the submitter's contact details); the broker logs in,
 * approves it by publishing it in the content manager (whose Suggestions panel names the offer), opens the Exchange page, finds a Chinese-only offer among
 * the top suggestions with its reasons, creates a match, and advances the match to completed (state, completion
 * day, outcome) and publishes it. A pull and a site build then show the demand with its state and the match's
 * story with its outcome and its link to the Chinese offer's page, both in the feeds, and no built file holds the
 * contact details or the broker's notes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { launchChromium } from '../test-support/browser.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { buildSite } from '../site/lib/build.ts';
import { adminApi, cms } from '../cms/test/support/http.ts';
import { createEditorAccount, type EditorAccount } from '../cms/test/support/editors.ts';
import { uniqueSlug } from '../cms/test/support/fixtures.ts';
import { DEMAND, MATCH, publishedChineseOffer, submittedFrenchDemand, SUBMITTER } from '../cms/test/support/exchange-fixtures.ts';
import { logIntoAdmin, openAdminTab, screenshotFailures, UI_TIMEOUT } from './support/admin-browser.ts';

const SITE = 'https://knowledge.example.org';
const OUTCOME = 'Vingt techniciens de la coopérative ont suivi la formation au stockage du manioc.';
/** The words of the notes the match is created with: they must stay in the CMS. */
const BROKER_NOTE_WORDS = 'Created from a suggestion on the Exchange page';

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('a broker approves a French demand, matches it with a Chinese offer and completes the match; the site tells the story', () => {
  let work: string;
  let browser: Browser;
  let tab: Page;
  let broker: EditorAccount;
  let demandId = '';
  let matchId = '';
  let offer: { documentId: string; title: string };
  const demandSlug = uniqueSlug('e2e-broker-demand');
  const matchSlug = `${demandSlug}-match`;
  const offerSlug = uniqueSlug('e2e-broker-offer');
  let siteDir = '';

  const editView = (uid: string, documentId: string) => `${cms().url}/admin/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=fr`;
  const read = (urlPath: string) => fs.readFileSync(path.join(siteDir, urlPath), 'utf8');

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-exchange-broker-'));
    offer = await publishedChineseOffer(offerSlug);
    demandId = await submittedFrenchDemand(demandSlug);
    broker = await createEditorAccount('Broker');
    browser = await launchChromium();
    tab = await openAdminTab(browser);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  screenshotFailures('exchange-broker', () => tab);

  it('lets the broker log in and approve the submitted demand by publishing it', async () => {
    await logIntoAdmin(tab, broker);
    await tab.getByRole('navigation').getByRole('link', { name: 'Exchange' }).waitFor();
    await tab.goto(editView(DEMAND, demandId));
    await tab.getByRole('textbox', { name: 'institution' }).waitFor();
    await tab.getByRole('button', { name: 'Publish', exact: true }).click();
    await tab.getByText('Published document').first().waitFor();
    const draft = await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${demandId}?locale=fr`);
    expect(draft.body.data).toMatchObject({ moderation: 'approved', status: 'published' });
    // The edit view's Suggestions panel already names the Chinese offer, with its reasons.
    const panel = tab.getByTestId('demand-suggestions');
    await expect.poll(() => panel.innerText().catch(() => ''), { timeout: UI_TIMEOUT }).toContain(offer.title);
    expect(await panel.innerText()).toContain('same theme, same country, fits the training sought, offered in French');
  }, 120_000);

  it('shows the demand on the Exchange page with the Chinese offer among its top 3 suggestions and their reasons, and creates a match', async () => {
    expect(demandId).not.toBe('');
    await tab.getByRole('navigation').getByRole('link', { name: 'Exchange' }).click();
    await tab.getByRole('heading', { name: 'Open demands' }).waitFor();
    await tab.getByRole('button', { name: `Suggestions for Réduire les pertes de manioc après récolte ${demandSlug}` }).click();
    const rows = tab.getByTestId('exchange-suggestions').locator('tbody tr');
    await rows.first().waitFor();
    const top3 = (await rows.allInnerTexts()).slice(0, 3);
    const ours = top3.find((text) => text.includes(offer.title));
    expect(ours, top3.join('\n')).toBeDefined();
    expect(ours).toContain('same theme, same country, fits the training sought, offered in French');
    expect(ours).toContain('(zh)');
    await tab.getByRole('button', { name: `Create match with ${offer.title}` }).click();
    const status = tab.getByTestId('exchange-message');
    await expect.poll(() => status.innerText(), { timeout: UI_TIMEOUT }).toContain('Match created');
    await status.getByRole('link', { name: 'Open the match' }).click();
    await tab.waitForURL(/\/api::match\.match\/[a-z0-9]+\?/);
    matchId = /\/api::match\.match\/([a-z0-9]+)\?/.exec(tab.url())![1]!;
    await expect.poll(() => tab.getByRole('combobox', { name: 'state' }).innerText(), { timeout: UI_TIMEOUT }).toContain('proposed');
    expect(await tab.getByRole('textbox', { name: 'slug' }).inputValue()).toBe(matchSlug);
    // The Linked records panel names the Chinese offer the match links, published in Chinese.
    await expect.poll(() => tab.getByTestId('match-links').innerText(), { timeout: UI_TIMEOUT }).toContain(offer.title);
    expect(await tab.getByTestId('match-links').innerText()).toContain('published in zh');
  }, 120_000);

  it('advances the match to completed with its outcome and publishes it', async () => {
    expect(matchId).not.toBe('');
    await tab.getByRole('combobox', { name: 'state' }).click();
    await tab.getByRole('option', { name: 'completed', exact: true }).click();
    const today = await tab.evaluate(() => new Date().toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }));
    await tab.getByRole('combobox', { name: 'completedOn' }).click();
    await tab.getByRole('dialog', { name: 'Choose date' }).getByRole('gridcell', { name: today }).click();
    // The outcome: the Markdown editor (CodeMirror) of the field labelled "outcome" (the match has another one,
    // brokerNotes); text is inserted as an input method would, then the editor loses the focus.
    const marked = await tab.evaluate(() => {
      const label = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === 'outcome');
      let field = label?.parentElement ?? null;
      while (field && !field.querySelector('.CodeMirror')) field = field.parentElement;
      const editors = field?.querySelectorAll('.CodeMirror') ?? [];
      editors[0]?.setAttribute('data-e2e', 'outcome-editor');
      return editors.length;
    });
    expect(marked).toBe(1);
    await tab.locator('[data-e2e="outcome-editor"] .CodeMirror-lines').click();
    await tab.keyboard.insertText(OUTCOME);
    await tab.waitForTimeout(1000);
    await tab.getByRole('textbox', { name: 'title' }).click();
    await tab.getByRole('button', { name: 'Save', exact: true }).click();
    await tab.getByText('Saved document').first().waitFor();
    const saved = await adminApi('GET', `/content-manager/collection-types/${MATCH}/${matchId}?locale=fr`);
    const { state, completedOn, outcome, brokerNotes } = saved.body.data;
    expect({ state, completedOn, outcome, brokerNotes }).toEqual({
      state: 'completed',
      completedOn: new Date().toISOString().slice(0, 10),
      outcome: OUTCOME,
      brokerNotes: expect.stringContaining(BROKER_NOTE_WORDS),
    });
    await tab.getByRole('button', { name: 'Publish', exact: true }).click();
    // The whole page's text, so that a refusal (a toast or a dialog) is in the failure's message.
    await expect.poll(() => tab.locator('body').innerText(), { timeout: UI_TIMEOUT }).toContain('Published document');
    const published = await adminApi('GET', `/content-manager/collection-types/${MATCH}/${matchId}?locale=fr`);
    expect(published.body.data.status).toBe('published');
  }, 120_000);

  it('builds a site that shows the demand and its state, the match and its outcome, in the feeds, and none of the private fields', async () => {
    expect(matchId).not.toBe('');
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    siteDir = path.join(work, 'site');
    await buildSite({ snapshotDir: dir, outDir: siteDir, siteUrl: SITE, cacheDir: path.join(work, 'cache') });

    const demandPage = parse(read(`fr/demands/${demandSlug}/index.html`));
    const facts = Object.fromEntries(demandPage.querySelectorAll('main dl.facts dt').map((dt) => [dt.text.trim(), (dt.nextElementSibling?.text ?? '').trim()]));
    expect(facts['État']).toBe('Ouverte');
    expect(read('fr/demands/index.html')).toContain(`/fr/demands/${demandSlug}/`);

    const matchPage = parse(read(`fr/matches/${matchSlug}/index.html`));
    const main = matchPage.querySelector('main')!;
    expect(main.text).toContain(OUTCOME);
    expect(main.text).toContain('Terminée');
    expect(main.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain(`/fr/demands/${demandSlug}/`);
    // The Chinese-only offer, linked by "Create match", leads to its Chinese page, the link marked with its language.
    const offerLink = main.querySelector(`a[href="/zh/offers/${offerSlug}/"]`);
    expect(offerLink?.getAttribute('hreflang')).toBe('zh-Hans');
    expect(offerLink?.text).toBe(offer.title);

    for (const feed of ['all.rss.xml', 'demands.rss.xml', 'matches.atom.xml', 'matches.json']) {
      const text = read(`fr/feeds/${feed}`);
      if (feed !== 'matches.atom.xml' && feed !== 'matches.json') expect(text, feed).toContain(`/fr/demands/${demandSlug}/`);
      if (feed !== 'demands.rss.xml') expect(text, feed).toContain(`/fr/matches/${matchSlug}/`);
    }

    const secrets = [...Object.values(SUBMITTER), BROKER_NOTE_WORDS];
    for (const file of filesUnder(siteDir)) {
      if (!/\.(html|xml|json|js|txt|css)$/.test(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${path.relative(siteDir, file)}`).toBe(false);
    }
  }, 600_000);
});
