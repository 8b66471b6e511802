/**
 * Search in a real browser: headless Chromium against the built fixture site served
 * over HTTP (built and served once by global-setup.ts), with the real Pagefind index.
 * Results are checked against the built pages themselves: what they say, and the
 * filter values they carry.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page as BrowserPage } from 'playwright-core';
import { launchChromium } from '../../test-support/browser.ts';
import { measureSearch } from '../../test-support/search-transfer.ts';
import { allPages, page, site, type Page } from './helpers.ts';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

interface Found {
  urls: string[];
  status: string;
  titles: string[];
}

/**
 * Waits until the page has answered the current search (its status is set and the
 * list is not busy), then asks for more results until all are shown.
 */
async function answer(tab: BrowserPage): Promise<Found> {
  await tab.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return status !== '' && !document.querySelector('[data-search-results]')!.hasAttribute('aria-busy');
  });
  while (await tab.isVisible('[data-search-more]')) {
    const shown = await tab.locator('[data-search-results] > li').count();
    await tab.click('[data-search-more]');
    await tab.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length > n, shown);
    // The first new result takes the focus, so keyboard readers continue where they were.
    expect(await tab.evaluate((n) => document.activeElement === document.querySelectorAll('[data-search-results] > li > a')[n], shown)).toBe(true);
  }
  return tab.evaluate(() => ({
    urls: [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] li > a')].map((a) => new URL(a.href).pathname),
    titles: [...document.querySelectorAll<HTMLAnchorElement>('[data-search-results] li > a')].map((a) => a.textContent ?? ''),
    status: document.querySelector('[data-search-status]')!.textContent ?? '',
  }));
}

/** Opens /{locale}/search/ with the given URL parameters and returns what it lists. */
async function searchPage(locale: string, params: Record<string, string>): Promise<Found> {
  const tab = await context.newPage();
  try {
    await tab.goto(`${site.url}/${locale}/search/?${new URLSearchParams(params)}`);
    return await answer(tab);
  } finally {
    await tab.close();
  }
}

/** The indexed pages (items and themes) of a locale in the build. */
const indexedPages = (locale: string) => allPages().filter((p) => p.locale === locale && p.doc.querySelector('[data-pagefind-body]'));

/** The filter values a built page gives Pagefind, as "name:value". */
const filtersOf = (p: Page) => p.doc.querySelectorAll('[data-pagefind-filter]').map((e) => e.getAttribute('data-pagefind-filter')!);

/** The indexed text of a built page: its data-pagefind-body elements, less ignored parts and text in another language. */
function indexedText(p: Page): string {
  const bodies = p.doc.querySelectorAll('[data-pagefind-body]').map((b) => b.clone() as typeof b);
  for (const body of bodies) for (const skip of body.querySelectorAll('[data-pagefind-ignore], [lang]')) skip.remove();
  return bodies.map((b) => b.textContent).join(' ');
}

describe('search in every language', () => {
  it('finds the Chinese item for two- and four-character Chinese words', async () => {
    const cases: [string, string][] = [
      ['菌草', '/zh/videos/juncao-technology-training/'],
      ['水稻', '/zh/courses/hybrid-rice-value-chain/'],
      ['乡村振兴', '/zh/policies/china-rural-revitalization-promotion-law-2021/'],
      ['杂交水稻', '/zh/videos/hybrid-rice-smallholder-webinar/'],
      ['知识分享', '/zh/news/ssc-platform-launch-2022/'],
    ];
    for (const [query, expected] of cases) {
      const found = await searchPage('zh', { q: query });
      expect(found.urls, query).toContain(expected);
      // Like Pagefind, split the query into words: every result has each of them.
      const words = [...new Intl.Segmenter('zh-Hans', { granularity: 'word' }).segment(query)].map((s) => s.segment);
      for (const url of found.urls) {
        expect(url.startsWith('/zh/'), `${query}: ${url}`).toBe(true);
        for (const word of words) expect(indexedText(page(url)), `${word} is on ${url}`).toContain(word);
      }
    }
  });

  it('finds Arabic words under another prefix or suffix (stemming)', async () => {
    // The course says الأرز (the rice) and المزارعين (the farmers); the reader types other forms.
    const course = indexedText(page('/ar/courses/hybrid-rice-value-chain/'));
    expect(course).toContain('الأرز');
    expect(course).toContain('المزارعين');
    for (const form of ['بالأرز', 'للمزارعين']) expect(course).not.toContain(form);
    for (const query of ['أرز', 'بالأرز', 'للمزارعين']) {
      const found = await searchPage('ar', { q: query });
      expect(found.urls, query).toContain('/ar/courses/hybrid-rice-value-chain/');
      expect(
        found.urls.every((u) => u.startsWith('/ar/')),
        query,
      ).toBe(true);
    }
  });

  it('finds accented French and Spanish text from queries typed without accents', async () => {
    const cases: [string, string, string, string][] = [
      ['fr', 'equateur', 'Équateur', '/fr/videos/hybrid-rice-smallholder-webinar/'],
      ['fr', 'seminaire', 'séminaire', '/fr/news/ssc-platform-launch-2022/'],
      ['es', 'hibrido', 'híbrido', '/es/courses/hybrid-rice-value-chain/'],
      ['es', 'capacitacion', 'Capacitación', '/es/videos/juncao-technology-training/'],
    ];
    for (const [locale, query, accented, expected] of cases) {
      expect(indexedText(page(expected))).toContain(accented);
      const found = await searchPage(locale, { q: query });
      expect(found.urls, query).toContain(expected);
      expect(
        found.urls.every((u) => u.startsWith(`/${locale}/`)),
        query,
      ).toBe(true);
    }
  });

  it('searches only the page language: an English query on /zh/ returns no English page', async () => {
    const english = await searchPage('en', { q: 'hunger' });
    expect(english.urls.length).toBeGreaterThan(0);
    const chinese = await searchPage('zh', { q: 'hunger' });
    expect(chinese.urls.filter((u) => !u.startsWith('/zh/'))).toEqual([]);
  });

  it('keeps text marked with another language out of the page language index', async () => {
    // The Chinese launch news quotes an English keynote title inside <span lang="en">.
    const launch = page('/zh/news/ssc-platform-launch-2022/');
    expect(launch.doc.querySelector('[data-pagefind-body] [lang="en"]')?.textContent).toContain('Zero Hunger');
    expect((await searchPage('zh', { q: 'hunger' })).urls).toEqual([]);
    // Latin text that is part of the Chinese page (a partner acronym) is still found.
    expect((await searchPage('zh', { q: 'CoE' })).urls.length).toBeGreaterThan(0);
  });
});

describe('search filters and sorting', () => {
  const filterCases: [string, string][] = [
    ['type', 'course'],
    ['type', 'theme'],
    ['theme', 'post-harvest-loss'],
    ['country', 'kenya'],
    ['year', '2022'],
    // The solutions exchange's filters.
    ['type', 'offer'],
    ['modality', 'training'],
    ['state', 'met'],
    ['state', 'completed'],
  ];

  it('narrows to exactly the pages carrying each filter value', async () => {
    for (const [name, value] of filterCases) {
      const expected = indexedPages('en')
        .filter((p) => filtersOf(p).includes(`${name}:${value}`))
        .map((p) => p.url)
        .sort();
      expect(expected.length, `${name}=${value} in the fixture`).toBeGreaterThan(0);
      expect(expected.length, `${name}=${value} must leave pages out`).toBeLessThan(indexedPages('en').length);
      const found = await searchPage('en', { [name]: value });
      expect(found.urls.sort(), `${name}=${value}`).toEqual(expected);
    }
  });

  it('narrows the solutions exchange by type, theme and country together, in French', async () => {
    const cases: Record<string, string>[] = [
      { type: 'demand', country: 'kenya' },
      { type: 'solution', theme: 'post-harvest-loss' },
      { type: 'offer', country: 'china' },
    ];
    for (const params of cases) {
      const wanted = Object.entries(params).map(([name, value]) => `${name}:${value}`);
      const expected = indexedPages('fr')
        .filter((p) => wanted.every((w) => filtersOf(p).includes(w)))
        .map((p) => p.url)
        .sort();
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect((await searchPage('fr', params)).urls.sort(), JSON.stringify(params)).toEqual(expected);
    }
  });

  it('combines a query with filters', async () => {
    const all = await searchPage('en', { q: 'rice' });
    const courses = await searchPage('en', { q: 'rice', type: 'course' });
    expect(courses.urls.length).toBeGreaterThan(0);
    expect(courses.urls.length).toBeLessThan(all.urls.length);
    expect(courses.urls.every((u) => all.urls.includes(u) && u.startsWith('/en/courses/'))).toBe(true);
  });

  it('sorts by date, newest first, the same results as by relevance', async () => {
    const dateOf = (url: string) => page(url).doc.querySelector('.facts time')!.getAttribute('datetime')!;
    for (const [locale, params] of [
      ['en', { type: 'news' }],
      ['ar', { q: 'التعاون' }],
    ] as const) {
      const byRelevance = await searchPage(locale, params);
      const found = await searchPage(locale, { ...params, sort: 'date' });
      const dates = found.urls.map(dateOf);
      expect(dates.length, locale).toBeGreaterThan(1);
      expect(dates, locale).toEqual([...dates].sort().reverse());
      // Theme pages have no date and so no place in a date order.
      expect([...found.urls].sort(), locale).toEqual(byRelevance.urls.filter((u) => !u.includes('/themes/')).sort());
    }
  });
});

describe('the search page', () => {
  it('reads ?q= from the URL and writes the search back to it', async () => {
    const tab = await context.newPage();
    try {
      await tab.goto(`${site.url}/fr/search/?q=riz`);
      const first = await answer(tab);
      expect(await tab.inputValue('#search-q')).toBe('riz');
      expect(first.urls.length).toBeGreaterThan(0);
      await tab.selectOption('select[name="type"]', 'course');
      await tab.waitForURL(/type=course/);
      expect(new URL(tab.url()).searchParams.get('q')).toBe('riz');
      const narrowed = await answer(tab);
      expect(narrowed.urls.every((u) => u.startsWith('/fr/courses/'))).toBe(true);
    } finally {
      await tab.close();
    }
  });

  it('works from the keyboard and announces the number of results', async () => {
    const tab = await context.newPage();
    try {
      await tab.goto(`${site.url}/ar/search/`);
      await tab.waitForSelector('[data-search-form]:not([hidden])');
      expect(await tab.getAttribute('html', 'dir')).toBe('rtl');
      await tab.keyboard.press('Tab'); // skip link
      let focused = '';
      for (let i = 0; i < 30 && focused !== 'search-q'; i++) {
        await tab.keyboard.press('Tab');
        focused = await tab.evaluate(() => document.activeElement?.id ?? '');
      }
      expect(focused).toBe('search-q');
      await tab.keyboard.type('الأرز');
      await tab.keyboard.press('Enter');
      const found = await answer(tab);
      expect(found.urls.length).toBeGreaterThan(0);
      expect(await tab.getAttribute('[data-search-status]', 'role')).toBe('status');
      expect(await tab.getAttribute('[data-search-status]', 'aria-live')).toBe('polite');
      const arabicCount = new Intl.NumberFormat('ar').format(found.urls.length);
      expect(found.status).toBe(`النتائج: ${arabicCount}`);
      await tab.keyboard.press('Tab'); // the search button
      for (let i = 0; i < 10; i++) {
        await tab.keyboard.press('Tab');
        if (await tab.evaluate(() => Boolean(document.activeElement?.closest('[data-search-results]')))) break;
      }
      expect(await tab.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null)).toBe(true);
    } finally {
      await tab.close();
    }
  });

  it('has no WCAG 2.1 A/AA violation (axe-core) with results shown, left to right and right to left', async () => {
    const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const [locale, query] of [
      ['en', 'rice'],
      ['ar', 'الأرز'],
    ]) {
      const tab = await context.newPage();
      try {
        await tab.goto(`${site.url}/${locale}/search/?q=${encodeURIComponent(query)}`);
        expect((await answer(tab)).urls.length, locale).toBeGreaterThan(0);
        await tab.addScriptTag({ content: axeSource });
        const violations = await tab.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, locale).toEqual([]);
      } finally {
        await tab.close();
      }
    }
  });

  it('says plainly that search needs JavaScript when it is off, and links to the theme and type lists', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const tab = await noScript.newPage();
      await tab.goto(`${site.url}/es/search/?q=arroz`);
      expect(await tab.isVisible('[data-search-fallback]')).toBe(true);
      expect(await tab.isVisible('[data-search-form]')).toBe(false);
      expect(await tab.textContent('[data-search-fallback] p')).toContain('JavaScript');
      const links = await tab.$$eval('[data-search-fallback] a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toContain('/es/themes/post-harvest-loss/');
      expect(links).toContain('/es/news/');
      expect(links).toContain('/es/courses/');
    } finally {
      await noScript.close();
    }
  });
});

describe('loading search on demand', () => {
  it('costs at most 100 KB for a first search in each language, everything Pagefind sends included', async () => {
    const queries = { en: 'cooperation', zh: '合作', ar: 'التعاون', es: 'conocimientos', fr: 'connaissances' };
    for (const [locale, query] of Object.entries(queries)) {
      const transfer = await measureSearch(browser, site.url, locale, query);
      expect(transfer.results, locale).toBeGreaterThan(0);
      expect(transfer.wasm, locale).toBeGreaterThan(0);
      expect(transfer.index, locale).toBeGreaterThan(0);
      expect(transfer.fragments, locale).toBeGreaterThan(0);
      expect(transfer.total, `${locale}: ${JSON.stringify(transfer)}`).toBeLessThanOrEqual(100 * 1024);
    }
  });

  it('requests nothing from Pagefind on a content page until the reader searches', async () => {
    // A context of its own: its request events include those of workers.
    const fresh = await browser.newContext();
    const tab = await fresh.newPage();
    const requests: string[] = [];
    fresh.on('request', (r) => requests.push(new URL(r.url()).pathname));
    try {
      await tab.goto(`${site.url}/zh/news/ssc-platform-launch-2022/`, { waitUntil: 'networkidle' });
      await tab.focus('#search-box-q');
      await tab.waitForTimeout(300);
      expect(requests.filter((r) => r.startsWith('/pagefind/'))).toEqual([]);
      await tab.keyboard.type('粮食');
      await tab.keyboard.press('Enter');
      await tab.waitForURL(/\/zh\/search\/\?q=/);
      const found = await answer(tab);
      expect(found.urls.length).toBeGreaterThan(0);
      const pagefind = requests.filter((r) => r.startsWith('/pagefind/'));
      expect(pagefind).toContain('/pagefind/pagefind.js');
      expect(pagefind.some((r) => r.includes('zh-hans'))).toBe(true);
      // Only the Chinese index, and no worker script (Pagefind runs on the main thread).
      expect(pagefind.filter((r) => /[/.](en|ar|es|fr)[_.]/.test(r))).toEqual([]);
      expect(pagefind.filter((r) => r.includes('worker'))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
