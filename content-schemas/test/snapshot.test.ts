import { describe, expect, it } from 'vitest';
import { entrySchema, formatProblem, locales, validateEntry, type SnapshotEntry } from '../src/index.ts';

const media = { path: 'media/a.jpg', mime: 'image/jpeg', sizeBytes: 1000, width: 800, height: 450, name: 'a.jpg' };

function validNews(): SnapshotEntry<'news'> {
  return {
    type: 'news',
    documentId: 'abc123',
    locale: 'ar',
    publishedAt: '2024-01-02T03:04:05.000Z',
    updatedAt: '2024-01-02T03:04:05.000Z',
    translations: ['en', 'ar'],
    slug: 'rice-webinar',
    title: 'ندوة الأرز',
    summary: 'ملخص',
    themes: [{ documentId: 't1', slug: 'value-chain-development' }],
    countries: [],
    license: 'CC-BY-4.0',
    attribution: '© WFP',
    seo: null,
    date: '2024-01-01',
    body: 'نص',
    heroImage: { image: media, alt: 'حقل أرز', caption: null, credit: null },
    partners: [],
    relatedNews: [],
    relatedReports: [],
    relatedVideos: [],
    relatedCourses: [],
  };
}

describe('snapshot validators derived from the model', () => {
  it('accept a valid entry', () => {
    const result = validateEntry('news', validNews());
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it('name the type, document, locale and field of a problem', () => {
    const entry = validNews();
    entry.heroImage = { ...entry.heroImage!, alt: '' };
    const result = validateEntry('news', entry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ type: 'news', documentId: 'abc123', locale: 'ar', field: 'heroImage.alt' });
    expect(formatProblem(result.problems[0])).toMatch(/^news abc123 \[ar\] heroImage\.alt: /);
  });

  it('reject an unknown locale, a bad slug and a missing required field', () => {
    const bad = { ...validNews(), locale: 'de', slug: 'Not A Slug' } as Record<string, unknown>;
    delete bad.title;
    const result = validateEntry('news', bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['locale', 'slug', 'title']);
  });

  it('write Arabic right to left', () => {
    expect(locales.find((l) => l.code === 'ar')?.dir).toBe('rtl');
    expect(entrySchema('course').shape.modules).toBeDefined();
  });
});
