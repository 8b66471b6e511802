/**
 * Releases: every site build goes into its own folder under releases/, and going
 * live is one atomic symlink swap of `live` → releases/<id>. A failed build never
 * touches `live`. Older releases stay for rollback (the newest `keep` of them,
 * and always the live one); a pruned release's build report goes with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { removeInBackground, removeStalePartials } from './stale-partials.ts';

export interface ReleasePaths {
  releasesDir: string;
  /** The symlink the web server serves. */
  liveLink: string;
}

/** Builds into a fresh release folder with `build(outDir)`, then switches `live` to it. */
export async function publishRelease<T>(paths: ReleasePaths, build: (outDir: string) => Promise<T>, keep = 5): Promise<{ id: string; dir: string; result: T }> {
  fs.mkdirSync(paths.releasesDir, { recursive: true });
  const id = new Date().toISOString().replace(/[:.]/g, '-');
  const partial = path.join(paths.releasesDir, `.partial-${id}`);
  let result: T;
  try {
    result = await build(partial);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  const dir = path.join(paths.releasesDir, id);
  fs.renameSync(partial, dir);
  switchLive(paths, id);
  pruneReleases(paths, keep);
  return { id, dir, result };
}

/** Points `live` at releases/<id> atomically (a new symlink renamed over the old one). */
export function switchLive(paths: ReleasePaths, id: string): void {
  const target = path.join(paths.releasesDir, id);
  if (!fs.existsSync(target)) throw new Error(`no release ${id} in ${paths.releasesDir}`);
  const next = `${paths.liveLink}.next-${process.pid}`;
  fs.rmSync(next, { force: true });
  fs.symlinkSync(path.relative(path.dirname(paths.liveLink), target), next);
  fs.renameSync(next, paths.liveLink);
}

/** Release ids, oldest first. */
export function listReleases(paths: ReleasePaths): string[] {
  if (!fs.existsSync(paths.releasesDir)) return [];
  return fs
    .readdirSync(paths.releasesDir)
    .filter((n) => !n.startsWith('.'))
    .sort();
}

export function currentRelease(paths: ReleasePaths): string | null {
  try {
    return path.basename(fs.readlinkSync(paths.liveLink));
  } catch {
    return null;
  }
}

/** Where build reports are kept: beside the releases, never served with them. */
export function releaseReportsDir(paths: ReleasePaths): string {
  return path.join(paths.releasesDir, '.reports');
}

/**
 * Keeps the newest `keep` releases and the live one, and the build reports of the
 * releases kept; removes the rest (and day-old leftovers of killed builds). Returns
 * the ids removed.
 */
export function pruneReleases(paths: ReleasePaths, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`releases to keep must be a whole number of at least 1, not ${keep}`);
  const live = currentRelease(paths);
  const all = listReleases(paths);
  const removed = all.slice(0, Math.max(0, all.length - keep)).filter((id) => id !== live);
  for (const id of removed) removeInBackground(path.join(paths.releasesDir, id));
  removeStalePartials(paths.releasesDir);
  const kept = new Set(listReleases(paths));
  const reports = releaseReportsDir(paths);
  if (fs.existsSync(reports)) {
    for (const file of fs.readdirSync(reports)) {
      if (file.endsWith('.json') && !kept.has(file.slice(0, -'.json'.length))) fs.rmSync(path.join(reports, file), { force: true });
    }
  }
  return removed;
}
