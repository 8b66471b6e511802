import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentRelease, listReleases, publishRelease, switchLive, type ReleasePaths } from '../lib/release.ts';

describe('releases', () => {
  let paths: ReleasePaths;
  beforeEach(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-release-'));
    paths = { releasesDir: path.join(root, 'releases'), liveLink: path.join(root, 'live') };
  });

  const writeSite = (text: string) => async (dir: string) => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), text);
    return text;
  };

  it('switch live to a complete build', async () => {
    const { id } = await publishRelease(paths, writeSite('one'));
    expect(currentRelease(paths)).toBe(id);
    expect(fs.readFileSync(path.join(paths.liveLink, 'index.html'), 'utf8')).toBe('one');
  });

  it('leave live untouched when a build fails, and leave no partial release behind', async () => {
    await publishRelease(paths, writeSite('good'));
    const before = currentRelease(paths);
    await expect(
      publishRelease(paths, async (dir) => {
        await writeSite('half')(dir);
        throw new Error('build broke');
      }),
    ).rejects.toThrow('build broke');
    expect(currentRelease(paths)).toBe(before);
    expect(fs.readFileSync(path.join(paths.liveLink, 'index.html'), 'utf8')).toBe('good');
    expect(fs.readdirSync(paths.releasesDir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('keep older releases for rollback', async () => {
    const first = await publishRelease(paths, writeSite('v1'));
    await new Promise((r) => setTimeout(r, 5));
    await publishRelease(paths, writeSite('v2'));
    expect(listReleases(paths)).toHaveLength(2);
    switchLive(paths, first.id);
    expect(fs.readFileSync(path.join(paths.liveLink, 'index.html'), 'utf8')).toBe('v1');
  });
});
