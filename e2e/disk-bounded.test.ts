/**
 * Disk stays bounded: publish after publish from the real CMS (pull → build →
 * audit → live, the pipeline's own functions), the media are on disk once,
 * whatever the number of snapshots and releases, and snapshots, releases and
 * build reports stay at the number kept. Sizes are counted per inode, so a hard
 * link costs nothing and a copy counts again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_STORE_DIR } from '../scripts/lib/media-store.ts';
import { pullSnapshot, type PullResult } from '../scripts/lib/pull.ts';
import { currentRelease, listReleases, releaseReportsDir, type ReleasePaths } from '../scripts/lib/release.ts';
import { buildRelease, type BuildReport } from '../scripts/lib/site-release.ts';
import { latestSnapshot, listSnapshots } from '../scripts/lib/snapshot-prune.ts';
import { backgroundRemovals } from '../scripts/lib/stale-partials.ts';
import { contentTypes, readSnapshot, strapiUid } from '@ssc/content-schemas';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';
import { newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';
import { pngBytes, replaceFile, uploadFiles } from '../cms/test/support/uploads.ts';

const KEEP = 2;
const PUBLISHES = 4;
const IMAGE = /\.(avif|webp|jpe?g|png|gif)$/;

interface DiskFile {
  file: string;
  ino: number;
  size: number;
  nlink: number;
}

/** Every regular file under `dir` (symlinks such as `latest` are not followed). */
function filesUnder(dir: string, keep: (file: string) => boolean = () => true): DiskFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
    .map((file) => {
      const stat = fs.statSync(file);
      return { file, ino: stat.ino, size: stat.size, nlink: stat.nlink };
    });
}

/** Bytes on disk: each inode counted once. */
const uniqueBytes = (files: DiskFile[]) => [...new Map(files.map((f) => [f.ino, f.size])).values()].reduce((a, b) => a + b, 0);
const apparentBytes = (files: DiskFile[]) => files.reduce((a, f) => a + f.size, 0);

describe('publishing again and again keeps the disk bounded', () => {
  let work: string;
  let snapshotsDir: string;
  let releases: ReleasePaths;
  const pulls: (PullResult & { seconds: number })[] = [];
  const reports: (BuildReport & { dir: string })[] = [];

  /** A snapshot's or release's `<id>/media/…` file, or a file of the media store (not its index). */
  const mediaFile = (file: string) => {
    const parts = path.relative(work, file).split(path.sep);
    return parts[2] === 'media' || (parts[1] === MEDIA_STORE_DIR && !parts[2].startsWith('.'));
  };

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-disk-bounded-'));
    snapshotsDir = path.join(work, 'snapshots');
    releases = { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') };
    for (let i = 0; i < PUBLISHES; i++) {
      const started = performance.now();
      const pulled = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir, keep: KEEP });
      pulls.push({ ...pulled, seconds: (performance.now() - started) / 1000 });
      reports.push(
        await buildRelease({ snapshotDir: pulled.dir, siteUrl: 'https://knowledge.example.org', releases, keep: KEEP, trigger: `disk test ${i + 1}` }),
      );
    }
    // Pruned releases leave the disk in the background: measure once they are gone.
    await backgroundRemovals();
    const oneSnapshot = filesUnder(path.join(pulls.at(-1)!.dir, 'media'));
    // For comparison only: one more pull into an empty snapshots folder downloads every file again.
    const coldStarted = performance.now();
    await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'cold') });
    const cold = (performance.now() - coldStarted) / 1000;
    fs.rmSync(path.join(work, 'cold'), { recursive: true, force: true });
    console.log(
      `[disk-bounded] ${pulls[0].media.downloaded} media files, ${apparentBytes(oneSnapshot)} bytes; pull ${pulls.map((p) => `${p.seconds.toFixed(2)} s`).join(', ')} (cold store afterwards: ${cold.toFixed(2)} s); ` +
        `build ${reports.map((r) => `${r.seconds.total.toFixed(1)} s`).join(', ')}`,
    );
  }, 600_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('downloads the media on the first pull only: later pulls link them from the media store', () => {
    expect(pulls[0].media.downloaded).toBeGreaterThan(0);
    expect(pulls[0].media.reused).toBe(0);
    for (const pull of pulls.slice(1)) expect(pull.media).toEqual({ downloaded: 0, reused: pulls[0].media.downloaded });
  });

  it('stores each media file once across every snapshot and release kept', () => {
    const store = filesUnder(path.join(snapshotsDir, MEDIA_STORE_DIR), (f) => !path.basename(f).startsWith('.'));
    const media = [...filesUnder(snapshotsDir, mediaFile), ...filesUnder(releases.releasesDir, mediaFile)];
    const oneCopy = apparentBytes(filesUnder(path.join(snapshotsDir, latestSnapshot(snapshotsDir)!, 'media')));
    expect(oneCopy).toBeGreaterThan(0);
    // KEEP snapshots and KEEP releases show the media, the store holds them: one copy of the bytes.
    expect(apparentBytes(media)).toBeGreaterThanOrEqual(oneCopy * (2 * KEEP + 1));
    expect(uniqueBytes(media)).toBe(oneCopy);
    expect(uniqueBytes(store)).toBe(oneCopy);
  });

  it('shares the optimized images of unchanged media between the releases kept', () => {
    const images = (dir: string) => filesUnder(path.join(dir, '_astro'), (f) => IMAGE.test(f));
    const newest = images(path.join(releases.releasesDir, listReleases(releases).at(-1)!));
    expect(newest.length).toBeGreaterThan(0);
    const all = listReleases(releases).flatMap((id) => images(path.join(releases.releasesDir, id)));
    expect(uniqueBytes(all)).toBe(apparentBytes(newest));
  });

  it('adds with a publish only files that are not media or images: what a new release costs is its pages and index', () => {
    const newest = path.join(releases.releasesDir, listReleases(releases).at(-1)!);
    const own = filesUnder(newest).filter((f) => f.nlink === 1);
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((f) => mediaFile(f.file) || IMAGE.test(f.file)).map((f) => path.relative(newest, f.file))).toEqual([]);
  });

  it(`keeps ${KEEP} snapshots, ${KEEP} releases and ${KEEP} build reports, with latest and live on the newest`, () => {
    expect(listSnapshots(snapshotsDir)).toEqual(pulls.slice(-KEEP).map((p) => path.basename(p.dir)));
    expect(latestSnapshot(snapshotsDir)).toBe(path.basename(pulls.at(-1)!.dir));
    expect(listReleases(releases)).toEqual(reports.slice(-KEEP).map((r) => r.release));
    expect(currentRelease(releases)).toBe(reports.at(-1)!.release);
    expect(fs.readdirSync(releaseReportsDir(releases)).sort()).toEqual(reports.slice(-KEEP).map((r) => `${r.release}.json`));
    expect(fs.readdirSync(releases.releasesDir).filter((n) => n.startsWith('.partial'))).toEqual([]);
  });

  it('records in each build report what triggered it', () => {
    const last = JSON.parse(fs.readFileSync(path.join(releaseReportsDir(releases), `${reports.at(-1)!.release}.json`), 'utf8')) as BuildReport;
    expect(last.trigger).toBe(`disk test ${PUBLISHES}`);
  });
});

describe('the media store and a file replaced in the CMS', () => {
  let snapshotsDir: string;
  beforeAll(() => {
    snapshotsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-media-replaced-'));
  });
  afterAll(() => fs.rmSync(snapshotsDir, { recursive: true, force: true }));

  it('downloads a replaced file again (Strapi keeps its url) and still links every other file from the store', async () => {
    const uploaded = await uploadFiles([{ name: 'replaced-later.png', bytes: await pngBytes([200, 10, 10]), type: 'image/png' }]);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const image = uploaded.body[0];
    const news = strapiUid(contentTypes.find((t) => t.name === 'news')!);
    const slug = uniqueSlug('media-replaced');
    const created = await contentManager.create(news, 'en', newsData(slug, 'en', image.id));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await contentManager.publish(news, created.body.data.documentId, 'en')).status).toBe(200);
    const heroOf = (dir: string) => readSnapshot(dir).entries.news.en.find((e) => e.slug === slug)!.heroImage.image;

    const first = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir });
    const replaced = await replaceFile(image.id, { name: 'replaced-later.png', bytes: await pngBytes([10, 10, 200]), type: 'image/png' });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect((await adminApi('GET', `/upload/files/${image.id}`)).body.url).toBe(image.url);
    const second = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir });

    expect(second.media).toEqual({ downloaded: 1, reused: first.media.downloaded - 1 });
    const [before, after] = [heroOf(first.dir), heroOf(second.dir)];
    expect(after.path).not.toBe(before.path);
    const pixel = async (dir: string, media: { path: string }) => [...(await sharp(path.join(dir, media.path)).raw().toBuffer()).subarray(0, 3)];
    expect(await pixel(first.dir, before)).toEqual([200, 10, 10]);
    expect(await pixel(second.dir, after)).toEqual([10, 10, 200]);
  });
});
