/**
 * Builds the static site from a content snapshot with Astro's programmatic API.
 * No CMS is involved: everything comes from `snapshotDir`, read by the content
 * layer loader (src/loaders/snapshot-loader.ts).
 *
 * Rebuilds reuse Astro's cache folder (`cacheDir`): the content layer's data store,
 * where entries whose digest did not change are skipped, and transformed images.
 * Astro drops that data store whenever its configuration changes, and the output
 * folder is part of it; so Astro always writes into the same folder inside the
 * cache, and the finished site is then moved to `outDir`.
 *
 * Incremental builds (the default) render only the paths whose data changed and link
 * the rest from the previous output (targeted-build.ts). Astro renders them one
 * language at a time (render-by-language.ts), and each language's search index is
 * made as soon as its pages are, while the next language renders; once the whole
 * site is in place, each index is checked against the pages found there, and made
 * again where they differ (search-index.ts). A language whose pages did not change
 * keeps its index.
 *
 * A failed build throws a SiteBuildError naming the pages whose rendering threw.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'astro';
import { withFailedPagesNoted } from './build-failure.ts';
import { withRemovalsHeld } from './background-removal.ts';
import { withLock } from './build-lock.ts';
import { cmsPublicUrl as cmsPublicUrlOf, DEFAULT_SITE_URL } from '@ssc/content-schemas';
import { createAstroConfig, incrementalByDefault, siteRoot } from './config.ts';
import { forgetBuildMemo } from '../src/lib/build-memo.ts';
import { setPlan, type BuildPlan } from '../src/lib/build-plan.ts';
import { setPreviewBuild } from '../src/lib/preview-mode.ts';
import { codeDigest, inputsDigest } from './build-inputs.ts';
import { linkOrCopy } from './file-links.ts';
import type { LanguageRenderHooks } from './render-by-language.ts';
import { withEarlyIndexing, writeSearchIndex, type EarlyIndexing } from './search-index.ts';
import { composeOutput, recordMoved, recordOutput, recordReused, startBuild } from './targeted-build.ts';

export interface BuildSiteOptions {
  /** A snapshot directory (manifest.json, entries/, media/). */
  snapshotDir: string;
  /** Where the static files go; emptied first by Astro. */
  outDir: string;
  /** The public origin used for canonical links, hreflang and the sitemap (default: SSC_SITE_URL, else http://127.0.0.1:4321). */
  siteUrl?: string;
  /** The CMS's public origin, where the learner forms post (default: SSC_CMS_PUBLIC_URL, else http://127.0.0.1:1337). */
  cmsPublicUrl?: string;
  /** Astro's cache folder, kept between builds (default: site/.astro/build-cache). */
  cacheDir?: string;
  /**
   * Reuse what did not change since the last build with this cache folder: pages whose
   * data and code are the same, and the search index of unchanged languages
   * (default: on, unless SSC_INCREMENTAL_BUILD=0; see lib/config.ts). When nothing
   * changed at all (the same snapshot content, code and options as the last build),
   * the last output is reused outright, as hard links (see targeted-build.ts).
   */
  incremental?: boolean;
  /**
   * Runs on the finished pages while Pagefind indexes them (in processes of its own),
   * e.g. the pre-release audit; its result comes back as `alongside`. It sees the
   * site without its search index.
   */
  alongsideSearch?: (siteDir: string) => unknown;
}

export interface BuiltSite {
  pages: number;
  seconds: number;
  /** Whether the last build's output was reused whole because nothing changed since. */
  reused: boolean;
  /** Output files (relative) of the paths Astro rendered, in a targeted build. */
  rendered: string[];
  /** Output files (relative) of the paths taken from the previous output, in a targeted build. */
  reusedPaths: string[];
  /** Languages (Pagefind's names) whose search index was reused because their pages did not change as Pagefind reads them. */
  searchReused: string[];
  /** What `alongsideSearch` returned. */
  alongside?: unknown;
  /** Seconds spent in each step: comparing inputs with the last build, Astro, linking the reused paths, the search index. */
  steps: { inputs: number; astro: number; compose: number; search: number };
}

export const DEFAULT_CACHE_DIR = path.join(siteRoot, '.astro', 'build-cache');

/** Counts the HTML pages of a built site. */
function countPages(dir: string): number {
  let pages = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) pages += 1;
  }
  return pages;
}

/** Builds in this process run one after another (they change the working directory). */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Astro renders pages by importing a server bundle it writes either into
 * `<outDir>/.prerender/` (when outDir lies under the working directory) or into
 * `<cwd>/.astro/`. That bundle imports packages by name, which Node only finds from
 * inside the repository. So the build runs from a fresh folder under site/.astro/:
 * the bundle then always lands inside the repository, in a folder of its own, and
 * two builds (of this or another process) never share it.
 */
async function inScratchDirectory<T>(task: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.join(siteRoot, '.astro'), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(siteRoot, '.astro', 'build-'));
  const previous = process.cwd();
  let moved = false;
  try {
    process.chdir(scratch);
    moved = true;
  } catch {
    // Worker threads cannot change directory: build from where we are (fine when that is inside the repository).
  }
  try {
    return await task();
  } finally {
    if (moved) process.chdir(previous);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Replaces `target` with the folder `source` (a rename, or a copy across file systems). */
function moveFolder(source: string, target: string): void {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    fs.renameSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(source, target, { recursive: true });
    fs.rmSync(source, { recursive: true, force: true });
  }
}

/**
 * Tells the cache folder that the output of its last build moved from `from` to `to`
 * (a release renamed into place), so the next build can still build on it.
 */
export function outputMoved(from: string, to: string, cacheDir = DEFAULT_CACHE_DIR): void {
  recordMoved(path.resolve(cacheDir), path.resolve(from), path.resolve(to));
}

/** Runs Astro on the snapshot into `stagingDir`, with `plan` (if any) deciding which paths it renders. */
async function runAstro(options: {
  snapshotDir: string;
  stagingDir: string;
  cacheDir: string;
  siteUrl: string | undefined;
  cmsPublicUrl: string;
  plan?: BuildPlan;
  renderHooks?: LanguageRenderHooks;
}): Promise<void> {
  // Astro would otherwise try to report usage over the network, which is not available here.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  setPlan(options.plan);
  try {
    await inScratchDirectory(() =>
      withFailedPagesNoted(() =>
        build({
          ...createAstroConfig({
            snapshotDir: options.snapshotDir,
            outDir: options.stagingDir,
            cacheDir: options.cacheDir,
            siteUrl: options.siteUrl,
            cmsPublicUrl: options.cmsPublicUrl,
            searchIndex: false,
            renderHooks: options.renderHooks,
          }),
          logLevel: process.env.SSC_BUILD_LOG_LEVEL === 'info' ? 'info' : 'warn',
        }),
      ),
    );
  } finally {
    setPlan(undefined);
    // What the pages worked out from the content is not needed after the build (see build-memo.ts).
    forgetBuildMemo();
  }
}

export function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  return oneAtATime(() =>
    // What the build replaces (a language's old search bundle) is deleted once it has ended, not while it writes.
    withLock(path.join(siteRoot, '.astro', 'build.lock'), () =>
      withRemovalsHeld(async () => {
        const started = performance.now();
        const snapshotDir = path.resolve(options.snapshotDir);
        const outDir = path.resolve(options.outDir);
        const cacheDir = path.resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
        const stagingDir = path.join(cacheDir, 'out');
        const incremental = options.incremental ?? incrementalByDefault();
        const siteUrl = options.siteUrl ?? process.env.SSC_SITE_URL;
        const cmsPublicUrl = options.cmsPublicUrl || cmsPublicUrlOf();
        const seconds = () => (performance.now() - started) / 1000;
        const steps = { inputs: 0, astro: 0, compose: 0, search: 0 };
        let stepStarted = performance.now();
        const step = (name: keyof typeof steps) => {
          const now = performance.now();
          steps[name] += (now - stepStarted) / 1000;
          stepStarted = now;
        };
        fs.rmSync(stagingDir, { recursive: true, force: true });

        /** The search index, with `alongsideSearch` run on the pages meanwhile. */
        const indexSearch = async (reuseFrom?: string, early?: EarlyIndexing) => {
          const searching = writeSearchIndex(stagingDir, reuseFrom ? { cacheDir: reuseFrom, early } : {});
          // Pagefind's processes are started: the callback runs meanwhile. Should it throw, the indexing still ends first.
          let alongside: { value: unknown } | { error: unknown };
          try {
            alongside = { value: options.alongsideSearch?.(stagingDir) };
          } catch (error) {
            alongside = { error };
          }
          const search = await searching;
          if ('error' in alongside) throw alongside.error;
          return { search, alongside: alongside.value };
        };

        if (!incremental) {
          await runAstro({ snapshotDir, stagingDir, cacheDir, siteUrl, cmsPublicUrl });
          step('astro');
          const { alongside } = await indexSearch();
          step('search');
          moveFolder(stagingDir, outDir);
          return { pages: countPages(outDir), seconds: seconds(), reused: false, rendered: [], reusedPaths: [], searchReused: [], alongside, steps };
        }

        const code = codeDigest(siteUrl ?? DEFAULT_SITE_URL, cmsPublicUrl);
        const start = startBuild(cacheDir, code, inputsDigest(code, snapshotDir), stagingDir);
        step('inputs');
        if ('reused' in start) {
          const alongside = options.alongsideSearch?.(stagingDir);
          moveFolder(stagingDir, outDir);
          recordReused(cacheDir, outDir);
          return { pages: start.reused, seconds: seconds(), reused: true, rendered: [], reusedPaths: [], searchReused: [], alongside, steps };
        }
        // Each language's search index is made as soon as its pages are rendered, while Astro renders the next.
        const { composed, paths, search, alongside } = await withEarlyIndexing(cacheDir, start.plan, stagingDir, async (early) => {
          await runAstro({ snapshotDir, stagingDir, cacheDir, siteUrl, cmsPublicUrl, plan: start.plan, renderHooks: early.hooks });
          early.renderingDone();
          step('astro');
          const output = composeOutput(stagingDir, start);
          step('compose');
          const indexed = await indexSearch(cacheDir, early);
          step('search');
          return { ...output, ...indexed };
        });
        moveFolder(stagingDir, outDir);
        const pages = countPages(outDir);
        recordOutput(cacheDir, start, outDir, pages, paths);
        step('compose');
        return {
          pages,
          seconds: seconds(),
          reused: false,
          rendered: composed.rendered,
          reusedPaths: composed.reused,
          searchReused: search.reused,
          alongside,
          steps,
        };
      }),
    ),
  );
}

export interface RenderPreviewOptions {
  /** A snapshot holding the draft in place of its published version. */
  snapshotDir: string;
  /** Where the rendered page (and the assets and media it uses) go; replaced whole. */
  outDir: string;
  /** The output files to render, e.g. `ar/news/some-slug/index.html`. */
  pages: string[];
  /** Astro's cache folder for previews: never the live builds' one. */
  cacheDir: string;
  /** The live builds' cache folder, whose optimized images the preview reuses (default: the site's own). */
  liveCacheDir?: string;
  siteUrl?: string;
}

/** Astro's folder of optimized images inside a cache folder. */
const IMAGES_DIR = 'assets';

/**
 * Links into the preview cache every optimized image of the live cache it lacks:
 * Astro names them by content and transform, so the preview's page shows them
 * without encoding them again (most of a cold render's time). Only new files are
 * linked, and Astro never rewrites an image it finds: the live cache is only read.
 */
function borrowImages(liveCacheDir: string, cacheDir: string): void {
  const from = path.join(liveCacheDir, IMAGES_DIR);
  if (!fs.existsSync(from)) return;
  const to = path.join(cacheDir, IMAGES_DIR);
  fs.mkdirSync(to, { recursive: true });
  const present = new Set(fs.readdirSync(to));
  for (const name of fs.readdirSync(from)) if (!present.has(name)) linkOrCopy(path.join(from, name), path.join(to, name));
}

/**
 * Renders only `pages` of the snapshot, as draft previews (banner, noindex): the same
 * components and CSS as the live site, without a search index, a release or a record
 * in any live build's cache folder. Runs one at a time with every other build.
 */
export function renderPreview(options: RenderPreviewOptions): Promise<{ seconds: number }> {
  return oneAtATime(() =>
    withLock(path.join(siteRoot, '.astro', 'build.lock'), async () => {
      const started = performance.now();
      const cacheDir = path.resolve(options.cacheDir);
      if (cacheDir === path.resolve(DEFAULT_CACHE_DIR)) throw new Error('a preview never uses the live build cache');
      const stagingDir = path.join(cacheDir, 'out');
      fs.rmSync(stagingDir, { recursive: true, force: true });
      borrowImages(path.resolve(options.liveCacheDir ?? DEFAULT_CACHE_DIR), cacheDir);
      const plan: BuildPlan = { previous: null, current: new Map(), rendered: new Set(), only: new Set(options.pages) };
      setPreviewBuild(true);
      try {
        const cmsPublicUrl = cmsPublicUrlOf();
        await runAstro({ snapshotDir: path.resolve(options.snapshotDir), stagingDir, cacheDir, siteUrl: options.siteUrl, cmsPublicUrl, plan });
      } finally {
        setPreviewBuild(false);
      }
      const missing = options.pages.filter((page) => !plan.rendered.has(page));
      if (missing.length) throw new Error(`the snapshot has no page ${missing.join(', ')}`);
      moveFolder(stagingDir, path.resolve(options.outDir));
      return { seconds: (performance.now() - started) / 1000 };
    }),
  );
}
