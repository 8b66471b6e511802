/**
 * The full-text search index: Pagefind's command, over the built HTML, written to
 * `<site>/pagefind/`. It runs as the last step of every build (buildSite() calls it
 * once the whole site is in place; the integration below does it for the Astro CLI),
 * and any Pagefind error fails the build.
 *
 * Pagefind makes one index per exact `<html lang>` value, so each locale gets its own
 * index under its BCP-47 tag (zh-Hans included). What goes in is decided by the pages:
 * only elements marked `data-pagefind-body` (item pages, theme pages) are indexed,
 * `data-pagefind-ignore` keeps lists and boilerplate out, and text carrying its own
 * `lang` inside indexed content is excluded here so it never pollutes the index of the
 * page's language.
 */
import { execFile } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AstroIntegration } from 'astro';
import { locales } from '@ssc/content-schemas';
import { isCacheObject, readCacheFile, writeCacheFile } from './cache-file.ts';
import { removeInBackground, removeTrashIn } from './background-removal.ts';
import { linkOrCopy } from './file-links.ts';
import { writeDateOrders } from './search-date-order.ts';
import { precompressSearchBundle } from './search-precompress.ts';

/** The installed Pagefind package's folder, found the way Node finds the package. */
function pagefindPackageDir(): string {
  for (const dir of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    if (fs.existsSync(path.join(dir, 'pagefind', 'package.json'))) return path.join(dir, 'pagefind');
  }
  throw new Error('Pagefind is not installed');
}
const PAGEFIND_DIR = pagefindPackageDir();
/** Its version: a new one may write other files. */
const PAGEFIND_VERSION = (JSON.parse(fs.readFileSync(path.join(PAGEFIND_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Pagefind's extended binary (CJK segmentation), from the platform package the
 * `pagefind` package installs beside itself. Indexing runs it as a command, one
 * process per language: on the reference corpus that is about 1.7 s per language
 * against 2.5–3 s through the Node API's single indexing service, and two languages
 * can be indexed at once.
 */
function pagefindBinary(): string {
  const platformPackage = `@pagefind/${process.platform}-${process.env.npm_config_arch || os.arch()}`;
  return createRequire(path.join(PAGEFIND_DIR, 'package.json')).resolve(`${platformPackage}/bin/pagefind_extended`);
}
const PAGEFIND_BINARY = pagefindBinary();

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

interface PagefindEntry {
  version: string;
  languages: Record<string, { page_count: number }>;
}

/** Bump when what goes into a language's bundle changes, so cached bundles are made again. */
const BUNDLE_FORMAT = 5;
/** Where a language's bundle and its fingerprint are kept between builds, inside the build's cache folder. */
const BUNDLES_DIR = 'search-index';
const FINGERPRINT_FILE = '.fingerprint';
const ENTRY_FILE = 'pagefind-entry.json';
/** The date of each fragment of a language's bundle, for its next date order (kept in the cache, never shipped). */
const FRAGMENT_DATES_FILE = '.fragment-dates.json';

export interface SearchIndexOptions {
  /** Keeps each language's bundle here and reuses it while that language's pages are unchanged; without it, every language is indexed. */
  cacheDir?: string;
}

export interface SearchIndexRun extends SearchIndexReport {
  /** Languages whose bundle was reused from the previous build. */
  reused: string[];
}

/** Puts every file of `from` (recursively) into `to`, except the names in `skip`. */
function placeTree(from: string, to: string, skip: Set<string>): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(target, { recursive: true });
      placeTree(source, target, new Set());
    } else if (!fs.existsSync(target)) linkOrCopy(source, target);
  }
}

/**
 * Indexes one language's pages into `bundleDir`, with Pagefind's unused interfaces
 * removed, the date order written and the first-search files precompressed.
 * Pagefind reads only the pages it indexes (`pages`, those with
 * `data-pagefind-body`): they are linked into a folder of their own, at the same
 * paths, so that Pagefind does not parse the language's lists and other pages only
 * to skip them (a third of its files). The index is the same either way.
 */
async function indexLanguage(siteDir: string, language: string, pages: string[], bundleDir: string): Promise<void> {
  const kept = readCacheFile(path.join(bundleDir, FRAGMENT_DATES_FILE));
  const knownDates = isCacheObject(kept)
    ? (Object.fromEntries(Object.entries(kept).filter(([, date]) => date === null || typeof date === 'string')) as Record<string, string | null>)
    : {};
  // The previous bundle (thousands of files) and any leftover view leave in the background.
  removeInBackground(bundleDir);
  const view = `${bundleDir}.pages`;
  removeInBackground(view);
  for (const page of pages) linkOrCopy(path.join(siteDir, page), path.join(view, page));
  const args = ['--site', view, '--glob', '**/*.{html}', '--output-path', bundleDir, '--exclude-selectors', FOREIGN_TEXT_SELECTOR, '--quiet'];
  try {
    await promisify(execFile)(PAGEFIND_BINARY, args, {
      env: { ...process.env, [INDEX_CHUNK_SIZE_VARIABLE]: String(INDEX_CHUNK_SIZE) },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `Pagefind failed to index the ${language} pages of ${siteDir}:\n${[stderr, stdout].filter(Boolean).join('\n') || (error as Error).message}`,
      {
        cause: error,
      },
    );
  } finally {
    removeInBackground(view);
  }
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, ENTRY_FILE), 'utf8')) as PagefindEntry;
  const others = Object.keys(entry.languages).filter((lang) => lang !== language);
  if (others.length > 0) throw new Error(`Pagefind found pages in ${others.join(', ')} among the ${language} pages: a page without the right <html lang>?`);
  for (const file of UNUSED_BUNDLE_FILES) fs.rmSync(path.join(bundleDir, file), { force: true });
  precompressSearchBundle(bundleDir, PRECOMPRESSED_CACHE_DIR);
  const { dates } = writeDateOrders(bundleDir, knownDates);
  writeCacheFile(path.join(bundleDir, FRAGMENT_DATES_FILE), dates);
}

/** Runs `tasks` with at most `limit` of them at a time; fails with the first failure once all have settled. */
async function inParallel(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  const queue = [...tasks];
  const failures: unknown[] = [];
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) await task().catch((error: unknown) => failures.push(error));
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  if (failures.length) throw failures[0];
}

/**
 * Indexes the built site in `siteDir` and writes the bundle to `<siteDir>/pagefind/`.
 *
 * Each language is indexed on its own (Pagefind keeps languages apart anyway, so the
 * files are the same as one run over the whole site would make) and the bundles are
 * put together. With a `cacheDir`, a language whose pages did not change since the
 * last build (the same HTML files with the same bytes) keeps its previous bundle:
 * Pagefind has no incremental indexing, and one changed page changes most of its
 * language's files, but never another language's.
 */
export async function writeSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexRun> {
  const started = performance.now();
  const outputPath = path.join(siteDir, SEARCH_BUNDLE_DIR);
  fs.rmSync(outputPath, { recursive: true, force: true });
  const known = new Set(locales.map((l) => l.tag.toLowerCase()));
  const pages = scanLanguages(siteDir, options.cacheDir && path.join(options.cacheDir, BUNDLES_DIR, PAGE_FACTS_FILE));
  const strays = [...pages.keys()].filter((lang) => !known.has(lang));
  if (strays.length > 0) {
    throw new Error(`Pagefind indexed pages in languages the site does not have: ${strays.join(', ')} (a page without the right <html lang>?)`);
  }
  if (pages.size === 0) throw new Error(`Pagefind found no HTML page to index in ${siteDir}`);

  const bundlesRoot = options.cacheDir ? path.join(options.cacheDir, BUNDLES_DIR) : fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-search-index-'));
  removeTrashIn(bundlesRoot);
  const reused: string[] = [];
  const languages = [...pages.keys()].sort();
  try {
    const stale = languages.filter((language) => {
      const fingerprintFile = path.join(bundlesRoot, language, FINGERPRINT_FILE);
      const fresh =
        Boolean(options.cacheDir) && fs.existsSync(fingerprintFile) && fs.readFileSync(fingerprintFile, 'utf8') === pages.get(language)!.fingerprint;
      if (fresh) reused.push(language);
      return !fresh;
    });
    // Each Pagefind process mostly keeps one core busy: one language per core.
    await inParallel(
      stale.map((language) => async () => {
        const bundleDir = path.join(bundlesRoot, language);
        await indexLanguage(siteDir, language, pages.get(language)!.pages, bundleDir);
        fs.writeFileSync(path.join(bundleDir, FINGERPRINT_FILE), pages.get(language)!.fingerprint);
      }),
      os.availableParallelism(),
    );
    // Put the languages' bundles together; Pagefind's script is the same in each.
    fs.mkdirSync(outputPath, { recursive: true });
    let merged: PagefindEntry | undefined;
    for (const language of languages) {
      const bundleDir = path.join(bundlesRoot, language);
      placeTree(bundleDir, outputPath, new Set([ENTRY_FILE, FINGERPRINT_FILE, FRAGMENT_DATES_FILE]));
      const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, ENTRY_FILE), 'utf8')) as PagefindEntry;
      merged = merged ? { ...merged, languages: { ...merged.languages, ...entry.languages } } : entry;
    }
    fs.writeFileSync(path.join(outputPath, ENTRY_FILE), JSON.stringify(merged));
  } finally {
    if (!options.cacheDir) fs.rmSync(bundlesRoot, { recursive: true, force: true });
  }

  const entry = JSON.parse(fs.readFileSync(path.join(outputPath, ENTRY_FILE), 'utf8')) as PagefindEntry;
  const counts = Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count]));
  return {
    languages: counts,
    pages: Object.values(counts).reduce((sum, n) => sum + n, 0),
    seconds: (performance.now() - started) / 1000,
    reused,
  };
}

interface LanguagePages {
  /** The site's top-level folders that hold the language's indexed pages. */
  folders: string[];
  /** The indexed pages (relative, sorted). */
  pages: string[];
  /** What the language's bundle is made from (see fingerprintOf). */
  fingerprint: string;
}

const HTML_LANG = /<html\b[^>]*\blang="([^"]+)"/i;

/** What a page brings to its language's fingerprint: its language (null when nothing of it is indexed) and the digest of what Pagefind reads. */
interface PageFacts {
  /** `inode:mtime:size` of the file the facts were read from. */
  file: string;
  lang: string | null;
  digest: string;
}

/** Where the facts of the last build's pages are kept (in the search cache folder). */
const PAGE_FACTS_FILE = 'pages.json';

const isPageFacts = (v: unknown): v is PageFacts =>
  isCacheObject(v) && typeof v.file === 'string' && (v.lang === null || typeof v.lang === 'string') && typeof v.digest === 'string';

/** Page facts kept by code of this kind only: another fingerprinting code must read every page again. */
function readPageFacts(file: string): Record<string, PageFacts> {
  const content = readCacheFile(file);
  if (!isCacheObject(content) || content.kind !== BUNDLE_CODE || !isCacheObject(content.pages)) return {};
  return Object.fromEntries(Object.entries(content.pages).filter(([, facts]) => isPageFacts(facts))) as Record<string, PageFacts>;
}

function pageFacts(siteDir: string, file: string, known: PageFacts | undefined): PageFacts {
  const stat = fs.statSync(path.join(siteDir, file), { bigint: true });
  const identity = `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  // A page reused from the previous release is a hard link to the same file: read it again only when it is another file.
  if (known?.file === identity) return known;
  const html = fs.readFileSync(path.join(siteDir, file), 'utf8');
  const lang = html.includes('data-pagefind-body') ? (HTML_LANG.exec(html)?.[1]?.toLowerCase() ?? null) : null;
  return { file: identity, lang, digest: lang ? createHash('sha256').update(searchedPart(html)).digest('hex') : '' };
}

/**
 * The languages that have indexed pages (`data-pagefind-body`), by Pagefind's name
 * for them (the lowercased `<html lang>`). With `cacheFile`, a page whose file is the
 * one read last time (the same inode, modification time and size: a page linked
 * from the previous release) is not read again.
 */
function scanLanguages(siteDir: string, cacheFile?: string): Map<string, LanguagePages> {
  const known = cacheFile ? readPageFacts(cacheFile) : {};
  const facts: Record<string, PageFacts> = {};
  const found = new Map<string, { folders: Set<string>; files: string[]; pages: Hash }>();
  for (const file of htmlFiles(siteDir)) {
    const page = (facts[file] = pageFacts(siteDir, file, known[file]));
    if (!page.lang) continue;
    const top = file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
    if (!top) throw new Error(`The indexed page ${file} lies at the site's root: the search index is made per language folder`);
    let language = found.get(page.lang);
    if (!language) found.set(page.lang, (language = { folders: new Set(), files: [], pages: createHash('sha256') }));
    language.folders.add(top);
    language.files.push(file);
    language.pages.update(`\n${file}\n${page.digest}`);
  }
  if (cacheFile) writeCacheFile(cacheFile, { kind: BUNDLE_CODE, pages: facts });
  return new Map(
    [...found].map(([lang, { folders, files, pages }]) => {
      const sorted = [...folders].sort();
      return [lang, { folders: sorted, pages: files, fingerprint: fingerprintOf(sorted, pages.digest('hex')) }];
    }),
  );
}

/** Every HTML file of the site (relative, `/`-separated, sorted), Pagefind's own folder left out. */
function htmlFiles(siteDir: string, under = ''): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(siteDir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (rel !== SEARCH_BUNDLE_DIR) files.push(...htmlFiles(siteDir, rel));
    } else if (entry.name.endsWith('.html')) files.push(rel);
  }
  return files.sort();
}

/** The code that makes a language's bundle: a change to it makes every bundle again. */
const BUNDLE_CODE = createHash('sha256')
  .update(
    ['./search-index.ts', './search-date-order.ts', './search-precompress.ts', '../src/lib/search-result-fields.ts']
      .map((file) => fs.readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'))
      .join('\n'),
  )
  .digest('hex');

/** The other-language versions a page's <head> announces: hreflang alternates and Open Graph alternate locales. */
const ALTERNATE_LINKS = /<link rel="alternate" hreflang="[^"]*" href="[^"]*">|<meta property="og:locale:alternate" content="[^"]*">/g;
const SITE_HEADER = '<header class="site-header">';

/**
 * A page as Pagefind reads it, for the fingerprint: without the other-language
 * versions its <head> announces and its site header (navigation, language switcher), which Pagefind does not index
 * (only `data-pagefind-*` content is) and which change on every translation of an
 * item when one of its translations is published or unpublished. A header that
 * carries anything for Pagefind is kept.
 */
function searchedPart(html: string): string {
  const text = html.replace(ALTERNATE_LINKS, '');
  const start = text.indexOf(SITE_HEADER);
  const end = start < 0 ? -1 : text.indexOf('</header>', start);
  if (end < 0 || text.slice(start, end).includes('data-pagefind')) return text;
  return text.slice(0, start) + text.slice(end + '</header>'.length);
}

/** What a language's bundle is made from: its indexed pages as Pagefind reads them (a digest), its folders and the indexing settings. */
function fingerprintOf(folders: string[], pagesDigest: string): string {
  return createHash('sha256')
    .update(JSON.stringify([BUNDLE_FORMAT, PAGEFIND_VERSION, BUNDLE_CODE, INDEX_CHUNK_SIZE, FOREIGN_TEXT_SELECTOR, UNUSED_BUNDLE_FILES, folders, pagesDigest]))
    .digest('hex');
}

/**
 * Builds the search index when Astro has written the site. With `reuse`, the bundles
 * of unchanged languages are kept in Astro's cache folder and reused.
 */
export function searchIndexIntegration(options: { reuse?: boolean } = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'ssc:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = options.reuse ? fileURLToPath(config.cacheDir) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const report = await writeSearchIndex(fileURLToPath(dir), { cacheDir });
        const counts = Object.entries(report.languages)
          .map(([lang, n]) => `${lang} ${n}`)
          .join(', ');
        const reused = report.reused.length ? `; reused the unchanged ${report.reused.join(', ')}` : '';
        logger.info(`indexed ${report.pages} pages (${counts}) in ${report.seconds.toFixed(1)} s${reused}`);
      },
    },
  };
}
