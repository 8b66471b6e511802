/** The pre-release audit: silent on the fixture site, it names each kind of problem, and its facts cache never changes what it reports. */
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
      'en/index.html': page(
        'en',
        'ltr',
        '<a href="/en/missing/">x</a><a href="/fr/">fr</a><a href="/ar/" hreflang="fr">ar</a><img src="/media/nope.png" alt="">',
      ),
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

  describe('with a facts cache', () => {
    it('gives the same audit of the fixture site as without a cache, from an empty cache and from a warm one', () => {
      const cacheFile = path.join(scratch, 'fixture-cache', 'audit-facts.json');
      const uncached = auditSite(site.dir, site.siteUrl);
      expect(auditSite(site.dir, site.siteUrl, { cacheFile })).toEqual(uncached);
      expect(fs.existsSync(cacheFile)).toBe(true);
      expect(auditSite(site.dir, site.siteUrl, { cacheFile })).toEqual(uncached);
    });

    const smallSite = (name: string) =>
      writeSite(name, {
        '_astro/site.css': 'body{margin:0}',
        'en/index.html': page('en', 'ltr', '<a href="/en/about/">about</a><a href="/en/old/">old</a>'),
        'en/about/index.html': page('en', 'ltr', '<a href="/en/">home</a><a href="/en/gone/">gone</a>'),
        'en/old/index.html': page('en', 'ltr', 'old news'),
        'fr/index.html': page('fr', 'ltr', '<a href="/fr/">accueil</a>'),
      });

    it('reports after pages change exactly what a fresh audit reports: new problems, fixed ones, and links broken by a removed page', () => {
      const dir = smallSite('changing');
      const cacheFile = path.join(scratch, 'changing-cache.json');
      expect(auditSite(dir, ORIGIN, { cacheFile }).problems).toEqual(['/en/about/: broken link /en/gone/']);

      // One page gains a broken link, one changes language, one loses its broken link, and /en/old/ goes:
      // /en/ does not change, yet its link to /en/old/ is now broken.
      fs.writeFileSync(path.join(dir, 'fr/index.html'), page('fr', 'ltr', '<a href="/fr/nulle-part/">x</a>'));
      fs.writeFileSync(path.join(dir, 'en/about/index.html'), page('en', 'ltr', '<a href="/en/">home</a>'));
      fs.writeFileSync(path.join(dir, 'en/old/index.html'), page('de', 'ltr', 'old news'));
      let cached = auditSite(dir, ORIGIN, { cacheFile });
      expect(cached).toEqual(auditSite(dir, ORIGIN));
      expect(cached.problems).toEqual(['/en/old/: <html lang="de" dir="ltr">, expected lang="en" dir="ltr"', '/fr/: broken link /fr/nulle-part/']);

      fs.rmSync(path.join(dir, 'en/old'), { recursive: true });
      cached = auditSite(dir, ORIGIN, { cacheFile });
      expect(cached).toEqual(auditSite(dir, ORIGIN));
      expect(cached.problems).toEqual(['/en/: broken link /en/old/', '/fr/: broken link /fr/nulle-part/']);
      // The cache keeps exactly the pages of the last audit.
      const kept = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { pages: Record<string, unknown> };
      expect(Object.keys(kept.pages).sort()).toEqual(['/en/', '/en/about/', '/fr/']);
    });

    it('reuses the facts of a page whose bytes did not change, and parses again a page that changed', () => {
      const dir = smallSite('reused');
      const cacheFile = path.join(scratch, 'reused-cache.json');
      auditSite(dir, ORIGIN, { cacheFile });
      // Plant a fact no parse of /fr/ would give: while /fr/ is unchanged, the audit takes it from the cache.
      const content = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { pages: Record<string, { facts: { lang: string } }> };
      content.pages['/fr/']!.facts.lang = 'xx';
      fs.writeFileSync(cacheFile, JSON.stringify(content));
      expect(auditSite(dir, ORIGIN, { cacheFile }).problems).toEqual([
        '/en/about/: broken link /en/gone/',
        '/fr/: <html lang="xx" dir="ltr">, expected lang="fr" dir="ltr"',
      ]);
      fs.writeFileSync(path.join(dir, 'fr/index.html'), page('fr', 'ltr', '<a href="/fr/">accueil</a> '));
      expect(auditSite(dir, ORIGIN, { cacheFile }).problems).toEqual(['/en/about/: broken link /en/gone/']);
    });

    it('ignores a damaged cache file or damaged entries, and writes a good one in their place', () => {
      const dir = smallSite('damaged');
      const cacheFile = path.join(scratch, 'damaged-cache.json');
      const uncached = auditSite(dir, ORIGIN);
      for (const damaged of ['{"kind": "audit-facts/1", "pages": {"/en/": ', 'not json', '[]', '{"kind": "audit-facts/0", "pages": {}}']) {
        fs.writeFileSync(cacheFile, damaged);
        expect(auditSite(dir, ORIGIN, { cacheFile })).toEqual(uncached);
      }
      const content = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { pages: Record<string, { facts: { links: unknown } }> };
      expect(Object.keys(content.pages)).toHaveLength(4);
      content.pages['/en/about/']!.facts.links = 'not a list';
      fs.writeFileSync(cacheFile, JSON.stringify(content));
      expect(auditSite(dir, ORIGIN, { cacheFile })).toEqual(uncached);
    });
  });
});
