/** The missing-translation behaviour: no fallback pages, honest hreflang, switcher. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '@ssc/content-schemas';
import { allPages, alternatesOf, hasPage, page, site } from './helpers.ts';

const ENGLISH_ONLY = 'news/cloud-school-hybrid-rice-webinar-2022';
const NO_FRENCH = 'news/wfp-cicg-mou-knowledge-partnership';
const abs = (p: string) => `${site.siteUrl}${p}`;

describe('missing translations', () => {
  it('build item pages only where the translation is published', () => {
    expect(hasPage(`/en/${ENGLISH_ONLY}/`)).toBe(true);
    for (const l of ['zh', 'ar', 'es', 'fr']) expect(hasPage(`/${l}/${ENGLISH_ONLY}/`)).toBe(false);
    for (const l of ['en', 'zh', 'ar', 'es']) expect(hasPage(`/${l}/${NO_FRENCH}/`)).toBe(true);
    expect(hasPage(`/fr/${NO_FRENCH}/`)).toBe(false);
  });

  it('list only real translations as hreflang alternates, plus x-default', () => {
    expect(alternatesOf(page(`/en/${ENGLISH_ONLY}/`))).toEqual({ en: abs(`/en/${ENGLISH_ONLY}/`), 'x-default': abs(`/en/${ENGLISH_ONLY}/`) });
    const alternates = alternatesOf(page(`/ar/${NO_FRENCH}/`));
    expect(Object.keys(alternates).sort()).toEqual(['ar', 'en', 'es', 'x-default', 'zh-Hans']);
    expect(alternates.fr).toBeUndefined();
    expect(alternates['x-default']).toBe(abs(`/en/${NO_FRENCH}/`));
  });

  it('link the switcher of an item only to its translations, and mark the others not available', () => {
    const switcher = page(`/es/${NO_FRENCH}/`).doc.querySelector('nav.langs')!;
    const links = switcher.querySelectorAll('a');
    expect(links.map((a) => a.getAttribute('hreflang')).sort()).toEqual(['ar', 'en', 'zh-Hans']);
    for (const a of links) expect(a.getAttribute('lang')).toBe(a.getAttribute('hreflang'));
    const unavailable = switcher.querySelectorAll('li.na');
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0].querySelector('span[lang]')!.getAttribute('lang')).toBe('fr');
    expect(unavailable[0].querySelector('a')).toBeNull();
  });

  it('link the switcher of other pages to every locale', () => {
    for (const url of ['/fr/', '/fr/news/', '/fr/about/', '/fr/themes/value-chain-development/']) {
      const links = page(url).doc.querySelectorAll('nav.langs a');
      expect(links, url).toHaveLength(localeCodes.length - 1);
    }
  });

  it('leave untranslated items out of lists, related links and theme pages', () => {
    const hrefs = (url: string) =>
      page(url)
        .doc.querySelectorAll('main a')
        .map((a) => a.getAttribute('href'));
    expect(hrefs('/fr/news/')).not.toContain(`/fr/${NO_FRENCH}/`);
    expect(hrefs('/fr/news/').filter((h) => h?.startsWith('/fr/news/'))).toEqual(['/fr/news/ssc-platform-launch-2022/']);
    expect(hrefs('/en/news/ssc-platform-launch-2022/')).toContain(`/en/${ENGLISH_ONLY}/`);
    expect(hrefs('/zh/news/ssc-platform-launch-2022/')).not.toContain(`/zh/${ENGLISH_ONLY}/`);
    expect(hrefs('/ar/news/ssc-platform-launch-2022/').some((h) => h?.includes('ifad-south-south'))).toBe(false);
    expect(hrefs('/ar/themes/poverty-alleviation/').some((h) => h?.includes('ifad-south-south'))).toBe(false);
  });

  it('give every localized page text from its own locale only (no fallback strings)', () => {
    // The English-only item's title must not appear on any page of another locale.
    const title = page(`/en/${ENGLISH_ONLY}/`).doc.querySelector('h1')!.text;
    for (const p of allPages().filter((x) => x.locale && x.locale !== 'en')) expect(p.html.includes(title), p.url).toBe(false);
  });

  it('write a sitemap whose alternates are real translations only', () => {
    const xml = fs.readFileSync(path.join(site.dir, 'sitemap-0.xml'), 'utf8');
    const entry = (loc: string) => new RegExp(`<url><loc>${abs(loc).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</loc>(.*?)</url>`).exec(xml)?.[1];
    const noFrench = entry(`/en/${NO_FRENCH}/`);
    expect(noFrench).toBeDefined();
    expect(noFrench).toContain('hreflang="ar"');
    expect(noFrench).not.toContain('hreflang="fr"');
    expect(entry(`/en/${ENGLISH_ONLY}/`)).not.toContain('xhtml:link');
    expect(xml).not.toContain('/404/');
    expect(fs.readFileSync(path.join(site.dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site.siteUrl}/sitemap-index.xml`);
  });
});
