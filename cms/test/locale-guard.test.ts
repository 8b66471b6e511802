/**
 * Every editor action, per role: a language editor touches only their own locale,
 * whichever content-manager route they use (single, clone and bulk actions), and
 * every role's permissions are what the README says they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, contentTypes, getLocale, localeCodes, strapiUid, taxonomies } from '@ssc/content-schemas';
import { adminApi, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from './support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const CM = `/content-manager/collection-types/${NEWS}`;
const OURS = new Set<string>(collections.map((c) => strapiUid(c)));
/** Taxonomy is shared vocabulary that language editors only translate; content and quizzes they write in their language. */
const isTaxonomy = (name: string) => taxonomies.some((t) => t.name === name);
/** The exchange's types language editors do not get at all: they hold submitters' contact details and broker notes. */
const BROKER_ONLY = new Set(['offer', 'demand', 'match']);
const EXCHANGE = new Set(['solution', 'offer', 'demand', 'match']);

async function state(documentId: string, locale: string): Promise<{ exists: boolean; published: boolean; title?: string }> {
  const res = await adminApi('GET', `${CM}/${documentId}?locale=${locale}`);
  const data = res.body?.data;
  if (!data?.id) return { exists: false, published: false };
  const published = (res.body.meta?.availableStatus ?? []).some((s: { publishedAt: string | null }) => s.publishedAt) || !!data.publishedAt;
  return { exists: true, published, title: data.title };
}

describe('a language editor acts only in their own locale', () => {
  let arabicEditor: string;
  let imageId: number;

  beforeAll(async () => {
    arabicEditor = await createEditor(`${getLocale('ar').englishName} editor`);
    imageId = await anyImageId(adminApi);
  });

  /** A document with published Arabic and French versions, each with a newer unpublished edit. */
  async function bilingualDocument(): Promise<string> {
    const slug = uniqueSlug('guard');
    const ar = await contentManager.create(NEWS, 'ar', newsData(slug, 'ar', imageId));
    expect(ar.status, JSON.stringify(ar.body)).toBe(201);
    const documentId = ar.body.data.documentId;
    expect((await contentManager.saveLocale(NEWS, documentId, 'fr', newsData(slug, 'fr', imageId))).status).toBe(200);
    for (const locale of ['ar', 'fr']) {
      expect((await contentManager.publish(NEWS, documentId, locale)).status).toBe(200);
      expect((await contentManager.saveLocale(NEWS, documentId, locale, { title: `Edited ${locale}` })).status).toBe(200);
    }
    return documentId;
  }

  const actions: [
    string,
    (documentId: string, locale: string, jwt: string) => Promise<{ status: number }>,
    (before: Awaited<ReturnType<typeof state>>, after: Awaited<ReturnType<typeof state>>) => void,
  ][] = [
    ['unpublish', (d, l, jwt) => contentManager.unpublish(NEWS, d, l, jwt), (_b, a) => expect(a.published).toBe(false)],
    [
      'discard the draft',
      (d, l, jwt) => adminApi('POST', `${CM}/${d}/actions/discard?locale=${l}`, {}, jwt),
      (_b, a) => expect(a.title).not.toMatch(/^Edited/),
    ],
    ['publish', (d, l, jwt) => contentManager.publish(NEWS, d, l, jwt), (_b, a) => expect(a.published).toBe(true)],
    ['delete', (d, l, jwt) => adminApi('DELETE', `${CM}/${d}?locale=${l}`, undefined, jwt), (_b, a) => expect(a.exists).toBe(false)],
    [
      'bulk publish',
      (d, l, jwt) => adminApi('POST', `${CM}/actions/bulkPublish?locale=${l}`, { documentIds: [d] }, jwt),
      (_b, a) => expect(a.published).toBe(true),
    ],
    [
      'bulk unpublish',
      (d, l, jwt) => adminApi('POST', `${CM}/actions/bulkUnpublish?locale=${l}`, { documentIds: [d] }, jwt),
      (_b, a) => expect(a.published).toBe(false),
    ],
    [
      'bulk delete',
      (d, l, jwt) => adminApi('POST', `${CM}/actions/bulkDelete?locale=${l}`, { documentIds: [d] }, jwt),
      (_b, a) => expect(a.exists).toBe(false),
    ],
  ];

  for (const [name, act, changed] of actions) {
    it(`${name}: refused in French, done in Arabic`, async () => {
      const documentId = await bilingualDocument();
      const frBefore = await state(documentId, 'fr');
      const refused = await act(documentId, 'fr', arabicEditor);
      expect(refused.status, `${name} fr`).toBeGreaterThanOrEqual(400);
      expect(await state(documentId, 'fr'), `${name} left French as it was`).toEqual(frBefore);
      const arBefore = await state(documentId, 'ar');
      const done = await act(documentId, 'ar', arabicEditor);
      expect(done.status, `${name} ar: ${JSON.stringify(done)}`).toBeLessThan(300);
      changed(arBefore, await state(documentId, 'ar'));
    });
  }

  it('duplicate (clone): refused into French, done into Arabic', async () => {
    const documentId = await bilingualDocument();
    const refused = await adminApi('POST', `${CM}/clone/${documentId}?locale=fr`, { slug: uniqueSlug('clone-fr'), title: 'Clone fr' }, arabicEditor);
    expect(refused.status).toBe(403);
    const done = await adminApi('POST', `${CM}/clone/${documentId}?locale=ar`, { slug: uniqueSlug('clone-ar'), title: 'Clone ar' }, arabicEditor);
    expect(done.status, JSON.stringify(done.body)).toBeLessThan(300);
  });
});

interface RolePermission {
  action: string;
  subject: string | null;
  properties: { fields?: string[]; locales?: string[] };
  conditions: string[];
}

async function rolePermissions(code: string): Promise<RolePermission[]> {
  const roles = await adminApi('GET', '/admin/roles');
  const role = roles.body.data.find((r: { code: string }) => r.code === code);
  expect(role, code).toBeTruthy();
  const res = await adminApi('GET', `/admin/roles/${role.id}/permissions`);
  return res.body.data;
}

const short = (action: string) => action.replace('plugin::content-manager.explorer.', 'cm.').replace('plugin::upload.', 'upload.');

describe('every role can do what the README says, and nothing more', () => {
  it("has only the super admin, the chief editor, the broker and one editor per locale (Strapi's stock Editor and Author are gone)", async () => {
    const roles = await adminApi('GET', '/admin/roles');
    const codes = roles.body.data.map((r: { code: string }) => r.code).sort();
    expect(codes).toEqual(['ssc-chief-editor', 'ssc-broker', ...localeCodes.map((l) => `ssc-editor-${l}`), 'strapi-super-admin'].sort());
  });

  it('broker: every action on the exchange types in every locale, reads the taxonomy, nothing else but media', async () => {
    const perms = await rolePermissions('ssc-broker');
    const other = perms.filter((p) => !(p.subject && OURS.has(p.subject)) && !p.action.startsWith('plugin::upload.'));
    expect(other.map((p) => `${p.action} ${p.subject}`)).toEqual([]);
    for (const collection of collections) {
      const uid = strapiUid(collection);
      const actions = perms
        .filter((p) => p.subject === uid)
        .map((p) => short(p.action))
        .sort();
      const expected = EXCHANGE.has(collection.name)
        ? ['cm.create', 'cm.delete', 'cm.publish', 'cm.read', 'cm.update']
        : isTaxonomy(collection.name)
          ? ['cm.read']
          : [];
      expect(actions, uid).toEqual(expected);
      for (const p of perms.filter((q) => q.subject === uid))
        expect([...(p.properties.locales ?? [])].sort(), `${uid} ${p.action}`).toEqual([...localeCodes].sort());
    }
  });

  it('chief editor: every action on content and taxonomy in every locale, every file, partner tokens read, revoked and deleted but never created', async () => {
    const perms = await rolePermissions('ssc-chief-editor');
    const other = perms.filter(
      (p) => !(p.subject && OURS.has(p.subject)) && !p.action.startsWith('plugin::upload.') && p.subject !== 'api::syndication.partner-token',
    );
    expect(other.map((p) => `${p.action} ${p.subject}`)).toEqual([]);
    for (const uid of OURS) {
      const actions = perms
        .filter((p) => p.subject === uid)
        .map((p) => short(p.action))
        .sort();
      // Strapi offers publish on taxonomy too, where it has no effect (taxonomy has no drafts).
      expect(actions, uid).toEqual(['cm.create', 'cm.delete', 'cm.publish', 'cm.read', 'cm.update']);
      for (const p of perms.filter((q) => q.subject === uid))
        expect([...(p.properties.locales ?? [])].sort(), `${uid} ${p.action}`).toEqual([...localeCodes].sort());
    }
    const tokens = perms.filter((p) => p.subject === 'api::syndication.partner-token');
    expect(tokens.map((p) => short(p.action)).sort()).toEqual(['cm.delete', 'cm.read', 'cm.update']);
    expect(tokens.find((p) => p.action.endsWith('.read'))!.properties.fields).not.toContain('tokenHash');
    const media = perms.filter((p) => p.action.startsWith('plugin::upload.'));
    expect(media.map((p) => `${short(p.action)}${p.conditions.length ? ` if ${p.conditions}` : ''}`).sort()).toEqual([
      'upload.assets.copy-link',
      'upload.assets.create',
      'upload.assets.download',
      'upload.assets.update',
      'upload.read',
    ]);
  });

  for (const locale of localeCodes) {
    it(`${getLocale(locale).englishName} editor: reads every locale; writes content only in ${locale}, localized fields only; translates taxonomy; replaces only own media`, async () => {
      const perms = await rolePermissions(`ssc-editor-${locale}`);
      const other = perms.filter((p) => !(p.subject && OURS.has(p.subject)) && !p.action.startsWith('plugin::upload.'));
      expect(other.map((p) => `${p.action} ${p.subject}`)).toEqual([]);
      for (const collection of collections) {
        const uid = strapiUid(collection);
        const mine = perms.filter((p) => p.subject === uid);
        if (BROKER_ONLY.has(collection.name)) {
          expect(
            mine.map((p) => short(p.action)),
            uid,
          ).toEqual([]);
          continue;
        }
        const read = mine.find((p) => p.action.endsWith('.read'))!;
        expect([...(read.properties.locales ?? [])].sort(), uid).toEqual([...localeCodes].sort());
        const writes = mine.filter((p) => !p.action.endsWith('.read'));
        const expected = !isTaxonomy(collection.name)
          ? ['cm.create', 'cm.delete', ...(collection.draftAndPublish ? ['cm.publish'] : []), 'cm.update']
          : ['cm.update'];
        expect(writes.map((p) => short(p.action)).sort(), uid).toEqual(expected.sort());
        for (const p of writes) expect(p.properties.locales, `${uid} ${p.action}`).toEqual([locale]);
        const update = writes.find((p) => p.action.endsWith('.update'))!;
        const localized = new Set(
          Object.entries(collection.fields)
            .filter(([, f]) => f.localized)
            .map(([n]) => n),
        );
        for (const field of update.properties.fields ?? []) expect(localized.has(field.split('.')[0]), `${uid} update ${field}`).toBe(true);
      }
      const media = perms.filter((p) => p.action.startsWith('plugin::upload.'));
      expect(media.map((p) => `${short(p.action)}${p.conditions.length ? ` if ${p.conditions}` : ''}`).sort()).toEqual([
        'upload.assets.copy-link',
        'upload.assets.create',
        'upload.assets.download',
        'upload.assets.update if admin::is-creator',
        'upload.read',
      ]);
    });
  }
});
