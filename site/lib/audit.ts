/**
 * Audits a built site before it goes live: every page's language and direction,
 * its weight (HTML + CSS, gzip) against the first-round-trip budget, internal links
 * and assets that do not resolve, links that leave the page's locale without saying
 * so (hreflang), and hreflang alternates that point at a missing page or a page in
 * another language. Each problem names its page (`pageProblems`), so that the
 * release step can leave out the entry the page belongs to, or refuse the release
 * when no entry owns it. The weight of each page is reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { getLocale, isLocaleCode, type LocaleCode } from '@ssc/content-schemas';

/** HTML + CSS of a page, gzip: what fits the first TCP round trip (initial window ≈ 14.6 KB). */
export const PAGE_BUDGET_BYTES = 14 * 1024;

export interface AuditedPage {
  /** The site path, e.g. /en/news/x/ or /404.html. */
  url: string;
  locale: LocaleCode | undefined;
  /** gzip bytes of the HTML plus its stylesheets. */
  bytes: number;
}

/** One problem of one page: the page's site path and what is wrong with it. */
export interface PageProblem {
  page: string;
  message: string;
}

export interface SiteAudit {
  pages: AuditedPage[];
  largest: AuditedPage;
  /** Each problem names the page and what is wrong with it (`<page>: <message>`). */
  problems: string[];
  /** The same problems, with the page apart (to find the entry a page belongs to). */
  pageProblems: PageProblem[];
}

interface ParsedPage {
  url: string;
  locale: LocaleCode | undefined;
  html: string;
  doc: HTMLElement;
}

function readPages(dir: string): ParsedPage[] {
  const pages: ParsedPage[] = [];
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const url = rel.endsWith('index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
    const html = fs.readFileSync(file, 'utf8');
    const first = url.split('/')[1];
    pages.push({ url, locale: isLocaleCode(first) ? first : undefined, html, doc: parse(html) });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** URLs named by a srcset attribute. */
export const srcsetUrls = (srcset: string): string[] =>
  srcset.split(',').map((part) => part.trim().split(/\s+/)[0]).filter((u): u is string => Boolean(u));

interface Link {
  value: string;
  hreflang: string | undefined;
}

function linksOf(doc: HTMLElement): Link[] {
  const links: Link[] = [];
  for (const el of doc.querySelectorAll('a[href], link[href]')) {
    if (el.getAttribute('rel') === 'canonical' || el.getAttribute('rel') === 'alternate') continue;
    links.push({ value: el.getAttribute('href')!, hreflang: el.getAttribute('hreflang') });
  }
  for (const el of doc.querySelectorAll('img[src], video[src], source[src], track[src], video[poster]')) {
    for (const attr of ['src', 'poster']) {
      const value = el.getAttribute(attr);
      if (value) links.push({ value, hreflang: undefined });
    }
  }
  for (const el of doc.querySelectorAll('[srcset]')) {
    for (const value of srcsetUrls(el.getAttribute('srcset')!)) links.push({ value, hreflang: undefined });
  }
  return links;
}

/** Audits the site in `dir`, built for the public origin `siteUrl`. */
export function auditSite(dir: string, siteUrl: string): SiteAudit {
  const origin = new URL(siteUrl).origin;
  const pages = readPages(dir);
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const pageProblems: PageProblem[] = [];
  const report = (page: string, message: string) => pageProblems.push({ page, message });
  const gzipCache = new Map<string, number>();

  /** The file a site path names in the build, or undefined. */
  const fileFor = (urlPath: string): string | undefined => {
    let clean: string;
    try {
      clean = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    const file = path.join(dir, clean.endsWith('/') ? `${clean}index.html` : clean);
    if (!file.startsWith(dir)) return undefined;
    return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
  };
  const gzipOf = (file: string): number => {
    let size = gzipCache.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(file)).length;
      gzipCache.set(file, size);
    }
    return size;
  };
  /** The path of an internal URL, or null for another origin, fragments and data URLs. */
  const internalPath = (value: string, from: string): string | null => {
    if (value.startsWith('#') || value.startsWith('data:') || value.startsWith('mailto:')) return null;
    const url = new URL(value, `${origin}${from}`);
    return url.origin === origin ? url.pathname : null;
  };
  const isPagePath = (p: string) => !p.startsWith('/_astro/') && !p.startsWith('/media/') && !p.startsWith('/pagefind/');

  const audited: AuditedPage[] = [];
  for (const page of pages) {
    const html = page.doc.querySelector('html');
    const expected = getLocale(page.locale ?? 'en');
    if (html?.getAttribute('lang') !== expected.tag || html.getAttribute('dir') !== expected.dir) {
      report(page.url, `<html lang="${html?.getAttribute('lang')}" dir="${html?.getAttribute('dir')}">, expected lang="${expected.tag}" dir="${expected.dir}"`);
    }

    let bytes = zlib.gzipSync(page.html).length;
    for (const sheet of page.doc.querySelectorAll('link[rel="stylesheet"]')) {
      const target = internalPath(sheet.getAttribute('href') ?? '', page.url);
      const file = target ? fileFor(target) : undefined;
      if (file) bytes += gzipOf(file);
    }
    audited.push({ url: page.url, locale: page.locale, bytes });
    if (bytes > PAGE_BUDGET_BYTES) report(page.url, `${bytes} bytes of HTML + CSS (gzip), over the ${PAGE_BUDGET_BYTES}-byte budget`);

    for (const link of linksOf(page.doc)) {
      const target = internalPath(link.value, page.url);
      if (target === null) continue;
      if (!fileFor(target)) {
        report(page.url, `broken link ${link.value}`);
        continue;
      }
      if (!page.locale || !isPagePath(target)) continue;
      const targetLocale = target.split('/')[1];
      if (link.hreflang) {
        const targetPage = byUrl.get(target);
        const lang = targetPage?.doc.querySelector('html')?.getAttribute('lang');
        if (isLocaleCode(targetLocale) && lang !== link.hreflang) report(page.url, `link ${link.value} says hreflang="${link.hreflang}" but the page is lang="${lang}"`);
      } else if (isLocaleCode(targetLocale) && targetLocale !== page.locale) {
        report(page.url, `link ${link.value} leaves the page's language without hreflang`);
      }
    }

    for (const alternate of page.doc.querySelectorAll('link[rel="alternate"][hreflang]')) {
      const lang = alternate.getAttribute('hreflang')!;
      const target = internalPath(alternate.getAttribute('href') ?? '', page.url);
      const targetPage = target ? byUrl.get(target) : undefined;
      if (!targetPage) {
        report(page.url, `hreflang="${lang}" alternate ${alternate.getAttribute('href')} is not a page of this site`);
      } else if (lang !== 'x-default' && targetPage.doc.querySelector('html')?.getAttribute('lang') !== lang) {
        report(page.url, `hreflang="${lang}" alternate ${target} is not in that language`);
      }
    }
  }
  if (!audited.length) report(dir, 'no pages');
  const largest = audited.reduce((a, b) => (b.bytes > a.bytes ? b : a), audited[0] ?? { url: '-', locale: undefined, bytes: 0 });
  return { pages: audited, largest, problems: pageProblems.map((p) => `${p.page}: ${p.message}`), pageProblems };
}
