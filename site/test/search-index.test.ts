/**
 * The search index the build writes: one Pagefind index per language, only item and
 * theme pages in it, filters and metadata taken from the content, and Pagefind
 * problems failing the build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentTypes, getLocale, localeCodes, locales } from '@ssc/content-schemas';
import { createHash } from 'node:crypto';
import { searchIndexIntegration, writeSearchIndex } from '../lib/search-index.ts';
import { PAGEFIND_SIGNATURE, readStoredPage, type StoredPage } from '../lib/search-date-order.ts';
import { precompressSearchBundle } from '../lib/search-precompress.ts';
import { allPages, page, site } from './helpers.ts';

const bundle = path.join(site.dir, 'pagefind');
const entry = JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
  version: string;
  languages: Record<string, { page_count: number }>;
};
const indexed = allPages().filter((p) => p.doc.querySelector('[data-pagefind-body]'));
const localePart = `(?:${localeCodes.join('|')})`;
const itemPage = new RegExp(`^/${localePart}/(?:${contentTypes.map((t) => t.pluralName).join('|')})/[a-z0-9-]+/$`);
const isItem = (url: string) => itemPage.test(url);
const isTheme = (url: string) => new RegExp(`^/${localePart}/themes/[a-z0-9-]+/$`).test(url);

/** What Pagefind stored about each indexed page of a language (its fragment files), with the page's result id. */
function fragments(tag: string): (StoredPage & { id: string })[] {
  const dir = path.join(bundle, 'fragment');
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${tag.toLowerCase()}_`))
    .map((f) => ({ ...readStoredPage(path.join(dir, f)), id: f.replace('.pf_fragment', '') }));
}

function readFixture<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(site.snapshotDir, 'entries', file), 'utf8')) as T;
}

describe('the search index', () => {
  it('is one Pagefind index per locale, keyed on the exact <html lang> of its pages', () => {
    expect(Object.keys(entry.languages).sort()).toEqual(locales.map((l) => l.tag.toLowerCase()).sort());
    for (const locale of localeCodes) {
      const pages = indexed.filter((p) => p.locale === locale);
      expect(pages.every((p) => p.doc.querySelector('html')!.getAttribute('lang') === getLocale(locale).tag)).toBe(true);
      expect(entry.languages[getLocale(locale).tag.toLowerCase()].page_count, locale).toBe(pages.length);
    }
  });

  it('holds item and theme pages only, without navigation, footers, language switchers or lists', () => {
    const expected = allPages()
      .filter((p) => isItem(p.url) || isTheme(p.url))
      .map((p) => p.url);
    expect(indexed.map((p) => p.url)).toEqual(expected);
    for (const p of indexed) {
      for (const body of p.doc.querySelectorAll('[data-pagefind-body]')) {
        expect(body.closest('header, nav, footer'), p.url).toBeNull();
        expect(body.querySelector('nav, footer, .langs'), p.url).toBeNull();
        for (const list of body.querySelectorAll('ul.items')) expect(list.closest('[data-pagefind-ignore]'), p.url).not.toBeNull();
      }
    }
  });

  it('takes filters, date and summary from the content', () => {
    interface Ref {
      documentId: string;
    }
    interface Fixture {
      documentId: string;
      slug: string;
      summary?: string;
      description?: string;
      date?: string;
      themes: Ref[];
      country: Ref;
    }
    const policy = readFixture<Fixture[]>('policy.en.json').find((p) => p.slug === 'kenya-agricultural-sector-transformation-growth-strategy-2019-2029')!;
    const themeSlugs = readFixture<Fixture[]>('theme.en.json');
    const countries = readFixture<Fixture[]>('country.en.json');
    const built = page(`/en/policies/${policy.slug}/`);
    const filters = built.doc.querySelectorAll('[data-pagefind-filter]').map((e) => e.getAttribute('data-pagefind-filter'));
    const meta = Object.fromEntries(
      built.doc.querySelectorAll('[data-pagefind-meta]').map((e) => {
        const value = e.getAttribute('data-pagefind-meta')!;
        return [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
      }),
    );
    const date = built.doc.querySelector('.facts time')!.getAttribute('datetime')!;
    expect(filters.sort()).toEqual(
      [
        'type:policy',
        `year:${date.slice(0, 4)}`,
        `date:${date}`,
        `country:${countries.find((c) => c.documentId === policy.country.documentId)!.slug}`,
        ...policy.themes.map((t) => `theme:${themeSlugs.find((x) => x.documentId === t.documentId)!.slug}`),
      ].sort(),
    );
    // Only the summary is metadata: Pagefind makes every word of a metadata value searchable.
    expect(meta).toEqual({ summary: policy.summary });
    // Pagefind would keep a sort in the metadata every first search downloads: the date order is a file of its own.
    expect(built.doc.querySelector('[data-pagefind-sort]')).toBeNull();
  });

  it('gives results a small image that the page already has', () => {
    const built = page('/zh/news/ssc-platform-launch-2022/');
    const image = built.doc.querySelector('[data-pagefind-filter^="image:"]')!.getAttribute('data-pagefind-filter')!.slice('image:'.length);
    expect(image).toMatch(/\.webp$/);
    expect(built.doc.querySelector('source[type="image/webp"]')!.getAttribute('srcset')).toContain(`${image} 400w`);
    expect(fs.existsSync(path.join(site.dir, image))).toBe(true);
  });

  it('indexes fact values as words of their own, without the labels every page repeats, image file names or date digits', () => {
    const built = page('/en/policies/kenya-agricultural-sector-transformation-growth-strategy-2019-2029/');
    const stored = fragments('en').find((f) => f.url === built.url)!;
    expect(stored).toBeDefined();
    const facts = built.doc.querySelectorAll('.facts dt').map((dt) => [dt.textContent.trim(), dt.nextElementSibling!.textContent.trim()]);
    expect(facts.length).toBeGreaterThan(3);
    const values = facts.map(([, value]) => value);
    expect(stored.content).toContain(` ${values.join(' ')} `);
    for (const [term] of facts) expect(stored.content, term).not.toContain(`${term} `);
    expect(Object.keys(stored.meta).sort()).toEqual(['summary', 'title']);
    expect(stored.filters.date).toEqual([built.doc.querySelector('.facts time')!.getAttribute('datetime')]);
  });

  it('splits each language into index chunks of about INDEX_CHUNK_SIZE word positions, so a search loads part of it', () => {
    const chunks = fs.readdirSync(path.join(bundle, 'index'));
    for (const locale of locales) {
      // At Pagefind's default (20,000) each language of the fixture fits in one chunk.
      expect(chunks.filter((f) => f.startsWith(`${locale.tag.toLowerCase()}_`)).length, locale.code).toBeGreaterThan(1);
    }
  });

  it('lists the dated pages of each language newest first, by their result ids, in a file of their own', () => {
    for (const locale of locales) {
      const language = locale.tag.toLowerCase();
      const order = JSON.parse(fs.readFileSync(path.join(bundle, `date-order.${language}.json`), 'utf8')) as string[];
      const stored = new Map(fragments(language).map((f) => [f.id, f]));
      const dated = [...stored].filter(([, f]) => f.filters.date).map(([id]) => id);
      expect(order.slice().sort(), locale.code).toEqual(dated.sort());
      expect(dated.length, locale.code).toBeGreaterThan(1);
      const dates = order.map((id) => stored.get(id)!.filters.date[0]);
      expect(dates, locale.code).toEqual([...dates].sort().reverse());
      // Theme pages have no date.
      expect(
        order.some((id) => /\/themes\//.test(stored.get(id)!.url)),
        locale.code,
      ).toBe(false);
    }
  });

  it('has a Brotli copy of the script, each WASM and each index metadata file, holding the decoded bytes', () => {
    const files = fs.readdirSync(bundle);
    const firstSearch = files.filter((f) => f === 'pagefind.js' || /^wasm\..+\.pagefind$/.test(f) || f.endsWith('.pf_meta'));
    expect(firstSearch.filter((f) => f.endsWith('.pf_meta'))).toHaveLength(locales.length);
    for (const file of firstSearch) {
      expect(files, file).toContain(`${file}.br`);
      const original = fs.readFileSync(path.join(bundle, file));
      const copy = zlib.brotliDecompressSync(fs.readFileSync(path.join(bundle, `${file}.br`)));
      if (file.endsWith('.js')) {
        expect(copy.equals(original), file).toBe(true);
      } else {
        expect(copy.subarray(0, PAGEFIND_SIGNATURE.length).toString(), file).toBe(PAGEFIND_SIGNATURE);
        expect(copy.equals(zlib.gunzipSync(original)), file).toBe(true);
      }
    }
    expect(files.filter((f) => f.endsWith('.br')).sort()).toEqual(firstSearch.map((f) => `${f}.br`).sort());
  });

  it('compresses the script and WASM once per Pagefind version, keeping their copies between builds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-precompress-'));
    try {
      const bundleDir = path.join(dir, 'pagefind');
      const cacheDir = path.join(dir, 'cache');
      fs.mkdirSync(bundleDir);
      const script = fs.readFileSync(path.join(bundle, 'pagefind.js'));
      fs.writeFileSync(path.join(bundleDir, 'pagefind.js'), script);
      expect(precompressSearchBundle(bundleDir, cacheDir)).toEqual([path.join(bundleDir, 'pagefind.js.br')]);
      const cached = path.join(cacheDir, `${createHash('sha256').update(script).digest('hex')}.br`);
      expect(fs.readdirSync(cacheDir)).toEqual([path.basename(cached)]);
      // The next build takes the kept copy instead of compressing again.
      fs.writeFileSync(cached, zlib.brotliCompressSync('kept copy'));
      precompressSearchBundle(bundleDir, cacheDir);
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(bundleDir, 'pagefind.js.br'))).toString()).toBe('kept copy');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is the Pagefind version pinned exactly in package.json (its chunk-size setting is unstable), without its default UI files', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const pinned = manifest.dependencies.pagefind;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const entryModule = fileURLToPath(import.meta.resolve('pagefind'));
    const installed = JSON.parse(fs.readFileSync(path.join(path.dirname(entryModule), '..', 'package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pinned);
    expect(entry.version).toBe(pinned);
    expect(fs.readdirSync(bundle).filter((f) => f.includes('-ui') || f.includes('highlight'))).toEqual([]);
  });
});

describe('indexing failures', () => {
  function siteWith(pages: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-search-index-'));
    for (const [file, html] of Object.entries(pages)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), html);
    }
    return dir;
  }

  it('fails when there is no page to index', async () => {
    const dir = siteWith({ 'robots.txt': 'User-agent: *' });
    try {
      await expect(writeSearchIndex(dir)).rejects.toThrow(/no HTML page to index/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when a page is in a language the site does not have', async () => {
    const dir = siteWith({
      'en/a/index.html': '<html lang="en"><body><article data-pagefind-body><h1>Rice</h1></article></body></html>',
      'de/a/index.html': '<html lang="de"><body><article data-pagefind-body><h1>Reis</h1></article></body></html>',
    });
    try {
      await expect(writeSearchIndex(dir)).rejects.toThrow(/languages the site does not have: de/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the Astro build: the build-done hook rejects with the error', async () => {
    const dir = siteWith({ 'robots.txt': 'User-agent: *' });
    const hook = searchIndexIntegration().hooks['astro:build:done']!;
    const logger = { info: () => undefined };
    try {
      await expect(hook({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<typeof hook>[0])).rejects.toThrow(/no HTML page to index/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
