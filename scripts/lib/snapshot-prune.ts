/**
 * Snapshots kept on disk: the newest `keep` of them, and always the one `latest`
 * points at. Media no snapshot or release links to any more leave the media store, and
 * day-old leftovers of killed pulls go too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pruneMediaStore } from './media-store.ts';
import { removeStalePartials } from './stale-partials.ts';

/** Snapshot ids in `snapshotsDir`, oldest first (ids are ISO times; dot names and `latest` are not snapshots). */
export function listSnapshots(snapshotsDir: string): string[] {
  if (!fs.existsSync(snapshotsDir)) return [];
  return fs
    .readdirSync(snapshotsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

/** The snapshot id `<snapshotsDir>/latest` points at, or null. */
export function latestSnapshot(snapshotsDir: string): string | null {
  try {
    return path.basename(fs.readlinkSync(path.join(snapshotsDir, 'latest')));
  } catch {
    return null;
  }
}

export function pruneSnapshots(snapshotsDir: string, keep: number): { removed: string[]; media: { files: number; bytes: number } } {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`snapshots to keep must be a whole number of at least 1, not ${keep}`);
  const latest = latestSnapshot(snapshotsDir);
  const all = listSnapshots(snapshotsDir);
  const removed = all.slice(0, Math.max(0, all.length - keep)).filter((id) => id !== latest);
  for (const id of removed) fs.rmSync(path.join(snapshotsDir, id), { recursive: true, force: true });
  removeStalePartials(snapshotsDir);
  return { removed, media: pruneMediaStore(snapshotsDir) };
}
