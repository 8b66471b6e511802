/** Byte budget: HTML + CSS of every page fits the first round trip (≤ 14 KB gzip), as the release audit weighs it. */
import { describe, expect, it } from 'vitest';
import { auditSite, PAGE_BUDGET_BYTES } from '../lib/audit.ts';
import { allPages, site } from './helpers.ts';

describe('page weight', () => {
  it('keeps HTML + CSS of every page within 14 KB gzip', () => {
    const audit = auditSite(site.dir, site.siteUrl);
    expect(audit.pages.length).toBe(site.pages);
    const over = audit.pages.filter((p) => p.bytes > PAGE_BUDGET_BYTES).map((p) => `${p.url}: ${p.bytes} bytes`);
    expect(over, `pages over ${PAGE_BUDGET_BYTES} bytes`).toEqual([]);
    console.info(`largest page: ${audit.largest.url} ${audit.largest.bytes} bytes gzip (HTML + CSS)`);
  });

  it('loads no external script on any page but the certificate verify page, whose own module comes from this site', () => {
    for (const p of allPages()) {
      const sources = p.doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src'));
      if (/^\/[a-z]{2}\/verify\/$/.test(p.url)) expect(sources, p.url).toEqual([expect.stringMatching(/^\/_astro\/[\w.-]+\.js$/)]);
      else expect(sources, p.url).toHaveLength(0);
    }
  });
});
