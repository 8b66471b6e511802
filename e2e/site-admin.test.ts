/**
 * The admin panel's "Site" page data: the rebuild service's status with the entries
 * left out (linked to their edit view), one entry's state on the site, and the
 * chief editor's rebuild and rollback, refused to language editors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, getLocale, strapiUid } from '@ssc/content-schemas';
import { startRebuildService, type RebuildService } from '../scripts/lib/rebuild-service.ts';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';
import { createEditor } from '../cms/test/support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);

describe('the Site page in the admin', () => {
  let service: RebuildService;
  let rebuilds = 0;
  let live = 'r2';
  let snapshotCreatedAt = new Date(Date.now() + 60_000).toISOString();
  let leftOutDocument = 'none';
  let arabicEditor: string;
  let chiefEditor: string;

  beforeAll(async () => {
    service = await startRebuildService({
      port: cms().rebuild.port,
      secret: cms().rebuild.secret,
      quietMs: 10,
      rebuild: async () => void rebuilds++,
      status: async () => ({
        live,
        releases: ['r2', 'r1'].map((id) => ({
          id,
          live: id === live,
          trigger: 'entry.publish',
          snapshotCreatedAt,
          seconds: 3.2,
          pages: 180,
          leftOut: [
            { type: 'news', documentId: leftOutDocument, locale: 'fr', field: 'body', message: 'links to /fr/nowhere/, which is not a page of the site' },
          ],
        })),
      }),
      rollback: async (id) => {
        if (!['r1', 'r2'].includes(id)) throw new Error(`no release ${id}`);
        live = id;
      },
    });
    arabicEditor = await createEditor(`${getLocale('ar').englishName} editor`);
    chiefEditor = await createEditor('Chief editor');
  });

  afterAll(async () => {
    await service.close();
  });

  it('shows every editor the live release, the last releases and the entries left out, each linked to its edit view in its locale', async () => {
    for (const jwt of [arabicEditor, chiefEditor]) {
      const res = await adminApi('GET', '/ssc-site/status', undefined, jwt);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ configured: true, reachable: true, live: 'r2', building: false });
      expect(res.body.releases.map((r: { id: string }) => r.id)).toEqual(['r2', 'r1']);
      expect(res.body.releases[0].leftOut[0].editPath).toBe(`/content-manager/collection-types/${NEWS}/${leftOutDocument}?plugins[i18n][locale]=fr`);
    }
    expect((await adminApi('GET', '/ssc-site/status', undefined, arabicEditor)).body.canManage).toBe(false);
    expect((await adminApi('GET', '/ssc-site/status', undefined, chiefEditor)).body.canManage).toBe(true);
    expect((await fetch(`${cms().url}/ssc-site/status`)).status).toBe(401);
  });

  it('lets only the chief editor start a rebuild or roll back', async () => {
    expect((await adminApi('POST', '/ssc-site/rebuild', {}, arabicEditor)).status).toBe(403);
    expect((await adminApi('POST', '/ssc-site/rollback', { release: 'r1' }, arabicEditor)).status).toBe(403);
    expect(live).toBe('r2');
    expect((await adminApi('POST', '/ssc-site/rebuild', {}, chiefEditor)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 50));
    await service.idle();
    expect(rebuilds).toBe(1);
    const unknown = await adminApi('POST', '/ssc-site/rollback', { release: 'r9' }, chiefEditor);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('no release r9');
    expect((await adminApi('POST', '/ssc-site/rollback', { release: 'r1' }, chiefEditor)).status).toBe(200);
    expect(live).toBe('r1');
    live = 'r2';
  });

  it('tells the edit view whether this locale of an entry is live, waiting for a build, left out, or not published', async () => {
    const imageId = await anyImageId(adminApi);
    const created = await contentManager.create(NEWS, 'en', newsData(uniqueSlug('site-state'), 'en', imageId));
    const documentId = created.body.data.documentId;
    const state = async (locale: string) => (await adminApi('GET', `/ssc-site/entry-status?uid=${NEWS}&documentId=${documentId}&locale=${locale}`)).body;
    expect((await state('en')).state).toBe('not-published');
    expect((await contentManager.publish(NEWS, documentId, 'en')).status).toBe(200);
    // The live release's content was read after this publish (a minute ahead): live.
    expect((await state('en')).state).toBe('live');
    // Content read before the publish: waiting for the next build.
    snapshotCreatedAt = new Date(Date.now() - 60_000).toISOString();
    expect((await state('en')).state).toBe('waiting');
    snapshotCreatedAt = new Date(Date.now() + 60_000).toISOString();
    const fr = await contentManager.saveLocale(NEWS, documentId, 'fr', newsData(uniqueSlug('x'), 'fr', imageId, { slug: undefined }));
    expect(fr.status, JSON.stringify(fr.body)).toBe(200);
    expect((await contentManager.publish(NEWS, documentId, 'fr')).status).toBe(200);
    leftOutDocument = documentId;
    const leftOut = await state('fr');
    expect(leftOut.state).toBe('left-out');
    expect(leftOut.problems[0].message).toMatch(/not a page of the site/);
    expect((await state('en')).state).toBe('live');
  });
});
