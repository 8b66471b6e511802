/**
 * Search costs of a built site: how long Pagefind takes to index it, and what one
 * first search transfers in each language (JS, WASM, index chunks, fragments, as
 * served: by our server, which sends Brotli copies where they exist, and by a host
 * that serves only Pagefind's own gzip), measured in headless Chromium. Queries are words taken from the site's own
 * item titles, so they find real pages. The budget is 100 KB per search at 10,000
 * pages (platform guide, section 4).
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentTypes, locales } from '@ssc/content-schemas';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test-support/browser.ts';
import { measureSearch, type SearchTransfer } from '../../test-support/search-transfer.ts';
import { writeSearchIndex } from '../../site/lib/search-index.ts';
import { serveStatic } from '../../site/lib/serve.ts';

export const SEARCH_BUDGET_BYTES = 100 * 1024;
/** Queries per language. */
const QUERIES = 2;

export interface SearchBenchResult {
  label: string;
  pages: number;
  languages: Record<string, number>;
  indexSeconds: number;
  /** One first search per query, as our server sends it (Brotli copies where the browser accepts them). */
  searches: SearchTransfer[];
  /** The same searches from a host that serves the files as they are (Pagefind's own gzip). */
  gzipOnlySearches: SearchTransfer[];
  largestSearchBytes: number;
  largestGzipOnlySearchBytes: number;
  budgetBytes: number;
  withinBudget: boolean;
}

/** Item pages of one locale (the first few of each type's folder, in a stable order). */
function itemPages(siteDir: string, locale: string, limit: number): string[] {
  const found: string[] = [];
  for (const type of contentTypes) {
    const typeDir = path.join(siteDir, locale, type.pluralName);
    if (!fs.existsSync(typeDir)) continue;
    for (const slug of fs.readdirSync(typeDir).sort()) {
      const file = path.join(typeDir, slug, 'index.html');
      if (slug !== 'page' && fs.existsSync(file)) found.push(file);
      if (found.length >= limit * 5) return found;
    }
  }
  return found;
}

/** The longest word of an item's title, split the way the language is (Chinese included). */
function queryFrom(file: string, tag: string): string | undefined {
  const html = fs.readFileSync(file, 'utf8');
  if (!html.includes('data-pagefind-body')) return undefined;
  const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1];
  if (!title) return undefined;
  const words = [...new Intl.Segmenter(tag, { granularity: 'word' }).segment(title)]
    .filter((s) => s.isWordLike && /\p{L}/u.test(s.segment))
    .map((s) => s.segment);
  return words.sort((a, b) => b.length - a.length)[0];
}

export async function measureSearchCosts(siteDir: string, label: string): Promise<SearchBenchResult> {
  const index = await writeSearchIndex(siteDir);
  const queries: { locale: string; query: string }[] = [];
  for (const locale of locales) {
    const pages = itemPages(siteDir, locale.code, QUERIES);
    const step = Math.max(1, Math.floor(pages.length / QUERIES));
    const picked = new Set<string>();
    for (let i = 0; i < pages.length && picked.size < QUERIES; i += step) {
      const query = queryFrom(pages[i], locale.tag);
      if (query) picked.add(query);
    }
    for (const query of picked) queries.push({ locale: locale.code, query });
  }
  const browser = await launchChromium();
  try {
    const searches = await searchAll(browser, siteDir, queries, true);
    const gzipOnlySearches = await searchAll(browser, siteDir, queries, false);
    const largestSearchBytes = Math.max(0, ...searches.map((s) => s.total));
    return {
      label,
      pages: index.pages,
      languages: index.languages,
      indexSeconds: index.seconds,
      searches,
      gzipOnlySearches,
      largestSearchBytes,
      largestGzipOnlySearchBytes: Math.max(0, ...gzipOnlySearches.map((s) => s.total)),
      budgetBytes: SEARCH_BUDGET_BYTES,
      withinBudget: largestSearchBytes <= SEARCH_BUDGET_BYTES,
    };
  } finally {
    await browser.close();
  }
}

/** Runs each query once, against the site served with or without its precompressed copies. */
async function searchAll(browser: Browser, siteDir: string, queries: { locale: string; query: string }[], precompressed: boolean): Promise<SearchTransfer[]> {
  const server = await serveStatic(siteDir, { port: 0, precompressed });
  try {
    const searches: SearchTransfer[] = [];
    for (const { locale, query } of queries) searches.push(await measureSearch(browser, server.url, locale, query));
    return searches;
  } finally {
    await server.close();
  }
}
