/**
 * Builds the static site from a content snapshot with Astro's programmatic API.
 * No CMS is involved: everything comes from `snapshotDir`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'astro';
import { createAstroConfig, siteRoot } from './config.ts';

export interface BuildSiteOptions {
  /** A snapshot directory (manifest.json, entries/, media/). */
  snapshotDir: string;
  /** Where the static files go; emptied first by Astro. */
  outDir: string;
  /** The public origin used for canonical links, hreflang and the sitemap (default: SSC_SITE_URL, else http://127.0.0.1:4321). */
  siteUrl?: string;
}

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

export function buildSite(options: BuildSiteOptions): Promise<{ pages: number; seconds: number }> {
  return oneAtATime(async () => {
    const started = performance.now();
    const snapshotDir = path.resolve(options.snapshotDir);
    const outDir = path.resolve(options.outDir);
    // Astro would otherwise try to report usage over the network, which is not available here.
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    await inScratchDirectory(() =>
      build({
        ...createAstroConfig({ snapshotDir, outDir, siteUrl: options.siteUrl ?? process.env.SSC_SITE_URL }),
        logLevel: process.env.SSC_BUILD_LOG_LEVEL === 'info' ? 'info' : 'warn',
      }),
    );
    return { pages: countPages(outDir), seconds: (performance.now() - started) / 1000 };
  });
}
