/**
 * Is a change visible on the live site? Asked the way readers would see it, over HTTP:
 * - a page: the item's URL answers with the new text, or no longer answers (404);
 * - search: Pagefind itself, in headless Chromium, on that language's search page
 *   (a fresh browser context each time, so nothing cached hides the new index), finds
 *   the word and returns the item's URL among its results, or no longer does.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../test-support/browser.ts';

export interface LiveProbe {
  /** The page answers 200 and contains `text`. */
  pageShows(pagePath: string, text: string): Promise<boolean>;
  /** The page answers 404. */
  pageGone(pagePath: string): Promise<boolean>;
  /** Pagefind's index for `locale` returns `pagePath` for `word`. */
  searchFinds(locale: string, word: string, pagePath: string): Promise<boolean>;
  close(): Promise<void>;
}

export async function openLiveProbe(siteUrl: string): Promise<LiveProbe> {
  let browser: Browser | undefined;
  const page = async (pagePath: string) => {
    const res = await fetch(`${siteUrl}${pagePath}`, { headers: { 'cache-control': 'no-cache' } });
    return { status: res.status, text: await res.text() };
  };
  return {
    async pageShows(pagePath, text) {
      const { status, text: html } = await page(pagePath);
      return status === 200 && html.includes(text);
    },
    async pageGone(pagePath) {
      return (await page(pagePath)).status === 404;
    },
    async searchFinds(locale, word, pagePath) {
      browser ??= await launchChromium();
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        await tab.goto(`${siteUrl}/${locale}/search/`, { waitUntil: 'domcontentloaded' });
        const urls = await tab.evaluate(async (term) => {
          const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
          await pagefind.options({ noWorker: true });
          await pagefind.init();
          const found = await pagefind.search(term);
          const data = await Promise.all(found.results.slice(0, 20).map((r: { data(): Promise<{ url: string }> }) => r.data()));
          return data.map((d) => d.url);
        }, word);
        return urls.some((u) => u === pagePath || u === `${pagePath}index.html`);
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser?.close();
    },
  };
}

/**
 * Polls `check` until it holds, and returns the seconds from `since` (performance.now())
 * to the start of the first check that held: the server answered from the state it
 * had then, so the time the check itself took is not counted.
 */
export async function secondsUntil(
  check: () => Promise<boolean>,
  since: number,
  options: { intervalMs?: number; timeoutMs?: number; what: string },
): Promise<number> {
  const deadline = since + (options.timeoutMs ?? 600_000);
  for (;;) {
    const asked = performance.now();
    if (await check().catch(() => false)) return (asked - since) / 1000;
    if (performance.now() > deadline) throw new Error(`${options.what}: not visible after ${((performance.now() - since) / 1000).toFixed(0)} s`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
  }
}
