/** Language, direction, landmarks and headings of every built page. */
import { describe, expect, it } from 'vitest';
import { getLocale, localeCodes, locales } from '@ssc/content-schemas';
import { allPages, page, site } from './helpers.ts';
import { PROGRESS_SCRIPT_PATH } from '../src/lib/learning.ts';

describe('the built fixture site', () => {
  it('has pages in every locale', () => {
    expect(site.pages).toBeGreaterThan(50);
    for (const l of locales) expect(allPages().some((p) => p.url === `/${l.code}/`)).toBe(true);
  });

  it('sets lang and dir on every page, from the locale list', () => {
    for (const p of allPages()) {
      const html = p.doc.querySelector('html')!;
      const expected = getLocale(p.locale ?? 'en');
      expect(html.getAttribute('lang'), p.url).toBe(expected.tag);
      expect(html.getAttribute('dir'), p.url).toBe(expected.dir);
    }
  });

  it('makes Arabic pages right to left and marks Chinese as zh-Hans', () => {
    const arabic = allPages().filter((p) => p.locale === 'ar');
    const chinese = allPages().filter((p) => p.locale === 'zh');
    expect(arabic.length).toBeGreaterThan(10);
    expect(arabic.every((p) => p.doc.querySelector('html')!.getAttribute('dir') === 'rtl')).toBe(true);
    expect(chinese.every((p) => p.doc.querySelector('html')!.getAttribute('lang') === 'zh-Hans')).toBe(true);
  });

  it('gives every page one h1 and headings that never skip a level', () => {
    for (const p of allPages()) {
      const headings = p.doc.querySelectorAll('h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));
      expect(
        headings.filter((h) => h === 1),
        p.url,
      ).toHaveLength(1);
      expect(headings[0], p.url).toBe(1);
      for (let i = 1; i < headings.length; i++) expect(headings[i] - headings[i - 1], `${p.url} heading ${i}`).toBeLessThanOrEqual(1);
    }
  });

  it('has landmarks and a skip link on every localized page', () => {
    for (const p of allPages().filter((x) => x.locale)) {
      for (const landmark of ['header', 'nav', 'main', 'footer']) expect(p.doc.querySelector(landmark), `${p.url} ${landmark}`).not.toBeNull();
      const skip = p.doc.querySelector('a.skip');
      expect(skip?.getAttribute('href'), p.url).toBe('#main');
      expect(p.doc.querySelector('main')!.getAttribute('id')).toBe('main');
    }
  });

  it('needs no JavaScript: no script element anywhere but on the search and certificate verify pages, and the learner check of course pages', () => {
    const reading = allPages().filter((p) => !/^\/[a-z]{2}\/(search|verify)\/$/.test(p.url));
    expect(reading.length).toBe(allPages().length - 2 * localeCodes.length);
    for (const p of reading) {
      // Course and lesson pages hold one inline check that loads the progress script for signed-in learners only.
      const scripts = p.doc.querySelectorAll('script').filter((s) => !(s.text.includes('ssc_learner=1') && s.text.includes(PROGRESS_SCRIPT_PATH)));
      expect(scripts, p.url).toHaveLength(0);
    }
  });

  it('offers a plain language chooser at /', () => {
    const root = page('/');
    const links = root.doc.querySelectorAll('main a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(locales.map((l) => `/${l.code}/`));
    for (const [i, l] of locales.entries()) {
      expect(links[i].getAttribute('hreflang')).toBe(l.tag);
      expect(links[i].getAttribute('lang')).toBe(l.tag);
      expect(links[i].closest('li')!.getAttribute('lang')).toBe(l.tag);
    }
    expect(root.doc.querySelector('meta[http-equiv]')).toBeNull();
  });

  it('has a 404 page at the root and one per locale', () => {
    expect(page('/404.html').doc.querySelectorAll('section[lang]')).toHaveLength(locales.length);
    for (const l of locales) expect(page(`/${l.code}/404/`).doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it('formats dates with Intl in the page language', () => {
    const time = (url: string) => page(url).doc.querySelector('dl.facts time')!.text;
    expect(time('/en/news/ssc-platform-launch-2022/')).toBe('April 15, 2022');
    expect(time('/zh/news/ssc-platform-launch-2022/')).toBe('2022年4月15日');
    expect(time('/fr/news/ssc-platform-launch-2022/')).toBe('15 avril 2022');
  });

  it('shows the licence and attribution on every item page', () => {
    const items = allPages().filter((p) => p.doc.querySelector('article'));
    expect(items.length).toBeGreaterThan(30);
    for (const p of items) {
      const line = p.doc.querySelector('p.license');
      expect(line, p.url).not.toBeNull();
      expect(line!.text.length, p.url).toBeGreaterThan(20);
    }
  });

  it('puts Open Graph and canonical metadata in the page language', () => {
    const p = page('/zh/news/ssc-platform-launch-2022/');
    const meta = (prop: string) => p.doc.querySelector(`meta[property="${prop}"]`)?.getAttribute('content');
    expect(meta('og:locale')).toBe('zh_Hans');
    expect(meta('og:title')).toBe(p.doc.querySelector('h1')!.text);
    expect(meta('og:url')).toBe(`${site.siteUrl}/zh/news/ssc-platform-launch-2022/`);
    expect(meta('og:image')).toMatch(new RegExp(`^${site.siteUrl}/_astro/`));
    expect(p.doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${site.siteUrl}/zh/news/ssc-platform-launch-2022/`);
  });
});
