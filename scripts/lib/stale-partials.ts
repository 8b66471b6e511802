/**
 * A pull or a build that is killed (not one that fails: those clean up) leaves its
 * `.partial-…` folder behind. Pruning removes such folders once they are a day old,
 * far longer than any pull or build runs, so a crash cannot grow the disk for good.
 *
 * A pruned release is renamed out of sight at once (`.trash-…`) and deleted in the
 * background (tens of thousands of files take seconds on a busy machine, and the
 * next publish need not wait for them); a process killed meanwhile leaves its
 * `.trash-…` folder, which the next pruning removes.
 */
import fs from 'node:fs';
import path from 'node:path';

export const STALE_PARTIAL_MS = 24 * 60 * 60 * 1000;

/** Removes `.partial-*` folders in `dir` last changed more than `STALE_PARTIAL_MS` ago; returns their names. */
export function removeStalePartials(dir: string, now = Date.now()): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    if (entry.name.startsWith(TRASH_PREFIX) && !deleting.has(folder)) {
      discard(folder);
      continue;
    }
    if (!entry.name.startsWith('.partial-')) continue;
    if (now - fs.statSync(folder).mtimeMs > STALE_PARTIAL_MS) {
      fs.rmSync(folder, { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  return removed;
}

const TRASH_PREFIX = '.trash-';
/** Folders this process is deleting in the background, and when each is done. */
const deleting = new Map<string, Promise<void>>();

/** Deletes `folder` in the background (it is already out of sight); never throws. */
function discard(folder: string): void {
  const done = fs.promises
    .rm(folder, { recursive: true, force: true })
    .catch(() => undefined)
    .finally(() => deleting.delete(folder));
  deleting.set(folder, done);
}

/** Settles when every deletion this process started in the background has ended (for tests and tools that measure the disk). */
export async function backgroundRemovals(): Promise<void> {
  while (deleting.size) await Promise.all(deleting.values());
}

/** Takes `folder` out of sight at once (a rename to a `.trash-…` sibling) and deletes it in the background. */
export function removeInBackground(folder: string): void {
  const trash = path.join(path.dirname(folder), `${TRASH_PREFIX}${path.basename(folder)}-${process.pid}-${Date.now()}`);
  try {
    fs.renameSync(folder, trash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    fs.rmSync(folder, { recursive: true, force: true });
    return;
  }
  discard(trash);
}
