/**
 * An incremental pull (built on the previous snapshot, fetching only documents that
 * changed) must write the same snapshot as a full pull of the same CMS state.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections, contentTypes, ENTRIES_DIR, MANIFEST_FILE, strapiUid } from '@ssc/content-schemas';
import { pullSnapshot, type PullResult } from '../scripts/lib/pull.ts';
import { PULL_STATE_FILE } from '../scripts/lib/pull-changes.ts';
import { listEntryVersions } from '../scripts/lib/pull-listing.ts';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const THEME = strapiUid(collections.find((t) => t.name === 'theme')!);

async function ok(response: Promise<{ status: number; body: any }>, expected = [200, 201]): Promise<any> {
  const res = await response;
  expect(expected, JSON.stringify(res.body).slice(0, 400)).toContain(res.status);
  return res.body;
}

async function publishedNews(locale: string, data: Record<string, unknown>): Promise<string> {
  const created = await ok(contentManager.create(NEWS, locale, data));
  await ok(contentManager.publish(NEWS, created.data.documentId, locale));
  return created.data.documentId;
}

const snapshotFiles = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(dir, ENTRIES_DIR))
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, ENTRIES_DIR, f), 'utf8')]),
  );
const counts = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')).counts;

describe('an incremental pull', () => {
  let snapshotsDir: string;
  let incremental: PullResult;
  let full: PullResult;
  let themeId: string;
  let editedId: string;
  let unpublishedId: string;

  beforeAll(async () => {
    snapshotsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-incremental-'));
    const image = await anyImageId(adminApi);
    const theme = await ok(
      contentManager.create(THEME, 'en', { slug: uniqueSlug('theme-to-rename'), name: 'A theme to rename', description: 'Renamed later' }),
    );
    themeId = theme.data.documentId; // taxonomy has no drafts: saved is live
    const slug = (p: string) => uniqueSlug(p);
    const edited = await publishedNews('en', newsData(slug('edited'), 'en', image));
    const unpublished = await publishedNews('en', newsData(slug('unpublished'), 'en', image));
    const deleted = await publishedNews('en', newsData(slug('deleted'), 'en', image));
    const translatedSlug = slug('translated');
    const translated = await publishedNews('en', newsData(translatedSlug, 'en', image));
    const themed = await publishedNews('en', newsData(slug('themed'), 'en', image, { themes: [themeId] }));
    editedId = edited;
    unpublishedId = unpublished;
    const base = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir });
    expect(base.manifest.counts.news.en).toBeGreaterThan(0);
    expect(JSON.stringify(base.manifest.warnings)).not.toContain(themed);

    // The changes: edit, publish new, unpublish, delete, a new translation, a theme renamed (name and slug).
    await ok(contentManager.saveLocale(NEWS, edited, 'en', { title: 'Edited title after the first pull' }));
    await ok(contentManager.publish(NEWS, edited, 'en'));
    await publishedNews('en', newsData(slug('new'), 'en', image));
    await ok(contentManager.unpublish(NEWS, unpublished, 'en'));
    await ok(adminApi('DELETE', `/content-manager/collection-types/${NEWS}/${deleted}?locale=en`));
    await ok(contentManager.saveLocale(NEWS, translated, 'es', newsData(translatedSlug, 'es', image)));
    await ok(contentManager.publish(NEWS, translated, 'es'));
    await ok(contentManager.saveLocale(THEME, themeId, 'en', { name: 'A renamed theme', slug: uniqueSlug('renamed-theme') }));

    incremental = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir, previous: base.dir });
    full = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir });
  });

  afterAll(async () => {
    fs.rmSync(snapshotsDir, { recursive: true, force: true });
    // The theme exists only in English: other test files count taxonomy per locale.
    if (themeId) await ok(adminApi('DELETE', `/content-manager/collection-types/${THEME}/${themeId}?locale=en`));
  });

  it('builds on the previous snapshot and fetches only the documents that changed or link to a renamed one', () => {
    expect(incremental.incremental).not.toBeNull();
    // edited, new, unpublished, deleted, translated, the theme, the news that embeds its slug (+ whatever the previous pull left out)
    expect(incremental.incremental!.fetchedDocuments).toBeGreaterThanOrEqual(7);
    expect(incremental.incremental!.fetchedDocuments).toBeLessThan(7 + incremental.manifest.warnings.length + 5);
    expect(incremental.incremental!.keptEntries).toBeGreaterThan(50);
    expect(full.incremental).toBeNull();
  });

  it('writes the same entry files and counts as a full pull after edits, publishes, unpublishes, deletes, a translation and a theme rename', () => {
    expect(snapshotFiles(incremental.dir)).toEqual(snapshotFiles(full.dir));
    expect(counts(incremental.dir)).toEqual(counts(full.dir));
    expect(fs.readdirSync(path.join(incremental.dir, 'media')).sort()).toEqual(fs.readdirSync(path.join(full.dir, 'media')).sort());
  });

  it('lists the versions of published entries in one answer, as the full pull records them, and only to the build token', async () => {
    const listed = await listEntryVersions({ cmsUrl: cms().url, token: cms().apiToken });
    const recorded = (JSON.parse(fs.readFileSync(path.join(full.dir, PULL_STATE_FILE), 'utf8')) as { versions: Record<string, string> }).versions;
    expect(listed[`news:en:${editedId}`]).toMatch(/^\d+@\d{4}-\d\d-\d\dT/);
    expect(listed[`news:en:${editedId}`]).toBe(recorded[`news:en:${editedId}`]);
    expect(listed[`theme:en:${themeId}`]).toBe(recorded[`theme:en:${themeId}`]);
    // Unpublished: only its draft is left, and a draft has no version.
    expect(listed).not.toHaveProperty(`news:en:${unpublishedId}`);
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as Record<string, string>[]) {
      const res = await fetch(`${cms().url}/api/pipeline/versions`, { headers });
      expect([401, 403]).toContain(res.status);
    }
  });

  it('falls back to a full pull when the previous snapshot is missing or from another CMS', async () => {
    const missing = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir, previous: path.join(snapshotsDir, 'no-such-snapshot') });
    expect(missing.incremental).toBeNull();
    const state = path.join(full.dir, 'pull-state.json');
    fs.writeFileSync(state, JSON.stringify({ ...JSON.parse(fs.readFileSync(state, 'utf8')), source: 'http://elsewhere.example' }));
    const other = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir, previous: full.dir });
    expect(other.incremental).toBeNull();
    expect(snapshotFiles(other.dir)).toEqual(snapshotFiles(incremental.dir));
  });
});
