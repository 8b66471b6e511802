/**
 * An incremental build makes the same site as a full one. Real Astro builds of
 * variants of the fixture snapshot: one cache folder follows the snapshot from
 * change to change (as publishing does), and each result is compared, file by file
 * and byte for byte, with a full build of the same snapshot from a fresh cache with
 * incremental building off.
 *
 * Normalized before comparing: nothing. The site writes no build time anywhere
 * (feeds date themselves by their newest item, the sitemap carries no lastmod), so
 * any difference is a wrong page. Should a build time ever appear in the output, it
 * must be normalized here by name.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../lib/build.ts';
import { siteRoot } from '../lib/config.ts';
import { tempRoot, VariantSnapshot } from '../../test-support/variant-snapshot.ts';

const SITE_URL = 'https://knowledge.example.org';
const root = tempRoot('ssc-incremental-');
fs.mkdirSync(path.join(siteRoot, '.astro'), { recursive: true });
const cacheRoot = fs.mkdtempSync(path.join(siteRoot, '.astro', 'test-incremental-'));
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(cacheRoot, { recursive: true, force: true });
});

/** Output bytes that legitimately differ between two builds of one snapshot, by name. None today (see above). */
const NORMALIZE: { name: string; file: RegExp; replace: (text: string) => string }[] = [];

/** Every file of a built site: relative path → SHA-256 of its (normalized) bytes. */
function digestTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, file).split(path.sep).join('/');
    let bytes: Buffer | string = fs.readFileSync(file);
    for (const n of NORMALIZE) if (n.file.test(rel)) bytes = n.replace(bytes.toString('utf8'));
    files.set(rel, crypto.createHash('sha256').update(bytes).digest('hex'));
  }
  return files;
}

/** The files that differ between two sites (missing on either side included). */
function differences(a: string, b: string): string[] {
  const left = digestTree(a);
  const right = digestTree(b);
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names].filter((name) => left.get(name) !== right.get(name)).sort();
}

const incrementalCache = path.join(cacheRoot, 'incremental');
let step = 0;

/** Builds `snapshot` incrementally (the shared cache) and fully (a fresh cache); returns both outputs and what the incremental one rendered. */
async function buildBothWays(snapshot: VariantSnapshot) {
  step += 1;
  const incremental = path.join(root, `incremental-${step}`);
  const full = path.join(root, `full-${step}`);
  const built = await buildSite({ snapshotDir: snapshot.dir, outDir: incremental, siteUrl: SITE_URL, cacheDir: incrementalCache, incremental: true });
  const pages = {
    rendered: new Set(built.rendered.map((o) => `/${o}`)),
    reused: new Set(built.reusedPaths.map((o) => `/${o}`)),
    searchReused: built.searchReused,
  };
  await buildSite({ snapshotDir: snapshot.dir, outDir: full, siteUrl: SITE_URL, cacheDir: path.join(cacheRoot, `full-${step}`), incremental: false });
  return { incremental, full, ...pages };
}

// Fixture documents the changes touch.
const LAUNCH_NEWS = 'd4164eb8afaf032180f9defe'; // every locale
const MOU_NEWS = '3fca2c'; // prefix; English (and some others), given a French translation below
const ENGLISH_NEWS = 'a34c8e66181691c19f6f2a9c'; // English only: copied to fill two list pages
const POLICY = '0f218380892a0a3b78ec93f5'; // every locale
const VALUE_CHAINS = 'ece343ad508961319bd3d54b'; // a theme in every locale
const CHINESE_OFFER = '5e1a0c0d2b7e4f1a9c3d0008'; // Chinese only, linked by the match (en, fr, zh) through its shared links

/** The fixture with enough English news for two list pages (20 a page). */
function withTwoNewsPages(name: string): VariantSnapshot {
  const snapshot = new VariantSnapshot(root, name);
  for (let i = 1; i <= 22; i++) {
    snapshot.addCopyOf('news', 'en', ENGLISH_NEWS, `filler-news-${i}`, (e) => {
      e.title = `Filler news ${i}`;
      e.date = `2019-01-${String(i).padStart(2, '0')}`;
    });
  }
  return snapshot;
}

describe('incremental builds', { timeout: 600_000 }, () => {
  it('build the same site as a full build after an edit, a body-only edit, a new entry, a new translation (one a match links across languages), a renamed theme and an item moving between list pages', async () => {
    const base = withTwoNewsPages('base');
    await buildSite({ snapshotDir: base.dir, outDir: path.join(root, 'base'), siteUrl: SITE_URL, cacheDir: incrementalCache, incremental: true });

    const changed = withTwoNewsPages('changed');
    // An edit: the English launch news gets a new title.
    changed.edit('news', 'en', LAUNCH_NEWS, (e) => (e.title = 'The knowledge sharing platform goes live (edited)'));
    // A body-only edit: the content layer keeps only the body's digest, which must still re-render the page.
    changed.edit('policy', 'en', POLICY, (e) => (e.body = `${e.body}\n\nA paragraph added after the last build.`));
    // A new entry: a Spanish copy of the policy under a new slug.
    changed.addCopyOf('policy', 'es', POLICY, 'new-policy-entry', (e) => (e.title = 'Una política nueva'));
    // A new translation: the MOU news gets a French version.
    const mou = changed.entries('news', 'en').find((e) => e.documentId.startsWith(MOU_NEWS))!;
    if (changed.entries('news', 'fr').some((e) => e.documentId === mou.documentId)) throw new Error('the fixture already has the MOU news in French');
    const french = {
      ...structuredClone(mou),
      locale: 'fr',
      title: 'Un protocole d’accord pour le partage des connaissances',
      translations: [...mou.translations, 'fr'],
    };
    fs.writeFileSync(path.join(changed.dir, 'entries', 'news.fr.json'), JSON.stringify([...changed.entries('news', 'fr'), french], null, 2));
    for (const locale of mou.translations as string[]) changed.edit('news', locale, mou.documentId, (e) => (e.translations = french.translations));
    // A renamed theme, in English and French.
    changed.edit('theme', 'en', VALUE_CHAINS, (e) => (e.name = 'Smallholder value chains'));
    changed.edit('theme', 'fr', VALUE_CHAINS, (e) => (e.name = 'Chaînes de valeur des petits exploitants'));
    // A move between list pages: the oldest filler (last on page 2) becomes the newest (top of page 1).
    const oldest = changed.entries('news', 'en').find((e) => e.slug === 'filler-news-1')!;
    changed.edit('news', 'en', oldest.documentId, (e) => (e.date = '2026-01-01'));

    // A new translation of a record a match links across languages: the French story now links its French page.
    const offer = changed.entries('offer', 'zh').find((e) => e.documentId === CHINESE_OFFER)!;
    const frenchOffer = { ...structuredClone(offer), locale: 'fr', title: 'Transfert de technologie : séchoirs à paddy', translations: ['zh', 'fr'] };
    fs.writeFileSync(path.join(changed.dir, 'entries', 'offer.fr.json'), JSON.stringify([...changed.entries('offer', 'fr'), frenchOffer], null, 2));
    changed.edit('offer', 'zh', CHINESE_OFFER, (e) => (e.translations = frenchOffer.translations));

    const { incremental, full, rendered, reused, searchReused } = await buildBothWays(changed);
    expect(differences(incremental, full)).toEqual([]);
    // Arabic and Chinese pages changed only in their language switchers and hreflang (the MOU's new French
    // version): Pagefind does not read those, so those languages kept their search index.
    expect(searchReused).toEqual(['ar', 'zh-hans']);
    // It really was incremental: untouched pages were reused, the touched ones rendered again.
    // Chinese courses and videos show nothing that changed.
    for (const page of ['/zh/courses/hybrid-rice-value-chain/index.html', '/zh/videos/index.html', '/zh/feeds/videos.atom.xml', '/api/zh/courses/1.json'])
      expect(reused).toContain(page);
    for (const page of [
      '/en/news/ssc-platform-launch-2022/index.html',
      '/en/news/index.html',
      '/en/news/page/2/index.html',
      '/fr/news/index.html',
      '/es/policies/new-policy-entry/index.html',
      '/en/themes/value-chain-development/index.html',
    ]) {
      expect(rendered).toContain(page);
    }
    const policy = changed.entries('policy', 'en').find((e) => e.documentId === POLICY)!;
    expect(fs.readFileSync(path.join(incremental, 'en', 'policies', policy.slug, 'index.html'), 'utf8')).toContain('A paragraph added after the last build.');
    // The new translation is on the site, with hreflang from its English page.
    expect(fs.readFileSync(path.join(incremental, 'en', 'news', mou.slug, 'index.html'), 'utf8')).toContain(`/fr/news/${mou.slug}/`);
    // The French match story was rendered again and links the offer's new French page, no longer the Chinese one.
    expect(rendered).toContain('/fr/matches/sri-lanka-paddy-drying-match/index.html');
    const story = fs.readFileSync(path.join(incremental, 'fr', 'matches', 'sri-lanka-paddy-drying-match', 'index.html'), 'utf8');
    expect(story).toContain(`href="/fr/offers/${offer.slug}/"`);
    expect(story).not.toContain(`href="/zh/offers/${offer.slug}/"`);
  });

  it('build the same site as a full build after an unpublish and a delete', async () => {
    const removed = withTwoNewsPages('removed');
    // Applied on top of the previous test's cache: the snapshot goes back to the base and loses two entries.
    // An unpublish: the French translation of the launch news is gone (only that locale).
    removed.edit('news', 'en', LAUNCH_NEWS, (e) => (e.translations = e.translations.filter((l: string) => l !== 'fr')));
    for (const locale of ['zh', 'ar', 'es'])
      removed.edit('news', locale, LAUNCH_NEWS, (e) => (e.translations = e.translations.filter((l: string) => l !== 'fr')));
    fs.writeFileSync(
      path.join(removed.dir, 'entries', 'news.fr.json'),
      JSON.stringify(
        removed.entries('news', 'fr').filter((e) => e.documentId !== LAUNCH_NEWS),
        null,
        2,
      ),
    );
    // A delete: the policy is gone from every locale, and every link to it.
    removed.remove('policy', POLICY);

    const { incremental, full, rendered, reused } = await buildBothWays(removed);
    expect(differences(incremental, full)).toEqual([]);
    expect(reused.size).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(incremental, 'fr', 'news', 'ssc-platform-launch-2022'))).toBe(false);
    expect(fs.existsSync(path.join(incremental, 'en', 'policies', 'china-rural-revitalization-promotion-law-2021'))).toBe(false);
    expect(rendered).toContain('/en/news/ssc-platform-launch-2022/index.html');
  });

  it('build the same site as a full build after a build that failed', async () => {
    // A build that throws half-way leaves copies of pages rendered from its data; a later build of other data must not reuse them.
    const broken = withTwoNewsPages('broken');
    broken.edit('news', 'en', LAUNCH_NEWS, (e) => (e.title = 'A title from a build that failed'));
    const corrupt = broken.addMedia('corrupt.jpg', 'not a JPEG');
    broken.addCopyOf(
      'news',
      'en',
      ENGLISH_NEWS,
      'breaks-the-build',
      (e) => (e.heroImage.image = { ...e.heroImage.image, path: corrupt, name: 'corrupt.jpg', sizeBytes: 10 }),
    );
    await expect(
      buildSite({ snapshotDir: broken.dir, outDir: path.join(root, 'broken'), siteUrl: SITE_URL, cacheDir: incrementalCache, incremental: true }),
    ).rejects.toThrow();

    const { incremental, full } = await buildBothWays(withTwoNewsPages('after-failure'));
    expect(differences(incremental, full)).toEqual([]);
    expect(fs.readFileSync(path.join(incremental, 'en', 'news', 'ssc-platform-launch-2022', 'index.html'), 'utf8')).not.toContain('a build that failed');
  });
});
