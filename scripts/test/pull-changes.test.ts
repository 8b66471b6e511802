import { describe, expect, it } from 'vitest';
import { collections } from '@ssc/content-schemas';
import { byDocumentId, changedDocuments, documentsWithStaleLinks, entryKey } from '../lib/pull-changes.ts';
import { mayPullIncrementally } from '../lib/pull-mode.ts';

const news = collections.find((c) => c.name === 'news')!;

describe('working out what an incremental pull fetches again', () => {
  it('marks a document changed when any of its entries is new, gone or at another version, and nothing else', () => {
    const previous = {
      [entryKey('news', 'en', 'a')]: '1@t1',
      [entryKey('news', 'fr', 'a')]: '2@t1',
      [entryKey('news', 'en', 'b')]: '3@t1',
      [entryKey('news', 'en', 'c')]: '4@t1',
      [entryKey('theme', 'en', 'd')]: '5@t1',
      [entryKey('theme', 'en', 'same')]: '6@t1',
    };
    const current = {
      [entryKey('news', 'en', 'a')]: '1@t1', // its French entry was unpublished
      [entryKey('news', 'en', 'b')]: '7@t2', // republished
      [entryKey('news', 'en', 'c')]: '4@t1',
      [entryKey('news', 'es', 'c')]: '8@t2', // a new translation
      [entryKey('theme', 'en', 'same')]: '6@t1',
      [entryKey('report', 'en', 'e')]: '9@t2', // a new document
    }; // theme d was deleted
    expect([...changedDocuments(previous, current)].sort()).toEqual(['news:a', 'news:b', 'news:c', 'report:e', 'theme:d']);
  });

  it('fetches again a kept entry whose linked theme has another slug now, not one whose theme kept its slug', () => {
    const kept = [
      { collection: news, entry: { documentId: 'x', themes: [{ documentId: 't1', slug: 'old' }], heroImage: null } },
      { collection: news, entry: { documentId: 'y', themes: [{ documentId: 't2', slug: 'same' }], heroImage: null } },
    ];
    const slugs = new Map<string, unknown>([
      ['theme:t1', 'new'],
      ['theme:t2', 'same'],
    ]);
    expect([...documentsWithStaleLinks(kept, slugs)]).toEqual(['news:x']);
  });

  it('orders entries by document id in code-point order', () => {
    expect(
      ['b', 'a1', 'A', 'a']
        .map((documentId) => ({ documentId }))
        .sort(byDocumentId)
        .map((e) => e.documentId),
    ).toEqual(['A', 'a', 'a1', 'b']);
  });

  it('pulls incrementally only for entry events, and never when SSC_INCREMENTAL_PULL is off', () => {
    expect(mayPullIncrementally(['entry.publish news [en]', 'entry.unpublish report'], {})).toBe(true);
    expect(mayPullIncrementally(['entry.publish news', 'media.update'], {})).toBe(false);
    expect(mayPullIncrementally(['a call'], {})).toBe(false);
    expect(mayPullIncrementally([], {})).toBe(false);
    expect(mayPullIncrementally(['entry.publish news'], { SSC_INCREMENTAL_PULL: 'false' })).toBe(false);
  });
});
