import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, getLocale, locales, strapiUid } from '@ssc/content-schemas';
import { adminApi, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from './support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);

describe('editor roles', () => {
  let arabicEditor: string;
  let imageId: number;
  let documentId: string;
  let slug: string;

  beforeAll(async () => {
    arabicEditor = await createEditor(`${getLocale('ar').englishName} editor`);
    imageId = await anyImageId(adminApi);
    slug = uniqueSlug('roles-test');
    const ar = await contentManager.create(NEWS, 'ar', newsData(slug, 'ar', imageId));
    expect(ar.status, JSON.stringify(ar.body)).toBe(201);
    documentId = ar.body.data.documentId;
    const fr = await contentManager.saveLocale(NEWS, documentId, 'fr', newsData(slug, 'fr', imageId));
    expect(fr.status, JSON.stringify(fr.body)).toBe(200);
  });

  it('has a chief editor role and one editor role per locale', async () => {
    const roles = await adminApi('GET', '/admin/roles');
    const names = roles.body.data.map((r: { name: string }) => r.name);
    expect(names).toContain('Chief editor');
    for (const locale of locales) expect(names).toContain(`${locale.englishName} editor`);
  });

  it('lets the Arabic editor publish Arabic', async () => {
    const res = await contentManager.publish(NEWS, documentId, 'ar', arabicEditor);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.publishedAt).toBeTruthy();
  });

  it('forbids the Arabic editor to publish French', async () => {
    const res = await contentManager.publish(NEWS, documentId, 'fr', arabicEditor);
    expect(res.status).toBe(403);
  });

  it('forbids the Arabic editor to edit French', async () => {
    const res = await contentManager.saveLocale(NEWS, documentId, 'fr', { title: 'Modifié par un autre' }, arabicEditor);
    expect(res.status).toBe(403);
  });

  it('lets the Arabic editor edit Arabic text but not the shared slug', async () => {
    const res = await contentManager.saveLocale(NEWS, documentId, 'ar', { title: 'عنوان جديد', slug: 'hijacked-slug' }, arabicEditor);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const fr = await adminApi('GET', `/content-manager/collection-types/${NEWS}/${documentId}?locale=fr`);
    expect(fr.body.data.slug).toBe(slug);
    const ar = await adminApi('GET', `/content-manager/collection-types/${NEWS}/${documentId}?locale=ar`);
    expect(ar.body.data.title).toBe('عنوان جديد');
    expect(ar.body.data.slug).toBe(slug);
  });

  it('forbids the Arabic editor to add a Spanish translation to an existing document', async () => {
    const res = await contentManager.saveLocale(NEWS, documentId, 'es', newsData(slug, 'es', imageId), arabicEditor);
    expect(res.status).toBe(403);
    const es = await adminApi('GET', `/content-manager/collection-types/${NEWS}/${documentId}?locale=es`);
    // The content manager answers a missing translation with an empty version.
    expect(es.body.data?.id, JSON.stringify(es.body).slice(0, 300)).toBeUndefined();
  });

  it('lets the Arabic editor create an Arabic document but not a Spanish one', async () => {
    const ok = await contentManager.create(NEWS, 'ar', newsData(uniqueSlug('ar-own'), 'ar', imageId), arabicEditor);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const denied = await contentManager.create(NEWS, 'es', newsData(uniqueSlug('es-denied'), 'es', imageId), arabicEditor);
    expect(denied.status).toBe(403);
  });

  it('lets the chief editor publish in every locale', async () => {
    const chief = await createEditor('Chief editor');
    const chiefSlug = uniqueSlug('chief');
    const en = await contentManager.create(NEWS, 'en', newsData(chiefSlug, 'en', imageId), chief);
    expect(en.status, JSON.stringify(en.body)).toBe(201);
    for (const locale of locales.map((l) => l.code)) {
      if (locale !== 'en')
        expect((await contentManager.saveLocale(NEWS, en.body.data.documentId, locale, newsData(chiefSlug, locale, imageId), chief)).status).toBe(200);
      const res = await contentManager.publish(NEWS, en.body.data.documentId, locale, chief);
      expect(res.status, `${locale}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
    }
  });
});
