/**
 * Links over the whole built site: the release audit's checks (internal links
 * resolve, localized pages stay in their locale unless a link carries hreflang,
 * hreflang targets are in that language), plus what the audit does not look at:
 * Open Graph URLs and the schemes of external links.
 */
import { describe, expect, it } from 'vitest';
import { auditSite } from '../lib/audit.ts';
import { allPages, fileFor, site, srcsetUrls, type Page } from './helpers.ts';

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

describe('links', () => {
  const links = allPages().flatMap(linksOf);

  it('finds links to check', () => {
    expect(links.length).toBeGreaterThan(1000);
  });

  // Internal links that resolve, stay in their locale unless marked with hreflang, and hreflang targets in that
  // language: the release audit checks those (site/lib/audit.ts), and its tests show each kind is caught.
  it('pass the release audit', () => {
    expect(auditSite(site.dir, site.siteUrl).problems).toEqual([]);
  });

  it('resolve the Open Graph image and URL of every page to built files', () => {
    const broken = links.filter((l) => {
      const p = l.tag === 'meta' ? internalPath(l) : null;
      return p !== null && !fileFor(p);
    });
    expect(links.some((l) => l.tag === 'meta')).toBe(true);
    expect(broken.map((l) => `${l.page.url} → ${l.value}`)).toEqual([]);
  });

  it('use only web schemes for external links', () => {
    const bad = links.filter((l) => internalPath(l) === null && !/^(https?:|mailto:|#|data:,$)/.test(l.value));
    expect(bad.map((l) => `${l.page.url} → ${l.value}`)).toEqual([]);
  });
});
