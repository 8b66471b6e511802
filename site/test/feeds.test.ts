/**
 * Feeds of the built fixture site, read with an independent parser (fast-xml-parser
 * for RSS and Atom, JSON.parse for JSON Feed) and checked against the snapshot:
 * item counts, languages, stable ids, enclosures, autodiscovery links.
 */
import fs from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { contentTypes, getLocale, isListed, localeCodes, readSnapshot, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { exchangeSettingsFrom } from '../src/lib/exchange-status.ts';
import { fileFor, page, site } from './helpers.ts';

const snapshot = readSnapshot(site.snapshotDir);
const host = new URL(site.siteUrl).hostname;
const FEED_SIZE = 50;
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'category', 'link', 'enclosure'].includes(name),
});

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const idOf = (documentId: string, locale: LocaleCode) => `tag:${host},2026:${documentId}/${locale}`;
const segment = (type: ContentTypeName) => contentTypes.find((t) => t.name === type)!.pluralName;

interface Item {
  documentId: string;
  themes: { documentId: string }[];
  type: ContentTypeName;
}

/** The feed scopes of a locale and the ids the snapshot says each must carry (not expired offers nor closed demands). */
function scopes(locale: LocaleCode): { slug: string; ids: string[] }[] {
  const { today } = exchangeSettingsFrom();
  const items = contentTypes.flatMap((t) => snapshot.entries[t.name][locale] as unknown as Item[]).filter((i) => isListed(i, today));
  const ids = (subset: Item[]) => {
    // The fixture is small enough for every feed to carry all its items, so no ordering is assumed here.
    expect(subset.length).toBeLessThanOrEqual(FEED_SIZE);
    return subset.map((i) => idOf(i.documentId, locale)).sort();
  };
  return [
    { slug: 'all', ids: ids(items) },
    ...contentTypes.map((t) => ({ slug: segment(t.name), ids: ids(items.filter((i) => i.type === t.name)) })),
    ...snapshot.entries.theme[locale].map((theme) => ({
      slug: `themes/${theme.slug}`,
      ids: ids(items.filter((i) => i.themes.some((x) => x.documentId === theme.documentId))),
    })),
  ];
}

const read = (path: string) => {
  const file = fileFor(path);
  expect(file, path).toBeDefined();
  return fs.readFileSync(file!, 'utf8');
};

describe('feeds', () => {
  it('exist for every locale and scope in RSS, Atom and JSON Feed, with the snapshot items, ids and language', () => {
    let checked = 0;
    for (const locale of localeCodes) {
      const tag = getLocale(locale).tag;
      for (const scope of scopes(locale)) {
        const base = `/${locale}/feeds/${scope.slug}`;
        const rss = xml.parse(read(`${base}.rss.xml`)).rss;
        expect(rss['@version']).toBe('2.0');
        expect(rss.channel.language).toBe(tag);
        expect(
          list(rss.channel.item)
            .map((i: { guid: { '#text': string } }) => i.guid['#text'])
            .sort(),
          `${base}.rss.xml`,
        ).toEqual(scope.ids);

        const atom = xml.parse(read(`${base}.atom.xml`)).feed;
        expect(atom['@xml:lang']).toBe(tag);
        expect(
          list(atom.entry)
            .map((e: { id: string }) => e.id)
            .sort(),
          `${base}.atom.xml`,
        ).toEqual(scope.ids);

        const json = JSON.parse(read(`${base}.json`));
        expect(json.version).toBe('https://jsonfeed.org/version/1.1');
        expect(json.language).toBe(tag);
        expect(json.items.map((i: { id: string }) => i.id).sort(), `${base}.json`).toEqual(scope.ids);
        for (const i of json.items) expect(i.language).toBe(tag);
        checked += 3;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('describe each item: canonical URL, dates, summary, categories, licence and attribution', () => {
    const report = snapshot.entries.report.es[0];
    const json = JSON.parse(read('/es/feeds/reports.json'));
    const item = json.items.find((i: { id: string }) => i.id === idOf(report.documentId, 'es'));
    expect(item.url).toBe(new URL(`/es/reports/${report.slug}/`, site.siteUrl).href);
    expect(fileFor(new URL(item.url).pathname)).toBeDefined();
    expect(item.title).toBe(report.title);
    expect(item.summary).toBe(report.summary);
    expect(item.date_published).toBe(report.publishedAt);
    expect(item.date_modified).toBe(report.updatedAt);
    expect(item._ssc.license).toBe(report.license);
    expect(item._ssc.attribution).toBe(report.attribution);
    const terms = item._ssc.categories.map((c: { term: string }) => c.term);
    expect(terms).toContain('report');
    for (const theme of report.themes) expect(terms).toContain(theme.slug);

    const atom = xml.parse(read('/es/feeds/reports.atom.xml')).feed;
    const entry = list(atom.entry).find((e: { id: string }) => e.id === idOf(report.documentId, 'es')) as Record<string, unknown>;
    expect(entry.rights).toContain(report.attribution);
    expect(list(entry.category as unknown[]).length).toBe(terms.length);
  });

  it('carry a report’s main file as the RSS enclosure and every attachment in Atom and JSON Feed', () => {
    const report = snapshot.entries.report.en.find((r) => r.attachments.length > 1)!;
    const id = idOf(report.documentId, 'en');
    const rssItem = list(xml.parse(read('/en/feeds/reports.rss.xml')).rss.channel.item).find(
      (i: { guid: { '#text': string } }) => i.guid['#text'] === id,
    ) as Record<string, unknown>;
    const enclosures = list(rssItem.enclosure as Record<string, string>[]);
    expect(enclosures).toHaveLength(1);
    const main = report.attachments[0];
    expect(enclosures[0]['@type']).toBe(main.file.mime);
    expect(Number(enclosures[0]['@length'])).toBe(main.sizeBytes ?? main.file.sizeBytes);
    expect(fileFor(new URL(enclosures[0]['@url']).pathname)).toBeDefined();

    const atomEntry = list(xml.parse(read('/en/feeds/reports.atom.xml')).feed.entry).find((e: { id: string }) => e.id === id) as {
      link: Record<string, string>[];
    };
    expect(atomEntry.link.filter((l) => l['@rel'] === 'enclosure').map((l) => l['@type'])).toEqual(report.attachments.map((a) => a.file.mime));

    const jsonItem = JSON.parse(read('/en/feeds/reports.json')).items.find((i: { id: string }) => i.id === id);
    expect(jsonItem.attachments).toHaveLength(report.attachments.length);
    expect(jsonItem.attachments[0].size_in_bytes).toBe(main.sizeBytes ?? main.file.sizeBytes);
  });

  it('are announced by every page of the locale, and a type list also announces its own feeds', () => {
    const home = page('/fr/').doc;
    const types = home.querySelectorAll('link[rel="alternate"][type]').map((l) => l.getAttribute('type'));
    expect(types).toEqual(['application/rss+xml', 'application/atom+xml', 'application/feed+json']);
    for (const link of home.querySelectorAll('link[rel="alternate"][type]')) expect(fileFor(new URL(link.getAttribute('href')!).pathname)).toBeDefined();
    const reports = page('/fr/reports/')
      .doc.querySelectorAll('link[rel="alternate"][type]')
      .map((l) => new URL(l.getAttribute('href')!).pathname);
    expect(reports).toContain('/fr/feeds/reports.rss.xml');
  });

  it('are listed on each locale’s feeds page', () => {
    for (const locale of localeCodes) {
      const links = page(`/${locale}/feeds/`)
        .doc.querySelectorAll('main a[type]')
        .map((a) => a.getAttribute('href')!);
      expect(links).toHaveLength(scopes(locale).length * 3);
      for (const href of links) expect(fileFor(href), href).toBeDefined();
    }
  });
});
