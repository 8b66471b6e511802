/**
 * A new release shares its files with what is already on disk instead of keeping
 * fresh copies of them:
 * - `media/…` files become hard links to the same files of the snapshot it was
 *   built from (which are themselves links into the snapshots' media store);
 * - files under `_astro/` (optimized images, CSS, scripts: named by hash) and
 *   `pagefind/`, and the sitemap files, that the previous release holds byte for
 *   byte become hard links to those (the sitemap lists every page: megabytes at
 *   10,000 entries, rewritten by every build, and the same unless a page came or
 *   went).
 * It runs after the build and audit, before the release is renamed into place and
 * goes live, and swaps each file atomically. Where two folders cannot be linked
 * (different file systems) the copy stays and the caller logs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MEDIA_DIR } from '@ssc/content-schemas';
import { replaceWithLink, sameBytes, sameInode } from './file-links.ts';

/** Folders of a release whose files are shared with the previous release when identical. */
const HASHED_FOLDERS = ['_astro', 'pagefind'];
/** Files at a release's root shared the same way. */
const SHARED_ROOT_FILE = /^sitemap.*\.xml$/;

export interface SharedFiles {
  /** Files that are now (or already were) another name of a file outside this release. */
  linked: number;
  /** Their bytes: what this release does not add to the disk. */
  bytes: number;
  /** Files that could have been shared but stay copies (the file system refused the link). */
  copies: number;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function shareReleaseFiles(options: { releaseDir: string; snapshotDir: string; previousReleaseDir?: string | null }): SharedFiles {
  const shared: SharedFiles = { linked: 0, bytes: 0, copies: 0 };
  const share = (file: string, source: string) => {
    const size = fs.statSync(file).size;
    if (sameInode(file, source) || replaceWithLink(source, file)) {
      shared.linked += 1;
      shared.bytes += size;
    } else shared.copies += 1;
  };

  // The build copied these from the snapshot, path for path.
  for (const file of filesUnder(path.join(options.releaseDir, MEDIA_DIR))) {
    const source = path.join(options.snapshotDir, path.relative(options.releaseDir, file));
    if (fs.existsSync(source) && fs.statSync(source).size === fs.statSync(file).size) share(file, source);
  }

  const previous = options.previousReleaseDir;
  if (previous && fs.existsSync(previous)) {
    const rootFiles = fs
      .readdirSync(options.releaseDir)
      .filter((name) => SHARED_ROOT_FILE.test(name))
      .map((name) => path.join(options.releaseDir, name));
    for (const file of [...HASHED_FOLDERS.flatMap((folder) => filesUnder(path.join(options.releaseDir, folder))), ...rootFiles]) {
      const source = path.join(previous, path.relative(options.releaseDir, file));
      if (fs.existsSync(source) && sameBytes(file, source)) share(file, source);
    }
  }
  return shared;
}
