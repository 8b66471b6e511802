/**
 * The solutions exchange from end to end, in headless Chromium against the real CMS and a site built from it
 * (docs/solutions-exchange.md, "Done when"):
 *
 * 1. a visitor, JavaScript off, finds the French "post a demand" form from the demands list, sends a demand about
 *    cassava losses in the Republic of Congo (theme, country, training sought, French) and is given a reference;
 * 2. a second demand with HTML in it comes back as the CMS's form with the problem in French beside the field and
 *    the values kept, and nothing is stored until it is corrected (and, aside, an Arabic offer is answered right to
 *    left); no pull holds anything of the submissions;
 * 3. a broker logs into the admin, finds the submission on the Exchange page by the reference the visitor was
 *    shown, approves it by publishing it (its Suggestions panel already names a Chinese-only offer), sees that offer
 *    among the demand's top 3 suggestions with its reasons and creates a match, which links that offer (the match's
 *    Linked records panel names it);
 * 4. the broker advances the match to completed (state, completion day, outcome) and publishes it;
 * 5. a pull and a site build show the demand with its state and the match's story with its outcome and its link to
 *    the Chinese offer's page (hreflang zh-Hans), on their pages
 *    and in the feeds; the pull's demand has none of the private fields, and no built file (pages, feeds, static
 *    API) holds the submitter's contact details or the broker's notes.
 *
 * Screenshots: test-results/screenshots/exchange-journey-*.png (and of the failing step's tab on a failure).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { launchChromium } from '../test-support/browser.ts';
import { buildSite } from '../site/lib/build.ts';
import { serveStatic, type StaticServer } from '../site/lib/serve.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { adminApi, cms } from '../cms/test/support/http.ts';
import { createEditorAccount, type EditorAccount } from '../cms/test/support/editors.ts';
import { uniqueSlug } from '../cms/test/support/fixtures.ts';
import { DEMAND, MATCH, OFFER, publishedChineseOffer } from '../cms/test/support/exchange-fixtures.ts';
import { logIntoAdmin, openAdminTab, SCREENSHOTS, screenshotFailures, UI_TIMEOUT } from './support/admin-browser.ts';

const marker = crypto.randomBytes(5).toString('hex');
/** What the visitor types in the contact fields: private, never in a pull or a built file. */
const CONTACT = {
  contactName: `Awa Mbemba ${marker}`,
  contactEmail: `awa.${marker}@cooperative.example.org`,
  contactOrganization: `Direction des semences ${marker}`,
};
/** The demand the visitor sends: the codes the ranking needs to meet a Chinese-only offer. */
const DEMAND_FORM = {
  title: `Réduire les pertes de manioc après récolte ${marker}`,
  summary: 'Une coopérative de Brazzaville cherche une formation au stockage du manioc et des céréales.',
  institution: 'Coopérative agricole de Brazzaville',
  country: 'republic-of-congo',
  theme: 'post-harvest-loss',
  support: 'training',
  language: 'fr',
  problem: 'Une grande partie du manioc et du maïs se perd pendant le stockage et le transport.',
};
const REASONS = 'same theme, same country, fits the training sought, offered in French';
const OUTCOME = 'Vingt techniciens de la coopérative ont suivi la formation au stockage du manioc.';
/** The words of the notes the match is created with: they must stay in the CMS. */
const BROKER_NOTE_WORDS = 'Created from a suggestion on the Exchange page';
const PRIVATE_FIELDS = ['contactName', 'contactEmail', 'contactOrganization', 'reference', 'moderation', 'moderationNote'];

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `exchange-journey-${name}.png`), fullPage: true });

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The content manager's entries of `uid` in `locale` whose `field` is `value` (drafts included). */
async function stored(uid: string, locale: string, field: string, value: string): Promise<Array<Record<string, unknown> & { documentId: string }>> {
  const res = await adminApi('GET', `/content-manager/collection-types/${uid}?locale=${locale}&filters[${field}][$eq]=${encodeURIComponent(value)}`);
  expect(res.status).toBe(200);
  return res.body.results;
}

async function fillDemand(page: Page, title: string, problem: string): Promise<void> {
  await page.fill('[name="title"]', title);
  await page.fill('[name="summary"]', DEMAND_FORM.summary);
  await page.fill('[name="institution"]', DEMAND_FORM.institution);
  await page.selectOption('select[name="country"]', DEMAND_FORM.country);
  await page.fill('[name="problem"]', problem);
  await page.check(`input[name="supportSought"][value="${DEMAND_FORM.support}"]`);
  await page.check(`input[name="themes"][value="${DEMAND_FORM.theme}"]`);
  await page.check(`input[name="languages"][value="${DEMAND_FORM.language}"]`);
  for (const [name, value] of Object.entries(CONTACT)) await page.fill(`[name="${name}"]`, value);
}

async function send(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/api/exchange/submissions"] button')]);
}

describe('a French demand sent from the static site without JavaScript is approved, matched with a Chinese offer and completed; the site tells the story', () => {
  let work: string;
  let browser: Browser;
  let site: StaticServer | undefined;
  let current: Page | undefined;
  let broker: EditorAccount;
  let offer: { documentId: string; title: string };
  const offerSlug = uniqueSlug('e2e-journey-offer');
  const siteUrl = () => String(cms().env.SSC_SITE_URL);

  // What the journey learns on the way.
  let reference = '';
  let demandId = '';
  let demandSlug = '';
  let matchId = '';
  let builtDir = '';

  /** A pull of the CMS now: its directory and every file's text as one. */
  async function pulled(): Promise<{ dir: string; text: string }> {
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    const text = filesUnder(dir)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    return { dir, text };
  }

  /** Builds the site from `snapshotDir` into `<work>/<name>` and serves it (the forms post to the test CMS). */
  async function buildAndServe(snapshotDir: string, name: string): Promise<string> {
    const outDir = path.join(work, name);
    await buildSite({ snapshotDir, outDir, siteUrl: siteUrl(), cmsPublicUrl: cms().url, cacheDir: path.join(work, `cache-${name}`), incremental: false });
    await site?.close();
    site = await serveStatic(outDir, { port: 0 });
    return outDir;
  }

  /** A visitor's tab, JavaScript off. */
  async function visitorTab(): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 420, height: 900 }, locale: 'fr-FR' });
    current = await context.newPage();
    return current;
  }

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-exchange-journey-'));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // A provider already on the exchange: an offer written only in Chinese, published.
    offer = await publishedChineseOffer(offerSlug);
    broker = await createEditorAccount('Broker');
    await buildAndServe((await pulled()).dir, 'site-before');
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  screenshotFailures('exchange-journey', () => current);

  it('1. a visitor without JavaScript finds the form from the demands list, sends a French demand and is given a reference', async () => {
    const page = await visitorTab();
    await page.goto(`${site!.url}/fr/demands/`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/fr/exchange/post-demand/"]')]);
    expect(await page.textContent('h1')).toBe('Publier une demande');
    await fillDemand(page, DEMAND_FORM.title, DEMAND_FORM.problem);
    await shot(page, '1-demand-form-fr');
    await send(page);
    expect(page.url()).toBe(`${cms().url}/api/exchange/submissions`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('h1')).toBe('Merci : votre demande a bien été reçue');
    reference = (await page.textContent('#reference'))!.trim();
    expect(reference).toMatch(/^D-\d{4}-\d{5}$/);
    expect(await page.textContent('main')).toContain('Rien n’est publié sans l’approbation d’un courtier');
    await shot(page, '1-demand-received-fr');
    await page.context().close();

    // The reference names one draft: the visitor's demand, awaiting a broker, with what the form collected.
    const byReference = await stored(DEMAND, 'fr', 'reference', reference);
    expect(byReference).toHaveLength(1);
    demandId = byReference[0]!.documentId;
    const full = (await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${demandId}?locale=fr`)).body.data;
    expect(full).toMatchObject({
      title: DEMAND_FORM.title,
      moderation: 'submitted',
      reference,
      publishedAt: null,
      state: 'open',
      ...CONTACT,
      supportSought: [expect.objectContaining({ support: DEMAND_FORM.support })],
      languages: [expect.objectContaining({ language: DEMAND_FORM.language })],
    });
    demandSlug = full.slug;
    expect(demandSlug).toMatch(/^[a-z0-9-]+$/);
  }, 120_000);

  it('2. a demand with HTML in it comes back with the problem in French beside the field and the values kept, and nothing is stored', async () => {
    const page = await visitorTab();
    await page.goto(`${site!.url}/fr/exchange/post-demand/`);
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
    await shot(page, '2-field-errors-fr');
    expect(await stored(DEMAND, 'fr', 'title', refused)).toEqual([]);

    // Corrected on the CMS's page, it goes through.
    await page.fill('#f-problem', 'Voir notre site.');
    await send(page);
    expect(await page.textContent('h1')).toBe('Merci : votre demande a bien été reçue');
    expect(await stored(DEMAND, 'fr', 'title', refused)).toHaveLength(1);
    await page.context().close();
  }, 120_000);

  it('2b. an Arabic offer is answered right to left', async () => {
    const page = await visitorTab();
    await page.goto(`${site!.url}/ar/exchange/post-offer/`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await shot(page, '2b-post-offer-ar');
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
    await shot(page, '2b-offer-received-ar');
    expect(await stored(OFFER, 'ar', 'title', offerTitle)).toHaveLength(1);
    await page.context().close();
  }, 120_000);

  it('2c. no pull holds anything of the submissions before a broker approves them', async () => {
    expect((await pulled()).text).not.toContain(marker);
  }, 120_000);

  it('3. the broker finds the submission by its reference, approves it, sees the Chinese offer among its top 3 suggestions with the reasons and creates a match', async () => {
    expect(demandId).not.toBe('');
    const tab = await openAdminTab(browser);
    current = tab;
    await logIntoAdmin(tab, broker);
    await tab.getByRole('navigation').getByRole('link', { name: 'Exchange' }).click();
    await tab.getByRole('heading', { name: 'Submissions awaiting moderation' }).waitFor();

    // The submission whose row shows the visitor's reference (the one with a Moderate button: the open demands
    // list shows it too) links to the visitor's demand.
    const submission = tab
      .getByRole('row')
      .filter({ hasText: reference })
      .filter({ has: tab.getByRole('button', { name: `Moderate ${DEMAND_FORM.title}` }) });
    await expect.poll(() => submission.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await submission.innerText()).toContain(DEMAND_FORM.title);
    await shot(tab, '3-submissions');
    await submission.getByRole('link', { name: DEMAND_FORM.title }).click();
    await tab.waitForURL(new RegExp(`/${DEMAND.replace(/[.:]/g, '\\$&')}/${demandId}\\?`));
    await tab.getByRole('textbox', { name: 'institution' }).waitFor();
    expect(await tab.getByRole('textbox', { name: 'institution' }).inputValue()).toBe(DEMAND_FORM.institution);

    // Approval is publishing.
    await tab.getByRole('button', { name: 'Publish', exact: true }).click();
    await tab.getByText('Published document').first().waitFor();
    const draft = await adminApi('GET', `/content-manager/collection-types/${DEMAND}/${demandId}?locale=fr`);
    expect(draft.body.data).toMatchObject({ moderation: 'approved', status: 'published', reference });
    // The edit view's Suggestions panel already names the Chinese offer, with its reasons.
    const panel = tab.getByTestId('demand-suggestions');
    await expect.poll(() => panel.innerText().catch(() => ''), { timeout: UI_TIMEOUT }).toContain(offer.title);
    expect(await panel.innerText()).toContain(REASONS);
    await shot(tab, '3-demand-approved');

    // On the Exchange page, among the open demands, its top 3 suggestions.
    await tab.getByRole('navigation').getByRole('link', { name: 'Exchange' }).click();
    await tab.getByRole('heading', { name: 'Open demands' }).waitFor();
    await tab.getByRole('button', { name: `Suggestions for ${DEMAND_FORM.title}` }).click();
    const rows = tab.getByTestId('exchange-suggestions').locator('tbody tr');
    await rows.first().waitFor();
    const top3 = (await rows.allInnerTexts()).slice(0, 3);
    const ours = top3.find((text) => text.includes(offer.title));
    expect(ours, top3.join('\n')).toBeDefined();
    expect(ours).toContain(REASONS);
    expect(ours).toContain('(zh)');
    await shot(tab, '3-suggestions');
    await tab.getByRole('button', { name: `Create match with ${offer.title}` }).click();
    const status = tab.getByTestId('exchange-message');
    await expect.poll(() => status.innerText(), { timeout: UI_TIMEOUT }).toContain('Match created');
    await status.getByRole('link', { name: 'Open the match' }).click();
    await tab.waitForURL(/\/api::match\.match\/[a-z0-9]+\?/);
    matchId = /\/api::match\.match\/([a-z0-9]+)\?/.exec(tab.url())![1]!;
    await expect.poll(() => tab.getByRole('combobox', { name: 'state' }).innerText(), { timeout: UI_TIMEOUT }).toContain('proposed');
    expect(await tab.getByRole('textbox', { name: 'slug' }).inputValue()).toBe(`${demandSlug}-match`);
    // The match links the Chinese-only offer (its shared links): the Linked records panel names it, published in Chinese.
    await expect.poll(() => tab.getByTestId('match-links').innerText(), { timeout: UI_TIMEOUT }).toContain(offer.title);
    expect(await tab.getByTestId('match-links').innerText()).toContain('published in zh');
  }, 180_000);

  it('4. the broker advances the match to completed with its outcome and publishes it', async () => {
    expect(matchId).not.toBe('');
    const tab = current!;
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
    await shot(tab, '4-match-completed');
    const published = await adminApi('GET', `/content-manager/collection-types/${MATCH}/${matchId}?locale=fr`);
    expect(published.body.data.status).toBe('published');
    await tab.context().close();
  }, 120_000);

  it('5. the pull and the built site show the demand and its state, the match and its outcome, in the feeds, and none of the private fields', async () => {
    expect(matchId).not.toBe('');
    const { dir, text } = await pulled();
    const demands: Record<string, unknown>[] = JSON.parse(fs.readFileSync(path.join(dir, 'entries', 'demand.fr.json'), 'utf8'));
    const entry = demands.find((d) => d.slug === demandSlug);
    expect(entry).toMatchObject({ title: DEMAND_FORM.title, state: 'open' });
    for (const key of PRIVATE_FIELDS) expect(Object.keys(entry!)).not.toContain(key);
    for (const secret of [...Object.values(CONTACT), reference, BROKER_NOTE_WORDS]) expect(text.includes(secret), secret).toBe(false);

    builtDir = await buildAndServe(dir, 'site-after');
    const read = (urlPath: string) => fs.readFileSync(path.join(builtDir, urlPath), 'utf8');
    const matchSlug = `${demandSlug}-match`;

    const demandPage = parse(read(`fr/demands/${demandSlug}/index.html`));
    const facts = Object.fromEntries(demandPage.querySelectorAll('main dl.facts dt').map((dt) => [dt.text.trim(), (dt.nextElementSibling?.text ?? '').trim()]));
    expect(facts['État']).toBe('Ouverte');
    expect(read('fr/demands/index.html')).toContain(`/fr/demands/${demandSlug}/`);

    const matchPage = parse(read(`fr/matches/${matchSlug}/index.html`));
    const main = matchPage.querySelector('main')!;
    expect(main.text).toContain(OUTCOME);
    expect(main.text).toContain('Terminée');
    expect(main.querySelectorAll('a').map((a) => a.getAttribute('href'))).toContain(`/fr/demands/${demandSlug}/`);
    // The Chinese-only offer leads to its Chinese page, the link marked with its language.
    const offerLink = main.querySelector(`a[href="/zh/offers/${offerSlug}/"]`);
    expect(offerLink?.getAttribute('hreflang')).toBe('zh-Hans');
    expect(offerLink?.text).toBe(offer.title);

    for (const feed of ['all.rss.xml', 'demands.rss.xml', 'matches.atom.xml', 'matches.json']) {
      const feedText = read(`fr/feeds/${feed}`);
      if (feed !== 'matches.atom.xml' && feed !== 'matches.json') expect(feedText, feed).toContain(`/fr/demands/${demandSlug}/`);
      if (feed !== 'demands.rss.xml') expect(feedText, feed).toContain(`/fr/matches/${matchSlug}/`);
    }

    // No built file (pages, feeds, static API, search index) holds the submitter's details or the broker's notes.
    let scanned = 0;
    for (const file of filesUnder(builtDir)) {
      if (!/\.(html|xml|json|js|txt|css)$/.test(file)) continue;
      scanned += 1;
      const fileText = fs.readFileSync(file, 'utf8');
      for (const secret of [...Object.values(CONTACT), reference, BROKER_NOTE_WORDS])
        expect(fileText.includes(secret), `${secret} in ${path.relative(builtDir, file)}`).toBe(false);
    }
    expect(scanned).toBeGreaterThan(100);
    // The static API's French demands hold the demand (and were among the files scanned).
    const apiPages = filesUnder(path.join(builtDir, 'api', 'fr', 'demands'));
    expect(apiPages.some((file) => fs.readFileSync(file, 'utf8').includes(demandSlug))).toBe(true);

    // The public pages, as a visitor sees them (no script): the match's story links to the demand.
    const page = await visitorTab();
    await page.goto(`${site!.url}/fr/matches/${matchSlug}/`);
    expect(await page.textContent('main')).toContain(OUTCOME);
    await shot(page, '5-match-story-fr');
    await Promise.all([page.waitForNavigation(), page.click(`main a[href="/fr/demands/${demandSlug}/"]`)]);
    expect(await page.textContent('h1')).toBe(DEMAND_FORM.title);
    expect(await page.textContent('main')).toContain('Ouverte');
    await shot(page, '5-demand-fr');
    await page.context().close();
  }, 600_000);
});
