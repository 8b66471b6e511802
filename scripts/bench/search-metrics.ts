/**
 * Search costs of a built site: how long Pagefind takes to index it, and what one
 * first search transfers in each language (JS, WASM, index chunks, fragments, gzip as
 * served), measured in headless Chromium. Queries are words taken from the site's own
 * item titles, so they find real pages. The budget is 100 KB per search at 10,000
 * pages (platform guide, section 4).
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentTypes, locales } from '@ssc/content-schemas';
import { launchChromium } from '../lib/browser.ts';
import { measureSearch, type SearchTransfer } from '../lib/search-transfer.ts';
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
  searches: SearchTransfer[];
  largestSearchBytes: number;
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
  const words = [...new Intl.Segmenter(tag, { granularity: 'word' }).segment(title)].filter((s) => s.isWordLike && /\p{L}/u.test(s.segment)).map((s) => s.segment);
  return words.sort((a, b) => b.length - a.length)[0];
}

export async function measureSearchCosts(siteDir: string, label: string): Promise<SearchBenchResult> {
  const index = await writeSearchIndex(siteDir);
  const server = await serveStatic(siteDir, { port: 0 });
  const browser = await launchChromium();
  const searches: SearchTransfer[] = [];
  try {
    for (const locale of locales) {
      const pages = itemPages(siteDir, locale.code, QUERIES);
      const step = Math.max(1, Math.floor(pages.length / QUERIES));
      const queries = new Set<string>();
      for (let i = 0; i < pages.length && queries.size < QUERIES; i += step) {
        const query = queryFrom(pages[i], locale.tag);
        if (query) queries.add(query);
      }
      for (const query of queries) searches.push(await measureSearch(browser, server.url, locale.code, query));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const largestSearchBytes = Math.max(0, ...searches.map((s) => s.total));
  return {
    label,
    pages: index.pages,
    languages: index.languages,
    indexSeconds: index.seconds,
    searches,
    largestSearchBytes,
    budgetBytes: SEARCH_BUDGET_BYTES,
    withinBudget: largestSearchBytes <= SEARCH_BUDGET_BYTES,
  };
}
