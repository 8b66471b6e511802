/**
 * Keeps Astro's incremental-build cache truthful when a build does not finish.
 *
 * Astro (experimental.incrementalBuild) keeps a copy of each rendered page in
 * `<cacheDir>/dist/` and, once every page is rendered, a manifest of the cache key
 * each copy was made for (`<cacheDir>/incremental-build.json`). A build that throws
 * or is killed half-way has already overwritten some copies with pages rendered from
 * its own data, but never wrote the manifest: the old manifest then vouches for
 * those copies under their old keys, and a later build with the old data (a release
 * built again without the entry that broke the first try, a snapshot rolled back)
 * would put the new pages on the site.
 *
 * So every build leaves a mark in the cache folder when it starts and removes it
 * when it ends well. A build that finds a mark forgets, from the manifest, every
 * page whose copy was written since that mark: those are rendered again.
 */
import fs from 'node:fs';
import path from 'node:path';

const MARK_FILE = 'ssc-build-running';
const MANIFEST_FILE = 'incremental-build.json';
const COPIES_DIR = 'dist';
/** Copies written this long before the mark still count as written by the unfinished build (clock granularity). */
const SLACK_MS = 2000;

interface Manifest {
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

/** Every file under `dir`, relative and `/`-separated, with its modification time. */
function filesWithTimes(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, file).split(path.sep).join('/'), fs.statSync(file).mtimeMs);
  }
  return found;
}

/**
 * Drops from the manifest every page whose cached copy was written at or after
 * `sinceMs`; returns how many were dropped. An unreadable manifest is deleted (the
 * next build is then a full one).
 */
export function forgetPagesWrittenSince(cacheDir: string, sinceMs: number): number {
  const manifestFile = path.join(cacheDir, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) return 0;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (!manifest.routes) throw new Error('no routes');
  } catch {
    fs.rmSync(manifestFile, { force: true });
    return 0;
  }
  const written = filesWithTimes(path.join(cacheDir, COPIES_DIR));
  let dropped = 0;
  for (const route of Object.values(manifest.routes)) {
    for (const [pathname, entry] of Object.entries(route.paths)) {
      const time = written.get(entry.outputFile);
      // A copy that is missing cannot be restored anyway; one written since the mark may hold the unfinished build's page.
      if (time === undefined || time >= sinceMs - SLACK_MS) {
        delete route.paths[pathname];
        dropped += 1;
      }
    }
  }
  if (dropped) fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return dropped;
}

/**
 * Call before a build: repairs the cache after an unfinished build, then marks this
 * one as running. Returns how many cached pages were forgotten.
 */
export function startCachedBuild(cacheDir: string): number {
  const mark = path.join(cacheDir, MARK_FILE);
  let forgotten = 0;
  if (fs.existsSync(mark)) {
    const since = Number(fs.readFileSync(mark, 'utf8'));
    forgotten = forgetPagesWrittenSince(cacheDir, Number.isFinite(since) ? since : 0);
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(mark, String(Date.now()));
  return forgotten;
}

/** Call after a build that finished: its manifest and copies agree. */
export function finishCachedBuild(cacheDir: string): void {
  fs.rmSync(path.join(cacheDir, MARK_FILE), { force: true });
}
