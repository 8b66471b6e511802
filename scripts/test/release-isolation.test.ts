/**
 * One bad entry never blocks publishing: real Astro builds of small variants of the
 * fixture snapshot, released into temporary folders. Each kind of bad entry (invalid
 * URL, a build that throws on its media, a broken link in its body, a page over the
 * byte budget) is left out and named in the build report while everything else goes
 * live; an unpublish goes live while a broken entry is published; and a failure tied
 * to no entry keeps the previous release.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.ts';
import { buildRelease, buildReportFile, type BuildReport } from '../lib/site-release.ts';
import { currentRelease, type ReleasePaths } from '../lib/release.ts';
import { tempRoot, VariantSnapshot } from '../../test-support/variant-snapshot.ts';

const SITE_URL = 'https://knowledge.example.org';
const root = tempRoot('ssc-isolation-');
// One Astro cache for every build here, so rebuilds are quick (as in production); in the site's .astro folder, as the pipeline's own.
const astroDir = path.join(repoRoot, 'site', '.astro');
fs.mkdirSync(astroDir, { recursive: true });
const cacheDir = fs.mkdtempSync(path.join(astroDir, 'test-isolation-cache-'));
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const releasesAt = (name: string): ReleasePaths => ({ releasesDir: path.join(root, name, 'releases'), liveLink: path.join(root, name, 'live') });

/** Every text file of the live site that mentions `text` (media and search index fragments aside). */
function filesMentioning(liveDir: string, text: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(liveDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|xml|json|txt)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.readFileSync(file, 'utf8').includes(text)) found.push(path.relative(liveDir, file));
  }
  return found;
}

const livePage = (paths: ReleasePaths, url: string) => path.join(paths.liveLink, url, 'index.html');

// Fixture documents the tests change.
const ENGLISH_NEWS = 'a34c8e66181691c19f6f2a9c'; // cloud-school-hybrid-rice-webinar-2022, English only
const POLICY = '0f218380892a0a3b78ec93f5'; // china-rural-revitalization-promotion-law-2021, every locale
const POLICY_SLUG = 'china-rural-revitalization-promotion-law-2021';
const LAUNCH_NEWS = 'd4164eb8afaf032180f9defe'; // every locale
const LAUNCH_SLUG = 'ssc-platform-launch-2022';

describe('one bad entry never blocks publishing', { timeout: 600_000 }, () => {
  it('leaves out an invalid URL, a render failure, a broken body link and an over-budget page, names each in the report, and puts everything else live', async () => {
    const snapshot = new VariantSnapshot(root, 'bad-entries');
    // Validation: a French official link that new URL() cannot parse.
    snapshot.edit('policy', 'fr', POLICY, (e) => (e.officialLink = 'https://['));
    // Render: the build throws on a corrupted image that only this item uses.
    const corrupt = snapshot.addMedia('corrupt-hero.jpg', 'not a JPEG at all');
    const render = snapshot.addCopyOf(
      'news',
      'en',
      ENGLISH_NEWS,
      'bad-render-item',
      (e) => (e.heroImage.image = { ...e.heroImage.image, path: corrupt, name: 'corrupt-hero.jpg', sizeBytes: 17 }),
    );
    // Audit: a link in the body to an internal page that does not exist.
    const broken = snapshot.addCopyOf(
      'news',
      'en',
      ENGLISH_NEWS,
      'broken-link-item',
      (e) => (e.body += '\n\nSee [the missing report](/en/reports/no-such-report/).'),
    );
    // Audit: a page far over the byte budget (text that does not compress).
    const heavy = snapshot.addCopyOf(
      'news',
      'en',
      ENGLISH_NEWS,
      'over-budget-item',
      (e) =>
        (e.body += `\n\n${crypto
          .randomBytes(30_000)
          .toString('base64')
          .replace(/(.{60})/g, '$1 ')}`),
    );

    const paths = releasesAt('bad-entries');
    const lines: string[] = [];
    const report = await buildRelease({ snapshotDir: snapshot.dir, siteUrl: SITE_URL, releases: paths, cacheDir, log: (l) => lines.push(l) });

    expect(currentRelease(paths)).toBe(report.release);
    const saved = JSON.parse(fs.readFileSync(buildReportFile(paths, report.release), 'utf8')) as BuildReport;
    const named = saved.leftOut.map((e) => ({ stage: e.stage, type: e.type, documentId: e.documentId, locale: e.locale }));
    expect(named).toEqual(
      expect.arrayContaining([
        { stage: 'validation', type: 'policy', documentId: POLICY, locale: 'fr' },
        { stage: 'render', type: 'news', documentId: render.documentId, locale: 'en' },
        { stage: 'audit', type: 'news', documentId: broken.documentId, locale: 'en' },
        { stage: 'audit', type: 'news', documentId: heavy.documentId, locale: 'en' },
      ]),
    );
    expect(saved.leftOut).toHaveLength(4);
    const why = (documentId: string) => saved.leftOut.find((e) => e.documentId === documentId)!;
    expect(why(POLICY)).toMatchObject({ field: 'officialLink', reason: expect.stringContaining('new URL()') });
    expect(why(render.documentId).reason).toContain(corrupt);
    expect(why(broken.documentId)).toMatchObject({ page: '/en/news/broken-link-item/', reason: 'broken link /en/reports/no-such-report/' });
    expect(why(heavy.documentId)).toMatchObject({ page: '/en/news/over-budget-item/', reason: expect.stringContaining('over the 14336-byte budget') });
    expect(lines.join('\n')).toContain(`left out of the release: validation: policy ${POLICY} [fr] officialLink`);

    // Left out, with every link to them: item pages, lists, home, feeds, sitemap, JSON API.
    for (const slug of ['bad-render-item', 'broken-link-item', 'over-budget-item']) {
      expect(fs.existsSync(livePage(paths, `/en/news/${slug}/`)), slug).toBe(false);
      expect(filesMentioning(paths.liveLink, slug), slug).toEqual([]);
    }
    // The French policy is not there, and no earlier version of it either; its other translations are, without a French alternate.
    expect(fs.existsSync(livePage(paths, `/fr/policies/${POLICY_SLUG}/`))).toBe(false);
    expect(filesMentioning(paths.liveLink, `/fr/policies/${POLICY_SLUG}/`)).toEqual([]);
    expect(fs.readFileSync(livePage(paths, `/en/policies/${POLICY_SLUG}/`), 'utf8')).not.toContain('hreflang="fr"');
    // Everything else is live.
    expect(fs.existsSync(livePage(paths, '/en/news/cloud-school-hybrid-rice-webinar-2022/'))).toBe(true);
    expect(fs.existsSync(livePage(paths, `/zh/policies/${POLICY_SLUG}/`))).toBe(true);
    expect(fs.existsSync(livePage(paths, '/fr/policies/kenya-agricultural-sector-transformation-growth-strategy-2019-2029/'))).toBe(true);
    // The pulled snapshot is untouched, and no filtered copy is left behind.
    expect(snapshot.entries('news', 'en').map((e) => e.slug)).toContain('broken-link-item');
    expect(fs.readdirSync(paths.releasesDir).filter((n) => n.startsWith('.snapshot-'))).toEqual([]);
  });

  it('puts an unpublish live while a broken entry is published, and never serves the earlier version of an entry it leaves out', async () => {
    const paths = releasesAt('unpublish');
    const before = new VariantSnapshot(root, 'release-n');
    await buildRelease({ snapshotDir: before.dir, siteUrl: SITE_URL, releases: paths, cacheDir });
    expect(fs.existsSync(livePage(paths, '/en/news/cloud-school-hybrid-rice-webinar-2022/'))).toBe(true);

    // Release N+1: item A unpublished, item B published with a broken link in its body.
    const after = new VariantSnapshot(root, 'release-n-plus-1');
    const brokenB = after.addCopyOf('news', 'en', ENGLISH_NEWS, 'published-but-broken', (e) => (e.body += '\n\n[Gone](/en/courses/no-such-course/)'));
    after.remove('news', ENGLISH_NEWS);
    // And an item that was live in release N, edited into a broken one: its earlier version must not stay live.
    after.edit('news', 'en', LAUNCH_NEWS, (e) => (e.body += '\n\n[Gone too](/en/videos/no-such-video/)'));
    expect(fs.existsSync(livePage(paths, `/en/news/${LAUNCH_SLUG}/`))).toBe(true);
    const report = await buildRelease({ snapshotDir: after.dir, siteUrl: SITE_URL, releases: paths, cacheDir });

    expect(currentRelease(paths)).toBe(report.release);
    expect(report.leftOut).toHaveLength(2);
    expect(report.leftOut).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ stage: 'audit', type: 'news', documentId: LAUNCH_NEWS, locale: 'en' }),
        expect.objectContaining({ stage: 'audit', type: 'news', documentId: brokenB.documentId, locale: 'en' }),
      ]),
    );
    expect(fs.existsSync(livePage(paths, `/en/news/${LAUNCH_SLUG}/`))).toBe(false);
    expect(filesMentioning(paths.liveLink, `/en/news/${LAUNCH_SLUG}/`)).toEqual([]);
    expect(fs.existsSync(livePage(paths, `/fr/news/${LAUNCH_SLUG}/`))).toBe(true);
    expect(fs.existsSync(livePage(paths, '/en/news/cloud-school-hybrid-rice-webinar-2022/'))).toBe(false);
    expect(filesMentioning(paths.liveLink, 'cloud-school-hybrid-rice-webinar-2022')).toEqual([]);
    expect(fs.existsSync(livePage(paths, '/en/news/published-but-broken/'))).toBe(false);
    expect(filesMentioning(paths.liveLink, 'published-but-broken')).toEqual([]);
  });

  it('keeps the previous release when the failure is tied to no entry', async () => {
    const paths = releasesAt('not-an-entry');
    const good = new VariantSnapshot(root, 'good');
    const first = await buildRelease({ snapshotDir: good.dir, siteUrl: SITE_URL, releases: paths, cacheDir });
    // A site address Astro refuses: every page fails, and no entry is to blame.
    await expect(buildRelease({ snapshotDir: good.dir, siteUrl: 'not a site address', releases: paths, cacheDir })).rejects.toThrow(
      /release was refused and the live site was left as it was/,
    );
    expect(currentRelease(paths)).toBe(first.release);
    expect(fs.readdirSync(paths.releasesDir).filter((n) => n.startsWith('.'))).toEqual(['.reports']);
  });
});
