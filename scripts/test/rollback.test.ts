/** `npm run rollback` and `npm run releases`: switching live back, refusing what cannot be done, listing what is kept. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeReleases, formatReleases, releaseTime } from '../lib/release-list.ts';
import { currentRelease, listReleases, publishRelease, releaseReportsDir, type ReleasePaths } from '../lib/release.ts';
import { rollback, RollbackRefused } from '../lib/rollback.ts';

describe('rollback and the release list', () => {
  let paths: ReleasePaths;
  let ids: string[];
  const page = () => fs.readFileSync(path.join(paths.liveLink, 'index.html'), 'utf8');

  /** Publishes a one-page release with a build report, as the pipeline does. */
  async function publish(text: string, trigger?: string): Promise<string> {
    const { id } = await publishRelease(paths, async (dir) => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'index.html'), text);
    });
    fs.mkdirSync(releaseReportsDir(paths), { recursive: true });
    const report = {
      release: id,
      pages: 1,
      seconds: { astro: 1, audit: 0.5, total: 2, pull: 1 },
      warnings: [{ type: 'news' }, { type: 'policy' }],
      ...(trigger ? { trigger } : {}),
    };
    fs.writeFileSync(path.join(releaseReportsDir(paths), `${id}.json`), JSON.stringify(report));
    await new Promise((r) => setTimeout(r, 3)); // ids are times to the millisecond
    return id;
  }

  beforeEach(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-rollback-'));
    paths = { releasesDir: path.join(root, 'releases'), liveLink: path.join(root, 'live') };
    ids = [await publish('v1', 'npm start'), await publish('v2', 'npm run build'), await publish('v3', 'rebuild webhook: entry.publish api::news.news [ar]')];
  });

  it('switches live to the release before the live one by default, as a symlink swapped in one rename', () => {
    expect(page()).toBe('v3');
    expect(rollback(paths)).toEqual({ from: ids[2], to: ids[1] });
    expect(fs.lstatSync(paths.liveLink).isSymbolicLink()).toBe(true);
    expect(currentRelease(paths)).toBe(ids[1]);
    expect(page()).toBe('v2');
    rollback(paths);
    expect(page()).toBe('v1');
    // No temporary link is left beside `live`.
    expect(fs.readdirSync(path.dirname(paths.liveLink)).sort()).toEqual(['live', 'releases']);
  });

  it('switches live to a named release, and keeps every release', () => {
    expect(rollback(paths, ids[0]).to).toBe(ids[0]);
    expect(page()).toBe('v1');
    expect(listReleases(paths)).toEqual(ids);
  });

  it('refuses an unknown release id with a message naming the known ones, and leaves live as it was', () => {
    const attempt = () => rollback(paths, '2020-01-01T00-00-00-000Z');
    expect(attempt).toThrow(RollbackRefused);
    expect(attempt).toThrow(`there is no release "2020-01-01T00-00-00-000Z"; the releases are: ${ids.join(', ')}`);
    expect(() => rollback(paths, '../releases')).toThrow(RollbackRefused);
    expect(currentRelease(paths)).toBe(ids[2]);
  });

  it('refuses to go back past the oldest release kept', () => {
    rollback(paths, ids[0]);
    expect(() => rollback(paths)).toThrow(/is the oldest kept: there is none before it/);
    expect(currentRelease(paths)).toBe(ids[0]);
  });

  it('lists the releases newest first with the live marker, trigger, duration, pages and entries left out', () => {
    rollback(paths);
    const rows = describeReleases(paths);
    expect(rows.map((r) => r.id)).toEqual([...ids].reverse());
    expect(rows.map((r) => r.live)).toEqual([false, true, false]);
    expect(rows[1]).toEqual({ id: ids[1], time: releaseTime(ids[1]), live: true, trigger: 'npm run build', seconds: 3, pages: 1, leftOut: 2 });
    expect(new Date(rows[0].time).toISOString()).toBe(rows[0].time);
    const lines = formatReleases(rows).split('\n');
    expect(lines[0]).toMatch(/release\s+time\s+trigger\s+duration\s+pages\s+left out/);
    expect(lines[2]).toMatch(new RegExp(`^\\*\\s+${ids[1]}\\s.*npm run build\\s+3\\.0 s\\s+1\\s+2$`));
    expect(lines[1].startsWith(' ')).toBe(true);
    expect(lines.at(-1)).toBe('* live');
  });

  it('lists a release without a build report with dashes', () => {
    fs.rmSync(path.join(releaseReportsDir(paths), `${ids[0]}.json`));
    const row = describeReleases(paths).at(-1)!;
    expect(row).toEqual({ id: ids[0], time: releaseTime(ids[0]), live: false });
    expect(formatReleases([row]).split('\n')[1]).toMatch(/–\s+–\s+–\s+–$/);
  });
});
