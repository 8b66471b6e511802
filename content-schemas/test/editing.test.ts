import { describe, expect, it } from 'vitest';
import { collections, getCollection, labelField, localizedProsePaths, type Fields } from '../src/index.ts';

describe('what the admin needs to edit each collection', () => {
  it('names content by its title and taxonomy by its name', () => {
    expect(labelField(getCollection('news'))).toBe('title');
    expect(labelField(getCollection('theme'))).toBe('name');
    for (const collection of collections) expect((collection.fields as Fields)[labelField(collection)], collection.name).toBeDefined();
  });

  it('lists localized prose, inside components too, and leaves out slugs, URLs, language tags and shared fields', () => {
    const news = localizedProsePaths(getCollection('news'));
    expect(news).toEqual(expect.arrayContaining(['title', 'summary', 'body', 'heroImage.alt', 'seo.metaTitle']));
    expect(news).not.toContain('slug');
    const video = localizedProsePaths(getCollection('video'));
    expect(video).toContain('captions.*.label');
    expect(video).not.toContain('externalUrl');
    expect(video).not.toContain('spokenLanguage');
    expect(video).not.toContain('captions.*.language');
    expect(localizedProsePaths(getCollection('course'))).toContain('modules.*.lessons.*.reading');
    expect(localizedProsePaths(getCollection('partner'))).not.toContain('website');
  });
});
