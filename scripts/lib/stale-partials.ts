/**
 * A pull or a build that is killed (not one that fails: those clean up) leaves its
 * `.partial-…` folder behind. Pruning removes such folders once they are a day old,
 * far longer than any pull or build runs, so a crash cannot grow the disk for good.
 * Pruning also deletes the `.trash-…` leftovers of background removals a killed
 * process did not finish (site/lib/background-removal.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { removeTrashIn } from '../../site/lib/background-removal.ts';

export const STALE_PARTIAL_MS = 24 * 60 * 60 * 1000;

/** Removes `.partial-*` folders in `dir` last changed more than `STALE_PARTIAL_MS` ago; returns their names. */
export function removeStalePartials(dir: string, now = Date.now()): string[] {
  if (!fs.existsSync(dir)) return [];
  removeTrashIn(dir);
  const removed: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    if (!entry.name.startsWith('.partial-')) continue;
    if (now - fs.statSync(folder).mtimeMs > STALE_PARTIAL_MS) {
      fs.rmSync(folder, { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}
