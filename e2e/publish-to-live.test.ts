/**
 * Publish → live without a developer: the CMS's "Site rebuild" webhook calls the
 * rebuild service, which pulls, builds, audits and switches `live`. Publishing an
 * item makes its page appear on the live site; unpublishing it takes it away.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, getCollection, strapiUid } from '@ssc/content-schemas';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { buildRelease } from '../scripts/lib/site-release.ts';
import { startRebuildService, type RebuildService } from '../scripts/lib/rebuild-service.ts';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);

describe('publishing in the CMS rebuilds the live site', () => {
  let work: string;
  let live: string;
  let service: RebuildService;

  /** Waits (up to two minutes) until the service has finished `count` rebuilds and has nothing queued. */
  async function rebuildsFinished(count: number): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (service.finished < count) {
      if (Date.now() > deadline) throw new Error(`only ${service.finished} of ${count} rebuilds finished`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await service.idle();
  }

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-publish-live-'));
    const releases = { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') };
    live = releases.liveLink;
    service = await startRebuildService({
      port: cms().rebuild.port,
      secret: cms().rebuild.secret,
      quietMs: 300,
      rebuild: async () => {
        const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
        await buildRelease({ snapshotDir: dir, siteUrl: 'https://knowledge.example.org', releases });
      },
    });
  });

  afterAll(async () => {
    await service?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('registers the "Site rebuild" webhook for publish, unpublish, delete and save, and for media replaced or deleted', async () => {
    const res = await adminApi('GET', '/admin/webhooks');
    const hook = res.body.data.find((w: { name: string }) => w.name === 'Site rebuild');
    expect(hook).toMatchObject({
      url: service.url,
      isEnabled: true,
      events: ['entry.publish', 'entry.unpublish', 'entry.delete', 'entry.create', 'entry.update', 'media.update', 'media.delete'],
    });
  });

  it('refuses calls without the shared secret', async () => {
    expect((await fetch(service.url, { method: 'POST' })).status).toBe(401);
    expect((await fetch(service.url, { method: 'POST', headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('puts a newly published Arabic item live, and takes it away when it is unpublished', async () => {
    const slug = uniqueSlug('live-after-publish');
    const created = await contentManager.create(NEWS, 'ar', newsData(slug, 'ar', await anyImageId(adminApi)));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.data.documentId;
    const page = () => path.join(live, 'ar', 'news', slug, 'index.html');

    const before = service.finished;
    expect((await contentManager.publish(NEWS, documentId, 'ar')).status).toBe(200);
    await rebuildsFinished(before + 1);
    expect(fs.existsSync(page())).toBe(true);
    expect(fs.readFileSync(page(), 'utf8')).toContain(`Test news ${slug} (ar)`);

    const published = service.finished;
    expect((await contentManager.unpublish(NEWS, documentId, 'ar')).status).toBe(200);
    await rebuildsFinished(published + 1);
    expect(fs.existsSync(page())).toBe(false);
  }, 300_000);

  it('puts a renamed theme live at once (the taxonomy has no drafts), and rebuilds nothing for a saved draft', async () => {
    const THEME = strapiUid(getCollection('theme'));
    const list = await adminApi('GET', `/content-manager/collection-types/${THEME}?locale=es&pageSize=1`);
    const theme = list.body.results[0] as { documentId: string; slug: string; name: string };
    const themePage = () => fs.readFileSync(path.join(live, 'es', 'themes', theme.slug, 'index.html'), 'utf8');

    // A new draft changes nothing on the site: the service answers the webhook without rebuilding.
    const before = service.finished;
    const draft = await contentManager.create(NEWS, 'es', newsData(uniqueSlug('draft-only'), 'es', await anyImageId(adminApi)));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    await new Promise((r) => setTimeout(r, 1500));
    await service.idle();
    expect(service.finished).toBe(before);

    const renamed = `${theme.name} (renamed ${Date.now()})`;
    try {
      expect((await contentManager.saveLocale(THEME, theme.documentId, 'es', { name: renamed })).status).toBe(200);
      await rebuildsFinished(before + 1);
      expect(themePage()).toContain(renamed);
    } finally {
      const restoring = service.finished;
      await contentManager.saveLocale(THEME, theme.documentId, 'es', { name: theme.name });
      await rebuildsFinished(restoring + 1);
    }
    expect(themePage()).not.toContain(renamed);
  }, 300_000);
});
