/** The pre-release audit: silent on the fixture site, and it names each kind of problem. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditSite, PAGE_BUDGET_BYTES } from '../lib/audit.ts';
import { site } from './helpers.ts';

const ORIGIN = 'https://knowledge.example.org';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-audit-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeSite(name: string, files: Record<string, string>): string {
  const dir = path.join(scratch, name);
  for (const [file, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), body);
  }
  return dir;
}

const page = (lang: string, dir: string, body: string, head = '') =>
  `<!doctype html><html lang="${lang}" dir="${dir}"><head><link rel="stylesheet" href="/_astro/site.css">${head}</head><body>${body}</body></html>`;

describe('site audit', () => {
  it('finds no problem in the built fixture site and reports its largest page', () => {
    const audit = auditSite(site.dir, site.siteUrl);
    expect(audit.problems).toEqual([]);
    expect(audit.pages.length).toBe(site.pages);
    expect(audit.largest.bytes).toBeGreaterThan(1000);
    expect(audit.largest.bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
  });

  it('names the page and the problem for wrong lang/dir, broken links, stray locale links and false hreflang', () => {
    const dir = writeSite('broken', {
      '_astro/site.css': 'body{margin:0}',
      'en/index.html': page('en', 'ltr', '<a href="/en/missing/">x</a><a href="/fr/">fr</a><a href="/ar/" hreflang="fr">ar</a><img src="/media/nope.png" alt="">'),
      'fr/index.html': page('fr', 'ltr', 'ok'),
      'ar/index.html': page('ar', 'ltr', 'ok', `<link rel="alternate" hreflang="en" href="${ORIGIN}/en/gone/">`),
    });
    const problems = auditSite(dir, ORIGIN).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        '/en/: broken link /en/missing/',
        '/en/: broken link /media/nope.png',
        "/en/: link /fr/ leaves the page's language without hreflang",
        '/en/: link /ar/ says hreflang="fr" but the page is lang="ar"',
        '/ar/: <html lang="ar" dir="ltr">, expected lang="ar" dir="rtl"',
        `/ar/: hreflang="en" alternate ${ORIGIN}/en/gone/ is not a page of this site`,
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('counts the stylesheet in the page weight and flags pages over the budget', () => {
    // Random base64 compresses to about 3/4 of its length: 24,000 characters are over 14 KB gzip.
    const noise = crypto.randomBytes(18_000).toString('base64');
    const dir = writeSite('heavy', { '_astro/site.css': `/*${noise}*/`, 'en/index.html': page('en', 'ltr', 'short') });
    const audit = auditSite(dir, ORIGIN);
    expect(audit.largest.url).toBe('/en/');
    expect(audit.problems).toEqual([expect.stringMatching(/^\/en\/: \d+ bytes of HTML \+ CSS \(gzip\), over the 14336-byte budget$/)]);
  });
});
