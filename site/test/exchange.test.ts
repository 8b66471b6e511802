/**
 * The solutions exchange on the built fixture site: each record's facts in the page's
 * language, "last verified" with the stale mark, open lists that leave out expired
 * offers and closed demands (which keep their pages), the match story linking its
 * demand, offer and solution, the search filters, and no private field anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '@ssc/content-schemas';
import { exchangeSettingsFrom } from '../src/lib/exchange-status.ts';
import { hasPage, page, site } from './helpers.ts';

const settings = exchangeSettingsFrom();
const main = (url: string) => page(url).doc.querySelector('main')!;
/** The facts list of an item page: term → value text. */
const facts = (url: string) =>
  Object.fromEntries(
    main(url)
      .querySelectorAll('dl.facts dt')
      .map((dt) => [dt.text.trim(), (dt.nextElementSibling?.text ?? '').replace(/\s+/g, ' ').trim()]),
  );
const links = (url: string) =>
  main(url)
    .querySelectorAll('a')
    .map((a) => a.getAttribute('href'));

const FRESH_SOLUTION = '/en/solutions/kenya-hermetic-storage-for-smallholders/';
const STALE_SOLUTION = '/en/solutions/sri-lanka-paddy-drying-floors/';
const OPEN_OFFER = 'post-harvest-management-training-course';
const EXPIRED_OFFER = 'juncao-study-tour-2024';
const OPEN_DEMAND = 'kenya-county-grain-storage';
const MET_DEMAND = 'sri-lanka-paddy-drying-support';
const MATCH = '/en/matches/sri-lanka-paddy-drying-match/';

describe('the solutions exchange on the site', () => {
  it('shows a solution with its evidence level, contact, texts and last verified day', () => {
    const f = facts(FRESH_SOLUTION);
    expect(f['Level of evidence']).toBe('Evaluated');
    expect(f['Contact organization']).toBe('WFP');
    expect(f['Last verified']).toContain('October 1, 2026');
    expect(f.Date).toBeUndefined();
    const text = main(FRESH_SOLUTION).text;
    for (const heading of ['The challenge', 'What was done', 'Results', 'Evidence', 'Conditions for replication']) expect(text).toContain(heading);
    expect(text).toContain('Household surveys before and after the training');
  });

  it('marks a record stale when its last verification is older than the stale age', () => {
    expect(settings.staleDays).toBe(365);
    expect(isStale('2023-05-02', settings.today, settings.staleDays)).toBe(true);
    expect(facts(STALE_SOLUTION)['Last verified']).toContain('Stale: not verified for more than 365 days');
    expect(main(STALE_SOLUTION).querySelector('.stale')).not.toBeNull();
    // The fresh one is marked only once its day is older than the stale age.
    expect(main(FRESH_SOLUTION).querySelector('.stale') !== null).toBe(isStale('2026-10-01', settings.today, settings.staleDays));
    expect(main('/fr/solutions/sri-lanka-paddy-drying-floors/').text).toContain('non vérifié depuis plus de 365 jours');
    expect(main('/zh/solutions/sri-lanka-paddy-drying-floors/').text).toContain('超过 365 天未核实');
  });

  it('shows an offer with its provider, modality, languages of delivery and validity, in each language', () => {
    const en = facts(`/en/offers/${OPEN_OFFER}/`);
    expect(en['Offered by']).toBe('WFP China CoE');
    expect(en.Modality).toBe('Training');
    expect(en['Languages of delivery']).toBe('Chinese and English');
    expect(en['Valid until']).toContain('December 31, 2030');
    expect(en.Capacity).toBe('25 participants per course, twice a year.');
    expect(facts(`/fr/offers/${OPEN_OFFER}/`)['Modalité']).toBe('Formation');
    expect(facts(`/fr/offers/${OPEN_OFFER}/`)['Langues de travail']).toBe('chinois et anglais');
    expect(facts(`/zh/offers/${OPEN_OFFER}/`)['合作方式']).toBe('培训');
    // An offer without a partner names its provider in text.
    expect(facts(`/en/offers/${EXPIRED_OFFER}/`)['Offered by']).toBe('National Engineering Research Center of Juncao Technology');
  });

  it('shows a demand with its institution, country, support sought, languages and state', () => {
    const f = facts(`/en/demands/${OPEN_DEMAND}/`);
    expect(f['Requesting institution']).toBe('County Department of Agriculture, Makueni');
    expect(f.Country).toBe('Kenya');
    expect(f['Support sought']).toBe('Know-how and Training');
    expect(f['Working languages']).toBe('English and Swahili');
    expect(f.State).toBe('Open');
    expect(facts(`/fr/demands/${OPEN_DEMAND}/`)['Appui recherché']).toBe('Savoir-faire et Formation');
  });

  it('leaves expired offers and met or closed demands out of the lists, feeds and home page, but keeps their pages, marked', () => {
    for (const locale of ['en', 'fr', 'zh']) {
      const offers = links(`/${locale}/offers/`);
      expect(offers).toContain(`/${locale}/offers/${OPEN_OFFER}/`);
      expect(offers).not.toContain(`/${locale}/offers/${EXPIRED_OFFER}/`);
      const demands = links(`/${locale}/demands/`);
      expect(demands).toContain(`/${locale}/demands/${OPEN_DEMAND}/`);
      expect(demands).not.toContain(`/${locale}/demands/${MET_DEMAND}/`);
      const home = links(`/${locale}/`);
      expect(home).toContain(`/${locale}/offers/${OPEN_OFFER}/`);
      expect(home).not.toContain(`/${locale}/offers/${EXPIRED_OFFER}/`);
      expect(home).not.toContain(`/${locale}/demands/${MET_DEMAND}/`);
      // Every feed of the locale: all content, each type, each theme (their themes' feeds included), in each format.
      const feeds = fs
        .readdirSync(path.join(site.dir, locale, 'feeds'), { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile() && /\.(rss\.xml|atom\.xml|json)$/.test(f.name));
      expect(feeds.map((f) => f.name)).toEqual(expect.arrayContaining(['all.rss.xml', 'offers.atom.xml', 'demands.json', 'post-harvest-loss.rss.xml']));
      for (const feed of feeds) {
        const text = fs.readFileSync(path.join(feed.parentPath, feed.name), 'utf8');
        expect(text, `${locale} ${feed.name}`).not.toContain(EXPIRED_OFFER);
        expect(text, `${locale} ${feed.name}`).not.toContain(MET_DEMAND);
      }
      expect(hasPage(`/${locale}/offers/${EXPIRED_OFFER}/`)).toBe(true);
      expect(hasPage(`/${locale}/demands/${MET_DEMAND}/`)).toBe(true);
    }
    expect(fs.readFileSync(path.join(site.dir, 'en', 'feeds', 'offers.rss.xml'), 'utf8')).toContain(OPEN_OFFER);
    expect(main(`/en/offers/${EXPIRED_OFFER}/`).querySelector('.notice')!.text).toContain('This offer expired on December 31, 2024');
    expect(main(`/en/demands/${MET_DEMAND}/`).querySelector('.notice')!.text).toContain('This demand is Met');
    expect(main(`/fr/demands/${MET_DEMAND}/`).querySelector('.notice')!.text).toContain('Satisfaite');
  });

  it('tells a completed match as a short story linking its demand, offer and solution', () => {
    const f = facts(MATCH);
    expect(f.State).toBe('Completed');
    expect(f['Completed on']).toContain('November 10, 2025');
    expect(main(MATCH).text).toContain('Twelve extension officers took the post-harvest course');
    const hrefs = links(MATCH);
    expect(hrefs).toContain(`/en/demands/${MET_DEMAND}/`);
    expect(hrefs).toContain(`/en/offers/${OPEN_OFFER}/`);
    expect(hrefs).toContain('/en/solutions/sri-lanka-paddy-drying-floors/');
    expect(links('/zh/matches/sri-lanka-paddy-drying-match/')).toContain(`/zh/demands/${MET_DEMAND}/`);
    expect(links('/en/matches/')).toContain(MATCH);
  });

  it('gives the search the modality and state filters', () => {
    const filters = (url: string) =>
      page(url)
        .doc.querySelectorAll('[data-pagefind-filter]')
        .map((e) => e.getAttribute('data-pagefind-filter'));
    expect(filters(`/en/offers/${OPEN_OFFER}/`)).toContain('modality:training');
    expect(filters(`/en/demands/${OPEN_DEMAND}/`)).toContain('state:open');
    expect(filters(MATCH)).toContain('state:completed');
    const search = page('/fr/search/').doc;
    expect(search.querySelector('select[name="modality"]')!.text).toContain("Voyage d'étude ou parcours d'apprentissage");
    expect(search.querySelector('select[name="state"]')!.text).toContain('Satisfaite');
  });

  it('gives every exchange page the theme and country filters, the requesting country once, and the search page offers them', () => {
    const filters = (url: string) =>
      page(url)
        .doc.querySelectorAll('[data-pagefind-filter]')
        .map((e) => e.getAttribute('data-pagefind-filter')!);
    const expected: [string, string[]][] = [
      [FRESH_SOLUTION, ['theme:post-harvest-loss', 'country:kenya']],
      [`/en/offers/${OPEN_OFFER}/`, ['theme:post-harvest-loss', 'country:china']],
      [`/en/demands/${OPEN_DEMAND}/`, ['theme:post-harvest-loss', 'country:kenya']],
      [`/fr/demands/${MET_DEMAND}/`, ['country:sri-lanka']],
      [MATCH, ['country:sri-lanka', 'country:china']],
    ];
    for (const [url, values] of expected) {
      const mine = filters(url);
      for (const value of values) expect(mine, url).toContain(value);
      // The demand's country is both where it comes from and where the work would be: one filter value.
      expect(mine.length, url).toBe(new Set(mine).size);
    }
    for (const locale of ['en', 'fr', 'zh']) {
      const search = page(`/${locale}/search/`).doc;
      const options = (name: string) => search.querySelectorAll(`select[name="${name}"] option`).map((o) => o.getAttribute('value'));
      expect(options('type'), locale).toEqual(expect.arrayContaining(['solution', 'offer', 'demand', 'match']));
      expect(options('theme'), locale).toContain('post-harvest-loss');
      expect(options('country'), locale).toEqual(expect.arrayContaining(['kenya', 'sri-lanka', 'china']));
    }
  });

  it('never writes a private field (submitter, moderation, broker notes) into any built file', () => {
    // The fixture holds them, as a careless pull might: the snapshot's validators drop them.
    const secrets = [
      'BROKER-PRIVATE-NOTE',
      'private-offer-contact@example.org',
      'private-demand-contact@example.org',
      'PRIVATE-MODERATION-NOTE-7',
      'Private Requester',
      'D-2026-00042',
      'O-2026-00007',
    ];
    const fixture =
      fs.readFileSync(path.join(site.snapshotDir, 'entries', 'match.en.json'), 'utf8') +
      fs.readFileSync(path.join(site.snapshotDir, 'entries', 'offer.en.json'), 'utf8');
    expect(fixture).toContain('BROKER-PRIVATE-NOTE');
    expect(fixture).toContain('PRIVATE-MODERATION-NOTE-7');
    let files = 0;
    for (const entry of fs.readdirSync(site.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const text = fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1');
      for (const secret of secrets) expect(text.includes(secret), `${entry.name} holds "${secret}"`).toBe(false);
      expect(text, entry.name).not.toMatch(/"(contactEmail|contactName|moderationNote|brokerNotes)"\s*:/);
      files += 1;
    }
    expect(files).toBeGreaterThan(100);
  });
});

describe('the exchange settings of a build', () => {
  it('read EXCHANGE_STALE_DAYS and SSC_BUILD_DAY, with 365 days and today as defaults, and refuse nonsense', () => {
    expect(exchangeSettingsFrom({}, new Date('2027-03-04T23:59:00Z'))).toEqual({ today: '2027-03-04', staleDays: 365 });
    expect(exchangeSettingsFrom({ EXCHANGE_STALE_DAYS: '90', SSC_BUILD_DAY: '2026-01-31' })).toEqual({ today: '2026-01-31', staleDays: 90 });
    expect(() => exchangeSettingsFrom({ EXCHANGE_STALE_DAYS: 'a year' })).toThrow(/EXCHANGE_STALE_DAYS/);
    expect(() => exchangeSettingsFrom({ SSC_BUILD_DAY: '31/01/2026' })).toThrow(/SSC_BUILD_DAY/);
  });
});
