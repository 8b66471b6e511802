/** Disk stays bounded: snapshots, releases and build reports are kept to the newest N; live and latest never go. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepSetting } from '../lib/config.ts';
import { MEDIA_STORE_DIR, MediaStore } from '../lib/media-store.ts';
import { pointLatestAt } from '../lib/pull.ts';
import { currentRelease, listReleases, pruneReleases, publishRelease, releaseReportsDir, switchLive, type ReleasePaths } from '../lib/release.ts';
import { latestSnapshot, listSnapshots, pruneSnapshots } from '../lib/snapshot-prune.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-prune-'));
});

describe('release pruning', () => {
  let paths: ReleasePaths;
  beforeEach(() => {
    paths = { releasesDir: path.join(root, 'releases'), liveLink: path.join(root, 'live') };
  });

  async function publish(keep: number): Promise<string> {
    const { id } = await publishRelease(
      paths,
      async (dir) => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'index.html'), 'page');
      },
      keep,
    );
    fs.mkdirSync(releaseReportsDir(paths), { recursive: true });
    fs.writeFileSync(path.join(releaseReportsDir(paths), `${id}.json`), '{}');
    await new Promise((r) => setTimeout(r, 3));
    return id;
  }
  const reports = () => fs.readdirSync(releaseReportsDir(paths)).sort();

  it('keeps the newest N releases and only their build reports, publish after publish', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push(await publish(3));
      expect(listReleases(paths).length).toBeLessThanOrEqual(3);
    }
    expect(listReleases(paths)).toEqual(ids.slice(-3));
    expect(reports()).toEqual(ids.slice(-3).map((id) => `${id}.json`));
    expect(currentRelease(paths)).toBe(ids[6]);
    // Pruned releases leave the listing at once and the disk in the background.
    await expect.poll(() => fs.readdirSync(paths.releasesDir).filter((n) => !n.startsWith('.reports'))).toEqual(ids.slice(-3));
  });

  it('removes the leftover of a pruned release whose deletion was cut short', () => {
    const leftover = path.join(paths.releasesDir, '.trash-2026-01-01T00-00-00-000Z-1-1');
    fs.mkdirSync(path.join(leftover, 'en'), { recursive: true });
    fs.writeFileSync(path.join(leftover, 'en', 'index.html'), 'page');
    pruneReleases(paths, 3);
    return expect.poll(() => fs.existsSync(leftover)).toBe(false);
  });

  it('never prunes the live release, so a rollback survives pruning, and the next publish goes live as usual', async () => {
    const ids = [await publish(3), await publish(3), await publish(3)];
    switchLive(paths, ids[0]);
    expect(pruneReleases(paths, 1)).toEqual([ids[1]]);
    expect(listReleases(paths)).toEqual([ids[0], ids[2]]);
    expect(currentRelease(paths)).toBe(ids[0]);
    expect(reports()).toEqual([ids[0], ids[2]].map((id) => `${id}.json`));
    const next = await publish(2);
    expect(currentRelease(paths)).toBe(next);
    expect(listReleases(paths)).toEqual([ids[2], next]);
  });
});

describe('snapshot pruning', () => {
  let snapshotsDir: string;
  beforeEach(() => {
    snapshotsDir = path.join(root, 'snapshots');
    fs.mkdirSync(snapshotsDir);
  });

  /** A snapshot folder holding one media file linked from the store. */
  function snapshot(id: string, media: string, bytes: string): void {
    const store = new MediaStore(snapshotsDir);
    const dir = path.join(snapshotsDir, id, 'media');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, media), bytes);
    store.adopt(media, path.join(dir, media));
  }
  const ids = Array.from({ length: 6 }, (_, i) => `2026-01-0${i + 1}T00-00-00-000Z`);

  it('keeps the newest N snapshots and the one latest points at, and the store keeps only media still linked', () => {
    ids.forEach((id, i) => snapshot(id, i === 0 ? 'only-in-oldest.jpg' : 'shared.jpg', i === 0 ? 'old' : 'same bytes'));
    pointLatestAt(snapshotsDir, ids[5]);
    const pruned = pruneSnapshots(snapshotsDir, 2);
    expect(listSnapshots(snapshotsDir)).toEqual(ids.slice(4));
    expect(pruned.removed).toEqual(ids.slice(0, 4));
    expect(pruned.media).toEqual({ files: 1, bytes: 3 });
    expect(fs.readdirSync(path.join(snapshotsDir, MEDIA_STORE_DIR)).filter((n) => !n.startsWith('.'))).toEqual(['shared.jpg']);

    // latest moved back to an old snapshot (e.g. by hand): it stays.
    snapshot('2026-02-01T00-00-00-000Z', 'shared.jpg', 'same bytes');
    snapshot('2026-02-02T00-00-00-000Z', 'shared.jpg', 'same bytes');
    pointLatestAt(snapshotsDir, ids[4]);
    pruneSnapshots(snapshotsDir, 1);
    expect(listSnapshots(snapshotsDir)).toEqual([ids[4], '2026-02-02T00-00-00-000Z']);
    expect(latestSnapshot(snapshotsDir)).toBe(ids[4]);
    expect(fs.existsSync(path.join(snapshotsDir, 'latest', 'media', 'shared.jpg'))).toBe(true);
  });

  it("removes a killed pull's day-old partial folder, and leaves a running one alone", () => {
    const old = path.join(snapshotsDir, '.partial-2026-01-01T00-00-00-000Z-abc');
    const running = path.join(snapshotsDir, '.partial-2026-01-02T00-00-00-000Z-def');
    fs.mkdirSync(old);
    fs.mkdirSync(running);
    const dayAndMore = (Date.now() - 25 * 3600 * 1000) / 1000;
    fs.utimesSync(old, dayAndMore, dayAndMore);
    pruneSnapshots(snapshotsDir, 5);
    expect(fs.readdirSync(snapshotsDir).filter((n) => n.startsWith('.partial-'))).toEqual([path.basename(running)]);
  });

  it('reads SNAPSHOTS_KEEP and RELEASES_KEEP as whole numbers of at least 1, 5 when unset', () => {
    expect(keepSetting({}, 'SNAPSHOTS_KEEP')).toBe(5);
    expect(keepSetting({ RELEASES_KEEP: ' 12 ' }, 'RELEASES_KEEP')).toBe(12);
    expect(() => keepSetting({ RELEASES_KEEP: '0' }, 'RELEASES_KEEP')).toThrow('RELEASES_KEEP must be a whole number of at least 1, not "0"');
    expect(() => keepSetting({ SNAPSHOTS_KEEP: 'all' }, 'SNAPSHOTS_KEEP')).toThrow(/SNAPSHOTS_KEEP/);
  });
});
