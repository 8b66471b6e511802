/**
 * Audits a built site before it goes live: every page's language and direction,
 * its weight (HTML + CSS, gzip) against the first-round-trip budget, internal links
 * and assets that do not resolve, links that leave the page's locale without saying
 * so (hreflang), and hreflang alternates that point at a missing page or a page in
 * another language. Each problem names its page (`pageProblems`), so that the
 * release step can leave out the entry the page belongs to, or refuse the release
 * when no entry owns it. The weight of each page is reported.
 *
 * An audit runs in two steps. First the facts of each page (audit-facts.ts): parsed
 * and gzipped, which is most of the time, and taken from `cacheFile` for pages that
 * are the same file or whose bytes did not change since the last audit. Then the checks across pages, run on
 * every page every time, since an unchanged page can still break: the page it links
 * to may be gone or have changed language. The result is always that of a full audit.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defaultLocale, getLocale, isLocaleCode, type LocaleCode } from '@ssc/content-schemas';
import { contentHash, factsOf, readFactsCache, writeFactsCache, type FactsCache, type PageFacts } from './audit-facts.ts';

export { srcsetUrls } from './audit-facts.ts';

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

export interface AuditOptions {
  /**
   * A file to keep the facts of each page in between audits (created when missing):
   * pages whose bytes did not change are then not parsed again. A missing, damaged
   * or outdated file only makes the audit a full one.
   */
  cacheFile?: string;
}

interface Page {
  url: string;
  locale: LocaleCode | undefined;
  facts: PageFacts;
}

interface SiteFiles {
  /** Every file, relative to the site folder, with the platform's separators: what links may resolve to. */
  all: Set<string>;
  /** The HTML pages among them (regular files only). */
  pages: string[];
}

/**
 * Lists the site folder once, so that resolving a link is a lookup rather than a
 * stat. A symlink to a file counts as that file; a symlinked folder is not entered
 * (built sites have none).
 */
function listFiles(dir: string): SiteFiles {
  const files: SiteFiles = { all: new Set(), pages: [] };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file);
    if (entry.isFile()) {
      files.all.add(rel);
      if (entry.name.endsWith('.html')) files.pages.push(rel);
    } else if (entry.isSymbolicLink() && isFile(file)) {
      files.all.add(rel);
    }
  }
  return files;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The site path of a page file, e.g. en/news/x/index.html → /en/news/x/. */
function urlOf(rel: string): string {
  const slashed = rel.split(path.sep).join('/');
  return slashed.endsWith('index.html') ? `/${slashed.slice(0, -'index.html'.length)}` : `/${slashed}`;
}

/** The previous audit's facts, and those of this audit (exactly its pages) for the next one. */
interface CacheRound {
  file: string;
  previous: FactsCache;
  next: FactsCache;
}

/**
 * The facts of a page: the previous audit's when it is the same file (a page linked
 * from the previous release: same inode, modification time and size) or its bytes
 * are the same, else parsed; kept for the next audit either way.
 */
function cachedFactsOf(url: string, file: string, cache: CacheRound): PageFacts {
  const stat = fs.statSync(file, { bigint: true });
  const identity = `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  const previous = cache.previous.get(url);
  if (previous?.file === identity) {
    cache.next.set(url, previous);
    return previous.facts;
  }
  const bytes = fs.readFileSync(file);
  const hash = contentHash(bytes);
  const entry = { hash, file: identity, facts: previous?.hash === hash ? previous.facts : factsOf(bytes.toString('utf8')) };
  cache.next.set(url, entry);
  return entry.facts;
}

function readPages(dir: string, pageFiles: string[], cache: CacheRound | undefined): Page[] {
  const pages = pageFiles.map((rel): Page => {
    const url = urlOf(rel);
    const file = path.join(dir, rel);
    const first = url.split('/')[1];
    return { url, locale: isLocaleCode(first) ? first : undefined, facts: cache ? cachedFactsOf(url, file, cache) : factsOf(fs.readFileSync(file, 'utf8')) };
  });
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/**
 * Resolves a site path to its file in the build, or undefined: `…/` means
 * `…/index.html`, and only a file inside `dir` counts (never a folder). Memoized:
 * most pages share their header's and footer's links.
 */
function fileResolver(dir: string, files: Set<string>): (urlPath: string) => string | undefined {
  const resolve = (urlPath: string): string | undefined => {
    let clean: string;
    try {
      clean = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    const file = path.join(dir, clean.endsWith('/') ? `${clean}index.html` : clean);
    if (!file.startsWith(dir)) return undefined;
    return files.has(path.relative(dir, file)) ? file : undefined;
  };
  const memo = new Map<string, string | undefined>();
  return (urlPath) => {
    if (!memo.has(urlPath)) memo.set(urlPath, resolve(urlPath));
    return memo.get(urlPath);
  };
}

/** What the checks across pages share. */
interface SiteContext {
  origin: string;
  byUrl: Map<string, Page>;
  fileFor: (urlPath: string) => string | undefined;
  /** gzip bytes of a file (a stylesheet), read once per audit. */
  gzipOf: (file: string) => number;
  report: (page: string, message: string) => void;
}

function gzipSizer(): (file: string) => number {
  const sizes = new Map<string, number>();
  return (file) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(file)).length;
      sizes.set(file, size);
    }
    return size;
  };
}

/** A root-relative path that URL parsing would return unchanged: no dot segments, query, fragment or characters to encode. */
const PLAIN_PATH = /^(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9._~-]*)+$/;

/** The path of an internal URL, or null for another origin, fragments and data URLs. */
function internalPath(value: string, from: string, origin: string): string | null {
  if (value.startsWith('#') || value.startsWith('data:') || value.startsWith('mailto:')) return null;
  // Most links are plain paths, on this origin or root-relative: no need to parse them (a fifth of a warm audit).
  const local = value.startsWith(`${origin}/`) ? value.slice(origin.length) : value;
  if (!local.startsWith('//') && PLAIN_PATH.test(local)) return local;
  const url = new URL(value, `${origin}${from}`);
  return url.origin === origin ? url.pathname : null;
}

const isPagePath = (p: string) => !p.startsWith('/_astro/') && !p.startsWith('/media/') && !p.startsWith('/pagefind/');

function checkLanguage(page: Page, site: SiteContext): void {
  const expected = getLocale(page.locale ?? defaultLocale);
  const { lang, dir } = page.facts;
  if (lang !== expected.tag || dir !== expected.dir) {
    site.report(page.url, `<html lang="${lang}" dir="${dir}">, expected lang="${expected.tag}" dir="${expected.dir}"`);
  }
}

/** gzip bytes of the page's HTML plus its internal stylesheets; reported when over the budget. */
function weigh(page: Page, site: SiteContext): AuditedPage {
  let bytes = page.facts.gzipBytes;
  for (const href of page.facts.stylesheets) {
    const target = internalPath(href, page.url, site.origin);
    const file = target ? site.fileFor(target) : undefined;
    if (file) bytes += site.gzipOf(file);
  }
  if (bytes > PAGE_BUDGET_BYTES) site.report(page.url, `${bytes} bytes of HTML + CSS (gzip), over the ${PAGE_BUDGET_BYTES}-byte budget`);
  return { url: page.url, locale: page.locale, bytes };
}

function checkLinks(page: Page, site: SiteContext): void {
  for (const link of page.facts.links) {
    const target = internalPath(link.value, page.url, site.origin);
    if (target === null) continue;
    if (!site.fileFor(target)) {
      site.report(page.url, `broken link ${link.value}`);
      continue;
    }
    if (!page.locale || !isPagePath(target)) continue;
    const targetLocale = target.split('/')[1];
    if (link.hreflang) {
      const lang = site.byUrl.get(target)?.facts.lang;
      if (isLocaleCode(targetLocale) && lang !== link.hreflang)
        site.report(page.url, `link ${link.value} says hreflang="${link.hreflang}" but the page is lang="${lang}"`);
    } else if (isLocaleCode(targetLocale) && targetLocale !== page.locale) {
      site.report(page.url, `link ${link.value} leaves the page's language without hreflang`);
    }
  }
}

function checkAlternates(page: Page, site: SiteContext): void {
  for (const { hreflang, href } of page.facts.alternates) {
    const target = internalPath(href ?? '', page.url, site.origin);
    const targetPage = target ? site.byUrl.get(target) : undefined;
    if (!targetPage) {
      site.report(page.url, `hreflang="${hreflang}" alternate ${href} is not a page of this site`);
    } else if (hreflang !== 'x-default' && targetPage.facts.lang !== hreflang) {
      site.report(page.url, `hreflang="${hreflang}" alternate ${target} is not in that language`);
    }
  }
}

/** Audits the site in `dir`, built for the public origin `siteUrl`. */
export function auditSite(dir: string, siteUrl: string, options: AuditOptions = {}): SiteAudit {
  const origin = new URL(siteUrl).origin;
  const files = listFiles(dir);
  const cache: CacheRound | undefined = options.cacheFile
    ? { file: options.cacheFile, previous: readFactsCache(options.cacheFile), next: new Map() }
    : undefined;
  const pages = readPages(dir, files.pages, cache);
  const pageProblems: PageProblem[] = [];
  const site: SiteContext = {
    origin,
    byUrl: new Map(pages.map((p) => [p.url, p])),
    fileFor: fileResolver(dir, files.all),
    gzipOf: gzipSizer(),
    report: (page, message) => pageProblems.push({ page, message }),
  };

  const audited: AuditedPage[] = [];
  for (const page of pages) {
    checkLanguage(page, site);
    audited.push(weigh(page, site));
    checkLinks(page, site);
    checkAlternates(page, site);
  }
  if (cache) writeFactsCache(cache.file, cache.next);
  if (!audited.length) site.report(dir, 'no pages');
  const largest = audited.reduce((a, b) => (b.bytes > a.bytes ? b : a), audited[0] ?? { url: '-', locale: undefined, bytes: 0 });
  return { pages: audited, largest, problems: pageProblems.map((p) => `${p.page}: ${p.message}`), pageProblems };
}
