/**
 * The parts of entry isolation that need no build: which entry a page or a failed
 * build belongs to, and the copy of a snapshot without some entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '@ssc/content-schemas';
import { EntryPages } from '../lib/entry-pages.ts';
import { invalidEntries } from '../lib/entry-validation.ts';
import type { LeftOutEntry } from '../lib/left-out.ts';
import { readRawEntries } from '../lib/raw-snapshot.ts';
import { writeSnapshotWithout } from '../lib/snapshot-without.ts';
import { fixtureSnapshot, tempRoot, VariantSnapshot } from '../../test-support/variant-snapshot.ts';

const root = tempRoot('ssc-isolation-parts-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const CHINA = 'c260ce1f7e6e8d42c9c3c835';
const VALUE_CHAINS = 'ece343ad508961319bd3d54b';
const POLICY = '0f218380892a0a3b78ec93f5';

describe('the entry a page belongs to', () => {
  const pages = new EntryPages(readRawEntries(fixtureSnapshot));

  it('is the item for its item page, and the theme for its theme pages', () => {
    expect(pages.ownerOf('/en/news/cloud-school-hybrid-rice-webinar-2022/')).toEqual({ type: 'news', documentId: 'a34c8e66181691c19f6f2a9c', locale: 'en' });
    expect(pages.ownerOf('/fr/policies/china-rural-revitalization-promotion-law-2021/index.html')).toEqual({
      type: 'policy',
      documentId: POLICY,
      locale: 'fr',
    });
    expect(pages.ownerOf('/zh/themes/value-chain-development/news/')).toEqual({ type: 'theme', documentId: VALUE_CHAINS, locale: 'zh' });
  });

  it('is the course for each of its lesson pages', () => {
    expect(pages.ownerOf('/ar/courses/hybrid-rice-value-chain/check-your-understanding/')).toEqual({
      type: 'course',
      documentId: 'f1e81c69bcf08191cc807f80',
      locale: 'ar',
    });
  });

  it('is none for home, lists, search, about and error pages', () => {
    for (const page of ['/', '/en/', '/en/news/', '/en/news/page/2/', '/en/search/', '/en/about/', '/404.html', '/en/404/'])
      expect(pages.ownerOf(page), page).toBeUndefined();
  });

  // The pages Astro failed to render, read from its log, are tested with the site (site/test/build-failure.test.ts).
  it('is found from a failed build through a media file or a document id', () => {
    expect(pages.namedIn('NoImageMetadata: Could not process image metadata for `/x/snapshot/media/seminar-hall.jpg`.').map((n) => n.entry.type)).toContain(
      'news',
    );
    expect(
      pages
        .namedIn(`entry ${POLICY} is odd`)
        .map((n) => n.entry.locale)
        .sort(),
    ).toEqual(['ar', 'en', 'es', 'fr', 'zh']);
    expect(pages.namedIn('TypeError: something on every page')).toEqual([]);
  });
});

describe('a snapshot without some entries', () => {
  it('has no link to them, drops their locale from their translations, leaves out what needed them, and leaves the pulled snapshot as it was', () => {
    const source = new VariantSnapshot(root, 'source');
    const before = fs.readFileSync(path.join(source.dir, 'entries', 'policy.en.json'), 'utf8');
    const leftOut: LeftOutEntry[] = [
      { stage: 'audit', type: 'theme', documentId: VALUE_CHAINS, locale: 'en', page: '/en/themes/value-chain-development/', reason: 'test' },
      { stage: 'render', type: 'country', documentId: CHINA, locale: 'en', reason: 'test' },
      { stage: 'validation', type: 'policy', documentId: POLICY, locale: 'fr', field: 'officialLink', reason: 'test' },
    ];
    const dir = writeSnapshotWithout(source.dir, path.join(root, 'without'), leftOut);

    // The policy of China required its country: it is left out in English too, and said so.
    expect(leftOut).toContainEqual(expect.objectContaining({ stage: 'validation', type: 'policy', documentId: POLICY, locale: 'en', field: 'country' }));
    const snapshot = readSnapshot(dir);
    expect(snapshot.entries.policy.en.map((e) => e.documentId)).not.toContain(POLICY);
    expect(snapshot.entries.policy.fr.map((e) => e.documentId)).not.toContain(POLICY);
    expect(snapshot.entries.policy.zh.find((e) => e.documentId === POLICY)?.translations).toEqual(['zh', 'ar', 'es']);
    // Links to the English theme are gone in English only.
    expect(JSON.stringify(snapshot.entries.news.en)).not.toContain(VALUE_CHAINS);
    expect(JSON.stringify(snapshot.entries.news.zh)).toContain(VALUE_CHAINS);
    expect(snapshot.manifest.counts.policy.en).toBe(1);
    expect(snapshot.manifest.warnings.map((w) => `${w.type} ${w.documentId} ${w.locale}`)).toEqual(leftOut.map((e) => `${e.type} ${e.documentId} ${e.locale}`));
    expect(fs.readFileSync(path.join(source.dir, 'entries', 'policy.en.json'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(dir, 'media', 'seminar-hall.jpg'))).toBe(true);
  });

  it('is what the validation stage asks for: each invalid entry on its own, named with its field', () => {
    const source = new VariantSnapshot(root, 'invalid');
    source.edit('policy', 'fr', POLICY, (e) => (e.officialLink = 'https://['));
    source.edit('news', 'en', 'a34c8e66181691c19f6f2a9c', (e) => (e.heroImage.image.path = 'media/not-there.jpg'));
    const found = invalidEntries(source.dir, readRawEntries(source.dir));
    expect(found.map((e) => [e.type, e.documentId, e.locale, e.field])).toEqual([
      ['news', 'a34c8e66181691c19f6f2a9c', 'en', undefined],
      ['policy', POLICY, 'fr', 'officialLink'],
    ]);
    expect(found[0].reason).toContain('media/not-there.jpg');
  });
});
