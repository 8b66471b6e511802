/**
 * Folders that go out of sight at once and leave the disk in the background: a
 * pruned release, a language's previous search bundle. Tens of thousands of files
 * take seconds to delete on a busy machine, and nothing waits for them. The folder is
 * renamed to a `.trash-…` sibling (instant), then deleted asynchronously; a process
 * killed meanwhile leaves that folder behind, and `removeTrashIn` deletes such
 * leftovers the next time.
 */
import fs from 'node:fs';
import path from 'node:path';

export const TRASH_PREFIX = '.trash-';

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
    if (entry.isDirectory() && entry.name.startsWith(TRASH_PREFIX) && !deleting.has(folder)) discard(folder);
  }
}

/** Settles when every deletion this process started in the background has ended (for tests and tools that measure the disk). */
export async function backgroundRemovals(): Promise<void> {
  while (deleting.size) await Promise.all(deleting.values());
}
