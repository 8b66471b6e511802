/**
 * Folders that go out of sight at once and leave the disk in the background: a
 * pruned release, a language's previous search bundle. Tens of thousands of files
 * take seconds to delete on a busy machine, and nothing waits for them. The folder is
 * renamed to a `.trash-…` sibling (instant), then deleted asynchronously; a process
 * killed meanwhile leaves that folder behind, and `removeTrashIn` deletes such
 * leftovers the next time.
 *
 * While a build runs (`holdRemovals`), deletions wait: removing thousands of files
 * competes for the file system with the build writing thousands (Pagefind's output
 * slows by a fifth), on the path to the site going live. They start when it ends.
 */
import fs from 'node:fs';
import path from 'node:path';

export const TRASH_PREFIX = '.trash-';

/** Folders this process is deleting in the background, and when each is done. */
const deleting = new Map<string, Promise<void>>();

/** Builds running in this process, and the folders waiting for them to end. */
let holds = 0;
const held = new Set<string>();

/** Deletes `folder` in the background (it is already out of sight), once no build holds deletions; never throws. */
function discard(folder: string): void {
  if (holds > 0) {
    held.add(folder);
    return;
  }
  const done = fs.promises
    .rm(folder, { recursive: true, force: true })
    .catch(() => undefined)
    .finally(() => deleting.delete(folder));
  deleting.set(folder, done);
}

/** Takes `folder` out of sight at once (a rename to a `.trash-…` sibling) and deletes it in the background. */
export function removeInBackground(folder: string): void {
  const trash = path.join(path.dirname(folder), `${TRASH_PREFIX}${path.basename(folder)}-${process.pid}-${Date.now()}-${deleting.size}`);
  try {
    fs.renameSync(folder, trash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    fs.rmSync(folder, { recursive: true, force: true });
    return;
  }
  discard(trash);
}

/** Deletes, in the background, the `.trash-…` folders in `dir` that this process is not already deleting. */
export function removeTrashIn(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const folder = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name.startsWith(TRASH_PREFIX) && !deleting.has(folder) && !held.has(folder)) discard(folder);
  }
}

/** Settles when every deletion this process started in the background has ended (for tests and tools that measure the disk). */
export async function backgroundRemovals(): Promise<void> {
  while (deleting.size) await Promise.all(deleting.values());
}

/** Holds deletions back while a build runs; the function returned lets them go (once every hold is let go). */
export function holdRemovals(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds > 0) return;
    const waiting = [...held];
    held.clear();
    for (const folder of waiting) discard(folder);
  };
}

/** Runs `task` with deletions held back until it ends. */
export async function withRemovalsHeld<T>(task: () => Promise<T>): Promise<T> {
  const letGo = holdRemovals();
  try {
    return await task();
  } finally {
    letGo();
  }
}
