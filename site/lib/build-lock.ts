/**
 * One site build at a time per site folder, across processes: Astro keeps
 * generated files of a build (the content layer's image import list, types) in
 * the project's own .astro/ folder, which two simultaneous builds would overwrite
 * for each other. The lock is a directory (mkdir is atomic) holding the owner's
 * process id; a lock whose owner is gone is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(lockDir: string): boolean {
  try {
    fs.mkdirSync(lockDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
    } catch {
      // being created or removed right now: try again later
      return false;
    }
    if (owner === process.pid || alive(owner)) return false;
    fs.rmSync(lockDir, { recursive: true, force: true });
    return tryTake(lockDir);
  }
  fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
  return true;
}

export async function withLock<T>(lockDir: string, task: () => Promise<T>, timeoutMs = 30 * 60_000): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  while (!tryTake(lockDir)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir} (another build is running)`);
    await sleep(250);
  }
  try {
    return await task();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
