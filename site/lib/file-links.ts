/**
 * Hard links instead of copies for build outputs that are the same bytes as files
 * already on disk (a previous release, a cached search index). A hard link needs
 * both names on one file system; where it is refused, the file is copied.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Creates `target` (and its folder) as a hard link to `source`, or a copy where a link is refused. */
export function linkOrCopy(source: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    fs.linkSync(source, target);
  } catch {
    fs.copyFileSync(source, target);
  }
}
