/**
 * The media store: every snapshot media file is kept once, under its content name,
 * in `<snapshotsDir>/.media/`, and each snapshot's media/ holds hard links to it
 * (releases link to the same inodes, see release-media.ts). Pulling the same
 * media a thousand times costs no bytes after the first.
 *
 * It also remembers which content name each CMS file had (keyed by its url,
 * updatedAt, size and hash: Strapi keeps a file's url when it is replaced, but
 * not its updatedAt), so a pull links a file it already has instead of
 * downloading it again. A stale or missing memory only costs a download.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cannotLink, linkOrCopy, replaceWithLink } from './file-links.ts';

/** The store's folder inside the snapshots folder (a dot name: never taken for a snapshot). */
export const MEDIA_STORE_DIR = '.media';
const INDEX_FILE = '.index.json';

/** What the CMS's REST API says about an uploaded file (the fields the store uses). */
export interface CmsFile {
  url?: unknown;
  updatedAt?: unknown;
  size?: unknown;
  hash?: unknown;
}

/** The store key of a CMS file, or null when the CMS does not say enough to trust one. */
export function cmsFileKey(file: CmsFile): string | null {
  if (typeof file.url !== 'string' || typeof file.updatedAt !== 'string') return null;
  return [file.url, file.updatedAt, String(file.size ?? ''), String(file.hash ?? '')].join('\n');
}

/** Strapi's file size: kilobytes with two decimals. */
const strapiKilobytes = (bytes: number) => Math.round((bytes / 1000) * 100) / 100;

export class MediaStore {
  readonly dir: string;
  private readonly index: Record<string, string>;
  private readonly learned = new Map<string, string>();

  constructor(snapshotsDir: string) {
    this.dir = path.join(snapshotsDir, MEDIA_STORE_DIR);
    fs.mkdirSync(this.dir, { recursive: true });
    this.index = readIndex(this.dir);
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }

  /**
   * The content name of a CMS file the store already holds, or null. The stored
   * file's size must still match the size the CMS gives.
   */
  known(file: CmsFile): string | null {
    const key = cmsFileKey(file);
    const name = key ? (this.learned.get(key) ?? this.index[key]) : undefined;
    if (!name) return null;
    try {
      const { size } = fs.statSync(this.file(name));
      if (typeof file.size === 'number' && strapiKilobytes(size) !== file.size) return null;
      return name;
    } catch {
      return null;
    }
  }

  /** The size in bytes of a stored file. */
  size(name: string): number {
    return fs.statSync(this.file(name)).size;
  }

  /**
   * Makes `target` (a path that does not exist yet) show the stored file `name`.
   * Null when the store does not hold it (e.g. pruned since `known` answered).
   */
  linkOut(name: string, target: string): 'linked' | 'copied' | null {
    try {
      return linkOrCopy(this.file(name), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /**
   * Takes a freshly written file into the store under its content name: the file
   * becomes one more name of the stored copy (its own bytes, when the store had
   * none yet; the store's, when it had). False when the two cannot be linked.
   */
  adopt(name: string, file: string): boolean {
    const stored = this.file(name);
    try {
      fs.linkSync(file, stored);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return replaceWithLink(stored, file);
      if (cannotLink(error)) return false;
      throw error;
    }
  }

  /** Remembers the content name of a CMS file for the next pull (written by `save`). */
  remember(file: CmsFile, name: string): void {
    const key = cmsFileKey(file);
    if (key) this.learned.set(key, name);
  }

  /**
   * Writes what this pull learned into the index, merged with what other pulls
   * wrote since, dropping keys whose file the store no longer holds.
   */
  save(): void {
    const merged = { ...readIndex(this.dir), ...Object.fromEntries(this.learned) };
    writeIndex(this.dir, merged);
  }
}

function readIndex(dir: string): Record<string, string> {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function writeIndex(dir: string, index: Record<string, string>): void {
  const kept = Object.fromEntries(Object.entries(index).filter(([, name]) => fs.existsSync(path.join(dir, name))));
  const next = path.join(dir, `${INDEX_FILE}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.writeFileSync(next, JSON.stringify(kept));
  fs.renameSync(next, path.join(dir, INDEX_FILE));
}

/**
 * Removes stored files that no snapshot or release links to any more (a link
 * count of one: the store's own name), and forgets them in the index.
 */
export function pruneMediaStore(snapshotsDir: string): { files: number; bytes: number } {
  const dir = path.join(snapshotsDir, MEDIA_STORE_DIR);
  if (!fs.existsSync(dir)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file);
    if (stat.isFile() && stat.nlink === 1) {
      fs.rmSync(file, { force: true });
      files += 1;
      bytes += stat.size;
    }
  }
  if (files) writeIndex(dir, readIndex(dir));
  return { files, bytes };
}
