/**
 * A link check over the whole built site: every internal href, src and srcset
 * resolves to a built file, and localized pages link to pages of their own locale,
 * except links marked with hreflang (the language switcher, files in another
 * language), whose target must then really be in that language.
 */
import { describe, expect, it } from 'vitest';
import { localeCodes } from '@ssc/content-schemas';
import { allPages, fileFor, page, site, srcsetUrls, type Page } from './helpers.ts';

interface Link {
  page: Page;
  attr: string;
  value: string;
  hreflang: string | undefined;
  tag: string;
}

function linksOf(p: Page): Link[] {
  const out: Link[] = [];
  const add = (tag: string, attr: string, value: string | undefined, hreflang?: string) => {
    if (value !== undefined) out.push({ page: p, attr, value, hreflang, tag });
  };
  for (const el of p.doc.querySelectorAll('a[href], link[href]')) add(el.tagName.toLowerCase(), 'href', el.getAttribute('href'), el.getAttribute('hreflang'));
  for (const el of p.doc.querySelectorAll('img[src]')) add('img', 'src', el.getAttribute('src'));
  for (const el of p.doc.querySelectorAll('[srcset]')) for (const url of srcsetUrls(el.getAttribute('srcset')!)) add(el.tagName.toLowerCase(), 'srcset', url);
  for (const el of p.doc.querySelectorAll('meta[property="og:image"], meta[property="og:url"]')) add('meta', 'content', el.getAttribute('content'));
  return out;
}

/** The site path of an internal URL, or null for external and data URLs. */
function internalPath(link: Link): string | null {
  const value = link.value;
  if (value.startsWith('#') || value.startsWith('data:')) return null;
  const url = new URL(value, `${site.siteUrl}${link.page.url}`);
  if (url.origin !== site.siteUrl) return null;
  return url.pathname;
}

const isPagePath = (p: string) => !p.startsWith('/_astro/') && !p.startsWith('/media/');

describe('links', () => {
  const links = allPages().flatMap(linksOf);

  it('finds links to check', () => {
    expect(links.length).toBeGreaterThan(1000);
  });

  it('resolve every internal href, src and srcset to a built file', () => {
    const broken = links.filter((l) => {
      const p = internalPath(l);
      return p !== null && !fileFor(p);
    });
    expect(broken.map((l) => `${l.page.url} → ${l.value}`)).toEqual([]);
  });

  it('use only web schemes for external links', () => {
    const bad = links.filter((l) => internalPath(l) === null && !/^(https?:|mailto:|#|data:,$)/.test(l.value));
    expect(bad.map((l) => `${l.page.url} → ${l.value}`)).toEqual([]);
  });

  it('keep localized pages on their own locale unless the link is marked with hreflang', () => {
    const stray = links.filter((l) => {
      const target = internalPath(l);
      if (!l.page.locale || target === null || !isPagePath(target) || l.hreflang) return false;
      return !target.startsWith(`/${l.page.locale}/`);
    });
    expect(stray.map((l) => `${l.page.url} → ${l.value}`)).toEqual([]);
  });

  it('point hreflang links at pages whose <html lang> is that language', () => {
    for (const l of links) {
      const target = internalPath(l);
      if (!l.hreflang || l.hreflang === 'x-default' || target === null || !isPagePath(target)) continue;
      const first = target.split('/')[1];
      if (!(localeCodes as readonly string[]).includes(first)) continue;
      expect(page(target).doc.querySelector('html')!.getAttribute('lang'), `${l.page.url} → ${target}`).toBe(l.hreflang);
    }
  });
});
