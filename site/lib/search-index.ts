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
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AstroIntegration } from 'astro';
import { locales } from '@ssc/content-schemas';
import type { BuildPlan } from '../src/lib/build-plan.ts';
import type { LanguageRenderHooks } from './render-by-language.ts';
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
  /** Languages indexed while Astro rendered (startEarlyIndexing with the same `cacheDir`): used where made from the pages found now. */
  early?: EarlyIndexing;
}

/** A view folder's name: the bundle's, with this after it. */
const VIEW_SUFFIX = '.pages';
/** Pagefind's glob for every HTML page of its site. */
const ALL_PAGES = '**/*.{html}';

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

/** Whether the bundle in `bundleDir` was made from pages with this fingerprint (see fingerprintOf). */
function bundleMadeFrom(bundleDir: string, fingerprint: string): boolean {
  const file = path.join(bundleDir, FINGERPRINT_FILE);
  return fs.existsSync(file) && fs.readFileSync(file, 'utf8') === fingerprint;
}

/**
 * Indexes one language's pages into `bundleDir`, with Pagefind's unused interfaces
 * removed, the date order written and the first-search files precompressed. Pagefind
 * reads the pages of `site` that `glob` matches: either a view, a folder of links to
 * only the pages it indexes (those with `data-pagefind-body`) at their paths in the
 * site, so that it does not parse the language's lists and other pages only to skip
 * them (a third of its files); or, where making that view would cost more than
 * Pagefind's parsing, the site itself with the glob of the language's folder. The
 * index is the same either way.
 */
async function indexLanguage(source: { site: string; glob: string }, language: string, bundleDir: string, fingerprint: string): Promise<void> {
  const kept = readCacheFile(path.join(bundleDir, FRAGMENT_DATES_FILE));
  const knownDates = isCacheObject(kept)
    ? (Object.fromEntries(Object.entries(kept).filter(([, date]) => date === null || typeof date === 'string')) as Record<string, string | null>)
    : {};
  // The previous bundle (thousands of files) leaves in the background.
  removeInBackground(bundleDir);
  const args = ['--site', source.site, '--glob', source.glob, '--output-path', bundleDir, '--exclude-selectors', FOREIGN_TEXT_SELECTOR, '--quiet'];
  try {
    await promisify(execFile)(PAGEFIND_BINARY, args, {
      env: { ...process.env, [INDEX_CHUNK_SIZE_VARIABLE]: String(INDEX_CHUNK_SIZE) },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Pagefind failed to index the ${language} pages:\n${[stderr, stdout].filter(Boolean).join('\n') || (error as Error).message}`, {
      cause: error,
    });
  }
  const entry = JSON.parse(fs.readFileSync(path.join(bundleDir, ENTRY_FILE), 'utf8')) as PagefindEntry;
  const others = Object.keys(entry.languages).filter((lang) => lang !== language);
  if (others.length > 0) throw new Error(`Pagefind found pages in ${others.join(', ')} among the ${language} pages: a page without the right <html lang>?`);
  for (const file of UNUSED_BUNDLE_FILES) fs.rmSync(path.join(bundleDir, file), { force: true });
  precompressSearchBundle(bundleDir, PRECOMPRESSED_CACHE_DIR);
  const { dates } = writeDateOrders(bundleDir, knownDates);
  writeCacheFile(path.join(bundleDir, FRAGMENT_DATES_FILE), dates);
  // Last: a bundle is only ever taken for these pages once it is whole.
  fs.writeFileSync(path.join(bundleDir, FINGERPRINT_FILE), fingerprint);
}

/**
 * indexLanguage() over a view folder made of `pages` (relative, each from its folder
 * `from`), at their paths in the site; the view is removed afterwards.
 */
async function indexFromView(
  view: string,
  pages: { from: string; pages: string[] }[],
  language: string,
  bundleDir: string,
  fingerprint: string,
): Promise<void> {
  removeInBackground(view);
  for (const { from, pages: files } of pages) for (const page of files) linkOrCopy(path.join(from, page), path.join(view, page));
  try {
    await indexLanguage({ site: view, glob: ALL_PAGES }, language, bundleDir, fingerprint);
  } finally {
    removeInBackground(view);
  }
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
  const pages = scanLanguages(siteDir, options.cacheDir && path.join(options.cacheDir, BUNDLES_DIR, PAGE_FACTS_FILE), options.early?.rendered);
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
    // Bundles made while the pages rendered count where they were made from the pages found here.
    const early = options.cacheDir && options.early ? await options.early.settled() : new Map<string, EarlyIndex>();
    const stale = languages.filter((language) => {
      const fingerprint = pages.get(language)!.fingerprint;
      const made = early.get(language);
      // An early run that failed is not trusted either: the language is indexed again (and fails the build if that fails too).
      if (made?.fingerprint === fingerprint && !made.error) {
        if (made.reused) reused.push(language);
        return false;
      }
      const fresh = Boolean(options.cacheDir) && bundleMadeFrom(path.join(bundlesRoot, language), fingerprint);
      if (fresh) reused.push(language);
      return !fresh;
    });
    // Each Pagefind process mostly keeps one core busy: one language per core.
    await inParallel(
      stale.map((language) => async () => {
        const bundleDir = path.join(bundlesRoot, language);
        const { pages: files, fingerprint } = pages.get(language)!;
        await indexFromView(`${bundleDir}${VIEW_SUFFIX}`, [{ from: siteDir, pages: files }], language, bundleDir, fingerprint);
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

/** What a language's bundle made while Astro rendered was made from, and how that went. */
export interface EarlyIndex {
  fingerprint: string;
  /** The bundle of the last build was made from the same pages, and is kept. */
  reused: boolean;
  error?: unknown;
}

export interface EarlyIndexing {
  /** For renderByLanguage(): the pages as they render, and when a locale folder is done. */
  readonly hooks: LanguageRenderHooks;
  /** What each page rendered so far gives Pagefind, by output file. */
  readonly rendered: ReadonlyMap<string, RenderedFacts>;
  /** Astro has rendered every page: languages left are indexed on every core. */
  renderingDone(): void;
  /** The build failed: pages not written yet never will be, and are not waited for. */
  abandon(): void;
  /** Once every index started has ended: each language's, by Pagefind's name. Never throws. */
  settled(): Promise<Map<string, EarlyIndex>>;
}

/** The size of a file, or -1 when there is none. */
function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

/** How long to wait for Astro to write a page it rendered before giving up on indexing it early. */
const WRITE_WAIT_MS = 120_000;

/**
 * Settles once each file of `files` (relative to `dir`) has its size: Astro writes a
 * page right after its render returns, in one write (a page is far below Node's
 * write-chunk size), and into a folder emptied before the build.
 */
async function whenWritten(dir: string, files: ReadonlyMap<string, number>, abandoned: () => boolean): Promise<void> {
  const deadline = Date.now() + WRITE_WAIT_MS;
  for (const [file, size] of files) {
    while (sizeOf(path.join(dir, file)) !== size) {
      if (abandoned() || Date.now() > deadline) throw new Error(`Astro did not write ${file}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/**
 * Indexes each language as soon as its locale folder is rendered into `siteDir`,
 * while Astro renders the next one (site/lib/render-by-language.ts). A language's
 * pages are the ones rendered now and, in a targeted build, those of the folder that
 * `plan` reuses from the previous output. One language is indexed at a time until
 * `renderingDone()` (Astro keeps the other core busy), then one per core.
 * writeSearchIndex() then takes each bundle only where it was made from the pages it
 * finds in the finished site, and indexes again any other language.
 */
function startEarlyIndexing(cacheDir: string, plan: BuildPlan, siteDir: string): EarlyIndexing {
  const bundlesRoot = path.join(cacheDir, BUNDLES_DIR);
  fs.mkdirSync(bundlesRoot, { recursive: true });
  removeTrashIn(bundlesRoot);
  const known = readPageFacts(path.join(bundlesRoot, PAGE_FACTS_FILE));
  /** Per locale folder: the digest of each indexed page, the byte size of those rendered now, their languages. */
  const folders = new Map<string, { pages: Map<string, string>; rendered: Map<string, number>; langs: Set<string> }>();
  const results = new Map<string, Promise<EarlyIndex>>();
  const rendered = new Map<string, RenderedFacts>();

  let abandoned = false;
  let limit = 1;
  let running = 0;
  const waiting: (() => void)[] = [];
  const pump = () => {
    while (running < limit && waiting.length) {
      running += 1;
      waiting.shift()!();
    }
  };
  const scheduled = (task: () => Promise<void>) =>
    new Promise<void>((resolve, reject) => {
      waiting.push(() =>
        task()
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            pump();
          }),
      );
      pump();
    });

  const folderOf = (folder: string) => {
    let found = folders.get(folder);
    if (!found) folders.set(folder, (found = { pages: new Map(), rendered: new Map(), langs: new Set() }));
    return found;
  };

  /** Indexes `language` from the folder's pages: straight from the site when all were rendered now, else from a view. */
  const indexFolder = (folder: string, language: string, rendered: string[], reused: string[], bundleDir: string, fingerprint: string) =>
    reused.length
      ? indexFromView(
          path.join(bundlesRoot, `${folder}.early${VIEW_SUFFIX}`),
          [
            { from: siteDir, pages: rendered },
            { from: plan.previousDir!, pages: reused },
          ],
          language,
          bundleDir,
          fingerprint,
        )
      : indexLanguage({ site: siteDir, glob: `${folder}/${ALL_PAGES}` }, language, bundleDir, fingerprint);

  const hooks: LanguageRenderHooks = {
    page(folder, output, html) {
      const facts = htmlFacts(Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('utf8'));
      rendered.set(output, { size: html.byteLength, ...facts });
      if (!facts.lang) return;
      const found = folderOf(folder);
      found.pages.set(output, facts.digest);
      found.rendered.set(output, html.byteLength);
      found.langs.add(facts.lang);
    },
    folderDone(folder) {
      const found = folderOf(folder);
      const reused: string[] = [];
      if (plan.previous && plan.previousDir) {
        for (const output of plan.current.keys()) {
          if (!output.startsWith(`${folder}/`) || !output.endsWith('.html') || plan.rendered.has(output)) continue;
          const facts = pageFacts(plan.previousDir, output, known[output]);
          if (!facts.lang) continue;
          found.pages.set(output, facts.digest);
          found.langs.add(facts.lang);
          reused.push(output);
        }
      }
      const [language] = found.langs;
      // A folder of several languages, or a language in several folders: left to writeSearchIndex().
      if (found.langs.size !== 1 || results.has(language)) {
        for (const lang of found.langs) {
          // Made from only part of its pages: never the final bundle (once any run into its folder has ended).
          const before = results.get(lang) ?? Promise.resolve();
          results.set(
            lang,
            before.then(() => ({ fingerprint: '', reused: false })),
          );
        }
        return;
      }
      const fingerprint = languageFingerprint([folder], found.pages);
      const bundleDir = path.join(bundlesRoot, language);
      if (bundleMadeFrom(bundleDir, fingerprint)) {
        results.set(language, Promise.resolve({ fingerprint, reused: true }));
        return;
      }
      const indexed = whenWritten(siteDir, found.rendered, () => abandoned).then(() =>
        scheduled(() => indexFolder(folder, language, [...found.rendered.keys()], reused, bundleDir, fingerprint)),
      );
      results.set(
        language,
        indexed.then(
          () => ({ fingerprint, reused: false }),
          (error: unknown) => ({ fingerprint, reused: false, error }),
        ),
      );
    },
  };

  return {
    hooks,
    rendered,
    renderingDone() {
      limit = os.availableParallelism();
      pump();
    },
    abandon() {
      abandoned = true;
    },
    async settled() {
      const done = new Map<string, EarlyIndex>();
      for (const [language, result] of results) done.set(language, await result);
      return done;
    },
  };
}

/**
 * Runs `task` (a build) with each language indexed early (startEarlyIndexing). Should
 * the task fail, pages not written yet are no longer waited for; either way it ends
 * only once the Pagefind processes it started have: the next build writes where they do.
 */
export async function withEarlyIndexing<T>(cacheDir: string, plan: BuildPlan, siteDir: string, task: (early: EarlyIndexing) => Promise<T>): Promise<T> {
  const early = startEarlyIndexing(cacheDir, plan, siteDir);
  try {
    return await task(early);
  } catch (error) {
    early.abandon();
    throw error;
  } finally {
    await early.settled();
  }
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

/** What Pagefind takes from a page: its language (null when nothing of it is indexed) and a digest of what it reads. */
function htmlFacts(html: string): Omit<PageFacts, 'file'> {
  const lang = html.includes('data-pagefind-body') ? (HTML_LANG.exec(html)?.[1]?.toLowerCase() ?? null) : null;
  return { lang, digest: lang ? createHash('sha256').update(searchedPart(html)).digest('hex') : '' };
}

/** What a page rendered in this build gave Pagefind, with its size in bytes. */
export interface RenderedFacts extends Omit<PageFacts, 'file'> {
  size: number;
}

function pageFacts(siteDir: string, file: string, known: PageFacts | undefined, rendered?: RenderedFacts): PageFacts {
  const stat = fs.statSync(path.join(siteDir, file), { bigint: true });
  const identity = `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  // A page reused from the previous release is a hard link to the same file: read it again only when it is another file.
  if (known?.file === identity) return known;
  // A page rendered in this build was read as Astro handed it over (and written whole, in one write).
  if (rendered && BigInt(rendered.size) === stat.size) return { file: identity, lang: rendered.lang, digest: rendered.digest };
  return { file: identity, ...htmlFacts(fs.readFileSync(path.join(siteDir, file), 'utf8')) };
}

/** A language's fingerprint over its indexed pages: `pages` maps each (relative) file to its digest. */
function languageFingerprint(folders: string[], pages: ReadonlyMap<string, string>): string {
  const digest = createHash('sha256');
  for (const file of [...pages.keys()].sort()) digest.update(`\n${file}\n${pages.get(file)}`);
  return fingerprintOf(folders, digest.digest('hex'));
}

/**
 * The languages that have indexed pages (`data-pagefind-body`), by Pagefind's name
 * for them (the lowercased `<html lang>`). With `cacheFile`, a page whose file is the
 * one read last time (the same inode, modification time and size: a page linked
 * from the previous release) is not read again.
 */
function scanLanguages(siteDir: string, cacheFile?: string, rendered?: ReadonlyMap<string, RenderedFacts>): Map<string, LanguagePages> {
  const known = cacheFile ? readPageFacts(cacheFile) : {};
  const facts: Record<string, PageFacts> = {};
  const found = new Map<string, { folders: Set<string>; pages: Map<string, string> }>();
  for (const file of htmlFiles(siteDir)) {
    const page = (facts[file] = pageFacts(siteDir, file, known[file], rendered?.get(file)));
    if (!page.lang) continue;
    const top = file.includes('/') ? file.slice(0, file.indexOf('/')) : '';
    if (!top) throw new Error(`The indexed page ${file} lies at the site's root: the search index is made per language folder`);
    let language = found.get(page.lang);
    if (!language) found.set(page.lang, (language = { folders: new Set(), pages: new Map() }));
    language.folders.add(top);
    language.pages.set(file, page.digest);
  }
  if (cacheFile) writeCacheFile(cacheFile, { kind: BUNDLE_CODE, pages: facts });
  return new Map(
    [...found].map(([lang, { folders, pages }]) => {
      const sorted = [...folders].sort();
      return [lang, { folders: sorted, pages: [...pages.keys()], fingerprint: languageFingerprint(sorted, pages) }];
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
