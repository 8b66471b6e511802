/**
 * Hard links instead of copies: one set of bytes on disk, however many snapshots
 * and releases show the file. A hard link needs both names on one file system;
 * where that fails (EXDEV, or a file system without hard links) these helpers
 * copy instead and tell the caller, who logs it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

/** Whether a link error means "these two names cannot share an inode" (so a copy is the way). */
export function cannotLink(error: unknown): boolean {
  return CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '');
}

/** Whether two paths name the same inode. */
export function sameInode(a: string, b: string): boolean {
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/**
 * Creates `target` (which must not exist yet) as a hard link to `source`, or as a
 * copy of it when the two cannot be linked.
 */
export function linkOrCopy(source: string, target: string): 'linked' | 'copied' {
  try {
    fs.linkSync(source, target);
    return 'linked';
  } catch (error) {
    if (!cannotLink(error)) throw error;
    fs.copyFileSync(source, target);
    return 'copied';
  }
}

/**
 * Replaces the existing file `target` with a hard link to `source`, atomically
 * (a new name linked, then renamed over it: a reader sees the old file or the link).
 * Returns false, leaving `target` as it was, when the two cannot be linked.
 */
export function replaceWithLink(source: string, target: string): boolean {
  const next = path.join(path.dirname(target), `.link-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.linkSync(source, next);
  } catch (error) {
    if (cannotLink(error)) return false;
    throw error;
  }
  try {
    fs.renameSync(next, target);
  } catch (error) {
    fs.rmSync(next, { force: true });
    throw error;
  }
  return true;
}

/** Read buffers shared by every comparison: a release compares thousands of small files, and fresh megabyte buffers for each cost more than the reading. */
const CHUNK = 1 << 16;
const bufA = Buffer.alloc(CHUNK);
const bufB = Buffer.alloc(CHUNK);

/** Whether two files hold the same bytes (read in chunks: media can be large). */
export function sameBytes(a: string, b: string): boolean {
  if (fs.statSync(a).size !== fs.statSync(b).size) return false;
  const [fdA, fdB] = [fs.openSync(a, 'r'), fs.openSync(b, 'r')];
  try {
    for (;;) {
      const readA = fs.readSync(fdA, bufA, 0, CHUNK, null);
      const readB = fs.readSync(fdB, bufB, 0, CHUNK, null);
      if (readA !== readB) return false;
      if (readA === 0) return true;
      if (!bufA.subarray(0, readA).equals(bufB.subarray(0, readB))) return false;
    }
  } finally {
    fs.closeSync(fdA);
    fs.closeSync(fdB);
  }
}
