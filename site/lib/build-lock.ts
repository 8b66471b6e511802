/**
 * One site build at a time per site folder, across processes: Astro keeps
 * generated files of a build (the content layer's image import list, types) in
 * the project's own .astro/ folder, which two simultaneous builds would overwrite
 * for each other.
 *
 * The lock is proper-lockfile's: a directory (mkdir is atomic) whose modification
 * time the holder refreshes while it builds. A lock left by a process that died,
 * however it died, is taken over once it has not been refreshed for STALE_MS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';

/**
 * How old a lock must be to count as abandoned. The holder refreshes it every
 * UPDATE_MS from a timer, so a build that keeps Node busy without a break (a full
 * audit, reading a large snapshot) must not last longer than their difference.
 */
export const STALE_MS = 120_000;
const UPDATE_MS = 15_000;
const RETRY_MS = 250;

/** Takes the lock at `lockDir`, waiting up to `timeoutMs` for its holder; returns its release. */
async function take(lockDir: string, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await lockfile.lock(path.dirname(lockDir), {
        lockfilePath: lockDir,
        realpath: false,
        stale: STALE_MS,
        update: UPDATE_MS,
        // Another process took the lock over (this one stalled for longer than STALE_MS): say so, and finish.
        onCompromised: (error) => console.warn(`[build] the build lock ${lockDir} was taken over by another process: ${error.message}`),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir} (another build is running)`, { cause: error });
      await sleep(RETRY_MS);
    }
  }
}

export async function withLock<T>(lockDir: string, task: () => Promise<T>, timeoutMs = 30 * 60_000): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const release = await take(lockDir, timeoutMs);
  try {
    return await task();
  } finally {
    await release().catch(() => undefined);
  }
}
