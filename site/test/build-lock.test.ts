/** The build lock: one holder at a time, and a lock whose holder died is taken over. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STALE_MS, withLock } from '../lib/build-lock.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-build-lock-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('build lock', () => {
  it('lets one holder in at a time', async () => {
    const lockDir = path.join(root, 'one-at-a-time.lock');
    const events: string[] = [];
    const hold = (name: string) =>
      withLock(lockDir, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect(events).toHaveLength(4);
    expect(events[1]).toBe(`${events[0].split(' ')[0]} out`);
    expect(fs.existsSync(lockDir)).toBe(false);
  });

  it('takes over a lock left by a process that died without a trace of who it was', async () => {
    const lockDir = path.join(root, 'abandoned.lock');
    // What a killed build leaves: the lock folder, no longer refreshed, and nothing in it.
    fs.mkdirSync(lockDir);
    const longAgo = new Date(Date.now() - STALE_MS - 60_000);
    fs.utimesSync(lockDir, longAgo, longAgo);
    const started = Date.now();
    expect(await withLock(lockDir, async () => 'built', 5_000)).toBe('built');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('waits for a live holder, and gives up after its timeout', async () => {
    const lockDir = path.join(root, 'held.lock');
    let release!: () => void;
    const held = withLock(lockDir, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(withLock(lockDir, async () => 'never', 600)).rejects.toThrow(/timed out waiting/);
    release();
    await held;
  });
});
