/**
 * After a build that did not finish, pages it may have rendered are never reused:
 * their entries go from Astro's incremental-build manifest (lib/incremental-cache.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finishCachedBuild, startCachedBuild } from '../lib/incremental-cache.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A cache folder with a manifest of two pages and their cached copies, written `ageMs` ago. */
function cacheWithTwoPages(ageMs: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-incremental-cache-'));
  dirs.push(dir);
  const paths: Record<string, { cacheKey: string; outputFile: string }> = {};
  for (const name of ['a', 'b']) {
    const file = path.join(dir, 'dist', name, 'index.html');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `<p>${name}</p>`);
    const then = new Date(Date.now() - ageMs);
    fs.utimesSync(file, then, then);
    paths[`/${name}/`] = { cacheKey: `key-${name}`, outputFile: `${name}/index.html` };
  }
  fs.writeFileSync(path.join(dir, 'incremental-build.json'), JSON.stringify({ version: 1, routes: { 'src/pages/[x].astro': { dependencyHash: 'h', paths } } }));
  return dir;
}

const cachedPaths = (dir: string) => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'incremental-build.json'), 'utf8')).routes['src/pages/[x].astro'].paths);

describe('the incremental cache after an unfinished build', () => {
  it('keeps every cached page after a build that finished', () => {
    const dir = cacheWithTwoPages(60_000);
    expect(startCachedBuild(dir)).toBe(0);
    finishCachedBuild(dir);
    expect(startCachedBuild(dir)).toBe(0);
    expect(cachedPaths(dir)).toEqual(['/a/', '/b/']);
  });

  it('forgets the pages whose copies an unfinished build wrote, and keeps the others', () => {
    const dir = cacheWithTwoPages(60_000);
    startCachedBuild(dir);
    // The build rewrites page b, then dies before Astro writes its manifest.
    fs.writeFileSync(path.join(dir, 'dist', 'b', 'index.html'), '<p>b, from data the manifest does not know</p>');
    expect(startCachedBuild(dir)).toBe(1);
    expect(cachedPaths(dir)).toEqual(['/a/']);
  });

  it('forgets a page whose copy is missing', () => {
    const dir = cacheWithTwoPages(60_000);
    startCachedBuild(dir);
    fs.rmSync(path.join(dir, 'dist', 'a'), { recursive: true });
    expect(startCachedBuild(dir)).toBe(1);
    expect(cachedPaths(dir)).toEqual(['/b/']);
  });

  it('deletes a manifest it cannot read, so the next build renders everything', () => {
    const dir = cacheWithTwoPages(60_000);
    startCachedBuild(dir);
    fs.writeFileSync(path.join(dir, 'incremental-build.json'), '{"routes": ');
    startCachedBuild(dir);
    expect(fs.existsSync(path.join(dir, 'incremental-build.json'))).toBe(false);
  });
});
