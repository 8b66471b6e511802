/**
 * A match's links across languages on the built fixture site: the fixture's Sri Lanka match (en, fr, zh) links,
 * through its shared `links`, a Chinese-only offer (published) and an offer that is not in the snapshot (a draft).
 * The French and English stories link the Chinese offer's page, the link marked with its language; the Chinese
 * story links it as its own; the draft is linked nowhere: no page, static API page or search record names it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPages, page, site } from './helpers.ts';

const MATCH = 'sri-lanka-paddy-drying-match';
const ZH_ONLY_OFFER = '/zh/offers/paddy-dryer-technology-transfer/';
const ZH_ONLY_OFFER_ID = '5e1a0c0d2b7e4f1a9c3d0008';
const DRAFT_OFFER_ID = '5e1a0c0d2b7e4f1a9c3d0009';

const story = (locale: string) => page(`/${locale}/matches/${MATCH}/`).doc.querySelector('main')!;

describe('a match linking records in other languages', () => {
  it('links the Chinese-only offer from the French story, to its Chinese page, marked zh-Hans', () => {
    const link = story('fr').querySelector(`a[href="${ZH_ONLY_OFFER}"]`);
    expect(link, story('fr').innerHTML).not.toBeNull();
    expect(link!.getAttribute('hreflang')).toBe('zh-Hans');
    expect(link!.getAttribute('lang')).toBe('zh-Hans');
    expect(link!.getAttribute('dir')).toBe('ltr');
    expect(link!.text).toBe('稻谷低温烘干设备技术转让');
    // Its summary is Chinese text on a French page: marked too.
    const summary = link!.parentNode!.querySelector('p')!;
    expect(summary.getAttribute('lang')).toBe('zh-Hans');
    expect(summary.text).toContain('稻谷烘干机');
    // It sits with the offer the match links in French, under the story's "offers" heading.
    const offers = link!.closest('section')!;
    expect(offers.querySelector('a[href="/fr/offers/post-harvest-management-training-course/"]')).not.toBeNull();
    expect(offers.querySelector('a[href="/fr/offers/post-harvest-management-training-course/"]')!.hasAttribute('hreflang')).toBe(false);
  });

  it('links it the same way from the English story, and as a page of its own language from the Chinese one', () => {
    expect(story('en').querySelector(`a[href="${ZH_ONLY_OFFER}"]`)!.getAttribute('hreflang')).toBe('zh-Hans');
    const zh = story('zh').querySelector(`a[href="${ZH_ONLY_OFFER}"]`);
    expect(zh).not.toBeNull();
    expect(zh!.hasAttribute('hreflang')).toBe(false);
    expect(zh!.hasAttribute('lang')).toBe(false);
  });

  it('never links or names an offer that is not published', () => {
    for (const p of allPages()) expect(p.html, p.url).not.toContain(DRAFT_OFFER_ID);
    const pages = (locale: string) => fs.readFileSync(path.join(site.dir, 'api', locale, 'matches', '1.json'), 'utf8');
    for (const locale of ['en', 'fr', 'zh']) {
      const api = JSON.parse(pages(locale)) as { items: { entry: { slug: string; links: { type: string; targetDocumentId: string }[] } }[] };
      const match = api.items.find((i) => i.entry.slug === MATCH)!;
      expect(match.entry.links).toEqual([{ type: 'offer', targetDocumentId: ZH_ONLY_OFFER_ID }]);
      expect(pages(locale)).not.toContain(DRAFT_OFFER_ID);
    }
  });
});
