import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, strapiUid } from '@ssc/content-schemas';
import { adminApi, contentManager } from './support/http.ts';
import { anyImageId, newsData, uniqueSlug } from './support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const COURSE = strapiUid(contentTypes.find((t) => t.name === 'course')!);

describe('slugs', () => {
  let imageId: number;
  let slug: string;
  let documentId: string;

  beforeAll(async () => {
    imageId = await anyImageId(adminApi);
    slug = uniqueSlug('slug-test');
    const en = await contentManager.create(NEWS, 'en', newsData(slug, 'en', imageId));
    expect(en.status, JSON.stringify(en.body)).toBe(201);
    documentId = en.body.data.documentId;
  });

  it('are shared by every translation of a document', async () => {
    const zh = await contentManager.saveLocale(NEWS, documentId, 'zh', newsData('ignored-here', 'zh', imageId, { slug: undefined }));
    expect(zh.status, JSON.stringify(zh.body)).toBe(200);
    expect(zh.body.data.slug).toBe(slug);
    const renamed = uniqueSlug('renamed');
    expect((await contentManager.saveLocale(NEWS, documentId, 'en', { slug: renamed })).status).toBe(200);
    const after = await adminApi('GET', `/content-manager/collection-types/${NEWS}/${documentId}?locale=zh`);
    expect(after.body.data.slug).toBe(renamed);
    slug = renamed;
  });

  it('are refused when another document of the type already uses them, naming the type, locale and field', async () => {
    const res = await contentManager.create(NEWS, 'fr', newsData(slug, 'fr', imageId));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`news [fr] slug: "${slug}" is already used by news ${documentId}`);
  });

  it('are refused unless lowercase ASCII words joined by hyphens', async () => {
    for (const bad of ['Upper-Case', 'accentué', 'two  spaces', 'trailing-', '稻米']) {
      const res = await contentManager.create(NEWS, 'en', newsData(bad, 'en', imageId));
      expect(res.status, bad).toBe(400);
      expect(JSON.stringify(res.body.error), bad).toMatch(/slug/);
    }
  });

  it("of a course's lessons are refused when two lessons of the course share one, naming the field", async () => {
    const course = await adminApi('GET', `/content-manager/collection-types/${COURSE}?locale=en&filters[slug][$eq]=juncao-technology-introduction`);
    const documentId = course.body.results[0].documentId as string;
    const lesson = (title: string) => ({ title, slug: 'same-lesson', kind: 'reading', required: true, reading: 'Text.' });
    const res = await contentManager.saveLocale(COURSE, documentId, 'en', {
      modules: [
        { title: 'One', lessons: [lesson('First')] },
        { title: 'Two', lessons: [lesson('Second')] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('course [en] modules.*.lessons.*.slug: "same-lesson" is used twice in this entry');
  });
});
