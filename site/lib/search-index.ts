/**
 * The full-text search index: Pagefind, through its Node API, over the built HTML,
 * written to `<site>/pagefind/`. It runs as the last step of every Astro build (the
 * integration below), and any Pagefind error fails the build.
 *
 * Pagefind makes one index per exact `<html lang>` value, so each locale gets its own
 * index under its BCP-47 tag (zh-Hans included). What goes in is decided by the pages:
 * only elements marked `data-pagefind-body` (item pages, theme pages) are indexed,
 * `data-pagefind-ignore` keeps lists and boilerplate out, and text carrying its own
 * `lang` inside indexed content is excluded here so it never pollutes the index of the
 * page's language.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { locales } from '@ssc/content-schemas';
import { writeDateOrders } from './search-date-order.ts';
import { precompressSearchBundle } from './search-precompress.ts';

/** The folder of the site that holds Pagefind's files (its default, so pagefind.js finds its bundle itself). */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** Text in another language than the page, inside indexed content. */
export const FOREIGN_TEXT_SELECTOR = '[data-pagefind-body] [lang], [data-pagefind-body][lang]';

/**
 * How much posting data (word positions) Pagefind packs into one index chunk before
 * starting the next; a search downloads every chunk whose word range covers a query
 * term. Pagefind's default (20,000) bundles several common words into a chunk of 25 KB
 * or more at 10,000 pages; at 4,000 a word found on most pages of a language comes
 * alone (about 12 KB there), while the chunk list in the index metadata stays small.
 * Pagefind 1.6 reads it from the environment of its indexing process (an "unstable"
 * setting, which is why the version is pinned exactly and the tests check the effect).
 */
export const INDEX_CHUNK_SIZE = 4000;
const INDEX_CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Where the Brotli copies of Pagefind's script and WASM are kept between builds (git-ignored). */
const PRECOMPRESSED_CACHE_DIR = fileURLToPath(new URL('../.astro/search-brotli/', import.meta.url));

/** Pagefind's ready-made interfaces: never loaded (the site has its own small results list), so not shipped. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export interface SearchIndexReport {
  /** Pages indexed, per index language as Pagefind names it (the lowercased `<html lang>`). */
  languages: Record<string, number>;
  pages: number;
  seconds: number;
}

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${errors.join('\n')}`);
}

/** Runs `start` with one environment variable set, and puts the variable back as it was. */
function withEnvironment<T>(name: string, value: string, start: () => T): T {
  const before = process.env[name];
  process.env[name] = value;
  try {
    return start();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

interface PagefindEntry {
  version: string;
  languages: Record<string, { page_count: number }>;
}

/** Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/pagefind/`. */
export async function writeSearchIndex(siteDir: string): Promise<SearchIndexReport> {
  const started = performance.now();
  const outputPath = path.join(siteDir, SEARCH_BUNDLE_DIR);
  fs.rmSync(outputPath, { recursive: true, force: true });
  try {
    const created = await withEnvironment(INDEX_CHUNK_SIZE_VARIABLE, String(INDEX_CHUNK_SIZE), () =>
      // Pagefind starts its indexing process here (synchronously), with this process's environment.
      pagefind.createIndex({ excludeSelectors: [FOREIGN_TEXT_SELECTOR] }),
    );
    failOn('start', created.errors);
    if (!created.index) throw new Error('Pagefind failed to start: no index was created');
    const added = await created.index.addDirectory({ path: siteDir });
    failOn(`index ${siteDir}`, added.errors);
    if (added.page_count === 0) throw new Error(`Pagefind found no HTML page to index in ${siteDir}`);
    const written = await created.index.writeFiles({ outputPath });
    failOn(`write ${outputPath}`, written.errors);
  } finally {
    await pagefind.close();
  }
  for (const file of UNUSED_BUNDLE_FILES) fs.rmSync(path.join(outputPath, file), { force: true });
  precompressSearchBundle(outputPath, PRECOMPRESSED_CACHE_DIR);
  writeDateOrders(outputPath);

  const entry = JSON.parse(fs.readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const known = new Set(locales.map((l) => l.tag.toLowerCase()));
  const strays = Object.keys(entry.languages).filter((lang) => !known.has(lang));
  if (strays.length > 0) {
    throw new Error(`Pagefind indexed pages in languages the site does not have: ${strays.join(', ')} (a page without the right <html lang>?)`);
  }
  const languages = Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count]));
  return {
    languages,
    pages: Object.values(languages).reduce((sum, n) => sum + n, 0),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Builds the search index when Astro has written the site. */
export function searchIndexIntegration(): AstroIntegration {
  return {
    name: 'ssc:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSearchIndex(fileURLToPath(dir));
        const counts = Object.entries(report.languages).map(([lang, n]) => `${lang} ${n}`).join(', ');
        logger.info(`indexed ${report.pages} pages (${counts}) in ${report.seconds.toFixed(1)} s`);
      },
    },
  };
}
