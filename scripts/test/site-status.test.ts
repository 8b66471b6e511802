import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLive } from '../lib/release.ts';
import { buildReportFile } from '../lib/site-release.ts';
import { readSiteStatus } from '../lib/site-status.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function releasesWith(ids: string[]) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-status-'));
  dirs.push(root);
  const paths = { releasesDir: path.join(root, 'releases'), liveLink: path.join(root, 'live') };
  for (const id of ids) fs.mkdirSync(path.join(paths.releasesDir, id), { recursive: true });
  return paths;
}

describe('site status for the admin', () => {
  it('lists the releases newest first, marks the live one, and merges the entries the pull and the build left out', () => {
    const paths = releasesWith(['2026-01-01T00-00-00-000Z', '2026-01-02T00-00-00-000Z']);
    switchLive(paths, '2026-01-01T00-00-00-000Z');
    const report = {
      release: '2026-01-01T00-00-00-000Z',
      trigger: 'entry.publish',
      snapshot: { id: 's', dir: '/x', source: 'cms', createdAt: '2026-01-01T00:00:00.000Z' },
      pages: 12,
      seconds: { astro: 1, audit: 0.1, total: 1.5 },
      warnings: [{ type: 'policy', documentId: 'p1', locale: 'fr', field: 'officialLink', message: 'not a URL' }],
      leftOut: [{ stage: 'audit', type: 'news', documentId: 'n1', locale: 'en', field: 'body', page: '/en/news/x/', reason: 'links to /en/nowhere/' }],
    };
    fs.mkdirSync(path.dirname(buildReportFile(paths, report.release)), { recursive: true });
    fs.writeFileSync(buildReportFile(paths, report.release), JSON.stringify(report));
    const status = readSiteStatus(paths);
    expect(status.live).toBe('2026-01-01T00-00-00-000Z');
    expect(status.releases.map((r) => [r.id, r.live])).toEqual([
      ['2026-01-02T00-00-00-000Z', false],
      ['2026-01-01T00-00-00-000Z', true],
    ]);
    expect(status.releases[0]).toMatchObject({ trigger: null, pages: null, leftOut: [] });
    expect(status.releases[1]).toMatchObject({ trigger: 'entry.publish', pages: 12, seconds: 1.5, snapshotCreatedAt: '2026-01-01T00:00:00.000Z' });
    expect(status.releases[1].leftOut).toEqual([
      { stage: 'audit', type: 'news', documentId: 'n1', locale: 'en', field: 'body', page: '/en/news/x/', message: 'links to /en/nowhere/' },
      { stage: 'pull', type: 'policy', documentId: 'p1', locale: 'fr', field: 'officialLink', message: 'not a URL' },
    ]);
  });
});
