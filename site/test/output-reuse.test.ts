/**
 * A rebuild with nothing changed (the same snapshot content, code and settings)
 * reuses the last output as hard links instead of running Astro and Pagefind; any
 * change, or an output folder that is gone or was altered, makes a real build.
 * Real Astro builds of the fixture snapshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../lib/build.ts';
import { siteRoot } from '../lib/config.ts';
import { tempRoot, VariantSnapshot } from '../../test-support/variant-snapshot.ts';

const SITE_URL = 'https://knowledge.example.org';
const root = tempRoot('ssc-output-reuse-');
fs.mkdirSync(path.join(siteRoot, '.astro'), { recursive: true });
const cacheDir = fs.mkdtempSync(path.join(siteRoot, '.astro', 'test-output-reuse-'));
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const LAUNCH_NEWS = 'd4164eb8afaf032180f9defe';
const LAUNCH_PAGE = path.join('en', 'news', 'ssc-platform-launch-2022', 'index.html');

const build = (snapshot: VariantSnapshot, name: string) =>
  buildSite({ snapshotDir: snapshot.dir, outDir: path.join(root, name), siteUrl: SITE_URL, cacheDir, incremental: true });

/** Every file under `dir`, relative. */
const filesOf = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe('unchanged rebuilds', { timeout: 600_000 }, () => {
  const snapshot = new VariantSnapshot(root, 'snapshot');

  it('reuse the last output as hard links when nothing changed', async () => {
    const first = await build(snapshot, 'first');
    expect(first.reused).toBe(false);
    const again = await build(snapshot, 'again');
    expect(again.reused).toBe(true);
    expect(again.pages).toBe(first.pages);
    const files = filesOf(path.join(root, 'first'));
    expect(filesOf(path.join(root, 'again'))).toEqual(files);
    for (const file of files) expect(fs.statSync(path.join(root, 'again', file)).ino).toBe(fs.statSync(path.join(root, 'first', file)).ino);
  });

  it('build again when the last output was altered or removed', async () => {
    // Built sites are never edited in place; one that was is not trusted.
    fs.appendFileSync(path.join(root, 'again', LAUNCH_PAGE), '<!-- altered -->');
    const afterAlteration = await build(snapshot, 'after-alteration');
    expect(afterAlteration.reused).toBe(false);
    expect(fs.readFileSync(path.join(root, 'after-alteration', LAUNCH_PAGE), 'utf8')).not.toContain('altered');

    fs.rmSync(path.join(root, 'after-alteration'), { recursive: true });
    expect((await build(snapshot, 'after-removal')).reused).toBe(false);
  });

  it('build again when the content changed, and show the change', async () => {
    snapshot.edit('news', 'en', LAUNCH_NEWS, (e) => (e.title = 'A title edited after the last build'));
    const edited = await build(snapshot, 'edited');
    expect(edited.reused).toBe(false);
    expect(fs.readFileSync(path.join(root, 'edited', LAUNCH_PAGE), 'utf8')).toContain('A title edited after the last build');
  });

  it('keep nothing the pages worked out from the content once a build has ended (a long-running rebuild service must not hold every build)', async () => {
    const holder = globalThis as Record<symbol, unknown>;
    const memo = Symbol.for('ssc.site.buildMemo');
    holder[memo] = new Map([['left over', Promise.resolve('from an earlier build')]]);
    snapshot.edit('news', 'en', LAUNCH_NEWS, (e) => (e.title = 'Edited once more'));
    expect((await build(snapshot, 'memo')).reused).toBe(false);
    expect(holder[memo]).toBeUndefined();
  });
});
