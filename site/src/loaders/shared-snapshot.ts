/**
 * The snapshot a build reads, validated once (content-schemas' readSnapshot) and
 * shared by everything in the build's process that needs it: the content layer's
 * loader during the content sync, and the pages rendered by the server bundle Astro
 * imports afterwards. Those are separate module instances (Vite's module runner,
 * then the bundle), so the one copy lives on `globalThis`.
 *
 * A copy is reused only while the snapshot is the same one on disk: the same real
 * folder, and the same manifest and entry files (inode, modification time, size).
 * Only the latest snapshot is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collections, entriesFile, localeCodes, MANIFEST_FILE, readSnapshot, type Snapshot } from '@ssc/content-schemas';

const SHARED = Symbol.for('ssc.site.snapshot');

interface SharedSnapshot {
  key: string;
  snapshot: Snapshot;
}

type Holder = { [SHARED]?: SharedSnapshot };

/** What identifies the snapshot's files on disk as they are now. */
function identityOf(dir: string): string {
  const files = [MANIFEST_FILE, ...collections.flatMap((c) => localeCodes.map((l) => entriesFile(c.name, l)))];
  const stats = files.map((file) => {
    const stat = fs.statSync(path.join(dir, file), { bigint: true, throwIfNoEntry: false });
    return stat ? `${stat.ino}:${stat.mtimeNs}:${stat.size}` : '-';
  });
  return `${fs.existsSync(dir) ? fs.realpathSync(dir) : dir}\n${stats.join('\n')}`;
}

/** The snapshot in `dir`, read and validated at most once while its files stay the same. */
export function sharedSnapshot(dir: string): Snapshot {
  const holder = globalThis as Holder;
  const key = identityOf(dir);
  const shared = holder[SHARED];
  if (shared?.key === key) return shared.snapshot;
  // Drop the old copy first: two snapshots of a large site need not be in memory at once.
  holder[SHARED] = undefined;
  const snapshot = readSnapshot(dir);
  holder[SHARED] = { key, snapshot };
  return snapshot;
}

/**
 * Hands the build a snapshot already read and validated (the release step checks
 * every entry itself): the build then does not read it again while its files stay
 * the same.
 */
export function shareSnapshot(dir: string, snapshot: Snapshot): void {
  (globalThis as Holder)[SHARED] = { key: identityOf(dir), snapshot };
}
