/**
 * What one search costs a reader: opens `/{locale}/search/?q=…` of a served site in a
 * fresh browser context (empty cache) and adds up the bytes of every Pagefind file
 * the first answer needed, as they came over the wire (body as served, gzip where the
 * server compresses, plus headers), by kind. Worker requests are included.
 */
import type { Browser } from 'playwright-core';

export interface SearchTransfer {
  locale: string;
  query: string;
  /** Results found, and how many the page shows. */
  results: number;
  shown: number;
  /** Bytes by kind of Pagefind file, and their sum. */
  js: number;
  wasm: number;
  meta: number;
  index: number;
  filters: number;
  fragments: number;
  total: number;
  requests: number;
  /** The search page itself (HTML and stylesheet, thumbnails not included). */
  page: number;
  /** From navigation to the first results shown. */
  ms: number;
}

const KINDS: [keyof Pick<SearchTransfer, 'js' | 'wasm' | 'meta' | 'index' | 'filters' | 'fragments'>, RegExp][] = [
  ['js', /\.js$/],
  ['wasm', /\/wasm\.[^/]+\.pagefind$/],
  ['meta', /\.pf_meta$|pagefind-entry\.json$/],
  ['index', /\.pf_index$/],
  ['filters', /\.pf_filter$/],
  ['fragments', /\.pf_fragment$/],
];

export async function measureSearch(browser: Browser, siteUrl: string, locale: string, query: string): Promise<SearchTransfer> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    context.on('requestfinished', (request) => {
      sizes.push(request.sizes().then((s) => ({ path: new URL(request.url()).pathname, bytes: s.responseBodySize + s.responseHeadersSize })));
    });
    const started = performance.now();
    await tab.goto(`${siteUrl}/${locale}/search/?q=${encodeURIComponent(query)}`);
    await tab.waitForFunction(
      () =>
        (document.querySelector('[data-search-status]')?.textContent ?? '') !== '' &&
        !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy'),
      null,
      { timeout: 120_000 },
    );
    const ms = performance.now() - started;
    const shown = await tab.locator('[data-search-results] > li').count();
    const results = Number(await tab.getAttribute('[data-search-status]', 'data-count'));
    const done = await Promise.all(sizes);
    const pagefind = done.filter((r) => r.path.startsWith('/pagefind/'));
    const sum = (list: { bytes: number }[]) => list.reduce((total, r) => total + r.bytes, 0);
    const transfer: SearchTransfer = {
      locale,
      query,
      results,
      shown,
      js: 0,
      wasm: 0,
      meta: 0,
      index: 0,
      filters: 0,
      fragments: 0,
      total: sum(pagefind),
      requests: pagefind.length,
      page: sum(done.filter((r) => r.path === `/${locale}/search/` || r.path.endsWith('.css'))),
      ms,
    };
    for (const [kind, pattern] of KINDS) transfer[kind] = sum(pagefind.filter((r) => pattern.test(r.path)));
    return transfer;
  } finally {
    await context.close();
  }
}
