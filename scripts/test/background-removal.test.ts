/**
 * Folders removed in the background: out of sight at once, deleted later, and not
 * while a build holds deletions back (they would compete with its writes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backgroundRemovals, holdRemovals, removeInBackground, TRASH_PREFIX } from '../../site/lib/background-removal.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-background-removal-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A folder of `files` small files under the test's root. */
function folderOf(name: string, files = 50): string {
  const dir = path.join(root, name);
  for (let i = 0; i < files; i++) {
    fs.mkdirSync(path.join(dir, `d${i % 5}`), { recursive: true });
    fs.writeFileSync(path.join(dir, `d${i % 5}`, `f${i}.txt`), `file ${i}`);
  }
  return dir;
}

const trashIn = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith(TRASH_PREFIX));

describe('background removal', () => {
  it('takes a folder out of sight at once and deletes it afterwards', async () => {
    const dir = folderOf('plain');
    removeInBackground(dir);
    expect(fs.existsSync(dir)).toBe(false);
    await backgroundRemovals();
    expect(trashIn(root)).toEqual([]);
  });

  it('holds deletions back while a build runs, and deletes them once every hold is let go', async () => {
    const first = holdRemovals();
    const second = holdRemovals();
    const dir = folderOf('held');
    removeInBackground(dir);
    expect(fs.existsSync(dir)).toBe(false);
    await backgroundRemovals();
    expect(trashIn(root)).toHaveLength(1);
    first();
    first();
    await backgroundRemovals();
    expect(trashIn(root)).toHaveLength(1);
    second();
    await backgroundRemovals();
    expect(trashIn(root)).toEqual([]);
  });
});
