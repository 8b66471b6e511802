/**
 * The pipeline as `npm start` runs it, around the test CMS: a release built before
 * the test acts, the real rebuild service where the CMS's "Site rebuild" webhook
 * posts (pull → build → audit → switch `live`, with the Site page's status and
 * rollback), and the live release served over HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { freePort } from '../../scripts/lib/processes.ts';
import { pullSnapshot } from '../../scripts/lib/pull.ts';
import type { ReleasePaths } from '../../scripts/lib/release.ts';
import { rollback } from '../../scripts/lib/rollback.ts';
import { startRebuildService, type RebuildService } from '../../scripts/lib/rebuild-service.ts';
import { buildRelease } from '../../scripts/lib/site-release.ts';
import { readSiteStatus } from '../../scripts/lib/site-status.ts';
import { serveStatic, type StaticServer } from '../../site/lib/serve.ts';
import { cms } from '../../cms/test/support/http.ts';

export const SITE_URL = 'https://knowledge.example.org';
/** How long one rebuild (pull, Astro build, Pagefind, audit) may take on a busy machine. */
export const REBUILD_TIMEOUT = 180_000;

export interface LiveSite {
  releases: ReleasePaths;
  service: RebuildService;
  server: StaticServer;
  /** A page of the live site: its status and text. */
  get(pathname: string): Promise<{ status: number; text: string }>;
  /** Waits until the service has finished more than `before` rebuilds and has nothing queued or running; fails when the last one failed. */
  rebuildAfter(before: number): Promise<void>;
  close(): Promise<void>;
}

export async function startLiveSite(name: string): Promise<LiveSite> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `ssc-${name}-`));
  const releases: ReleasePaths = { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') };
  const rebuild = async (events: string[] = []) => {
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    await buildRelease({ snapshotDir: dir, siteUrl: SITE_URL, releases, trigger: events.length ? `rebuild webhook: ${events.join(', ')}` : 'test setup' });
  };
  // The site is live before the test acts.
  await rebuild();
  const service = await startRebuildService({
    port: cms().rebuild.port,
    secret: cms().rebuild.secret,
    quietMs: 300,
    rebuild,
    status: async () => ({ ...readSiteStatus(releases) }),
    rollback: async (id) => void rollback(releases, id),
  });
  const server = await serveStatic(releases.liveLink, { port: await freePort() });
  return {
    releases,
    service,
    server,
    async get(pathname) {
      const res = await fetch(`${server.url}${pathname}`);
      return { status: res.status, text: await res.text() };
    },
    async rebuildAfter(before) {
      const deadline = Date.now() + REBUILD_TIMEOUT;
      while (service.finished <= before) {
        if (Date.now() > deadline) throw new Error(`no rebuild finished within ${REBUILD_TIMEOUT / 1000} s`);
        await new Promise((r) => setTimeout(r, 250));
      }
      await service.idle();
      const status = await (
        await fetch(`${service.url.replace(/\/rebuild$/, '')}/status`, { headers: { authorization: `Bearer ${cms().rebuild.secret}` } })
      ).json();
      expect(status.lastFailure, 'the rebuild failed').toBeNull();
    },
    async close() {
      await server.close();
      await service.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}
