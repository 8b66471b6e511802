/** Media stored once: the snapshots' media store, hard links, and the copy fallback across file systems. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { linkOrCopy, replaceWithLink, sameInode } from '../lib/file-links.ts';
import { cmsFileKey, MediaStore } from '../lib/media-store.ts';
import { shareReleaseFiles } from '../lib/release-media.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-media-store-'));
});

const write = (file: string, content: string | Buffer) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
};

describe('the media store', () => {
  const cmsFile = { url: '/uploads/rice_ab12.jpg', updatedAt: '2026-01-01T00:00:00.000Z', size: 0.01, hash: 'rice_ab12' };

  it('knows a CMS file again only while the CMS describes it the same way and the stored size agrees', () => {
    const store = new MediaStore(root);
    const fresh = write(path.join(root, 'snap', 'media', 'rice-1.jpg'), 'ten bytes!');
    expect(store.adopt('rice-1.jpg', fresh)).toBe(true);
    store.remember(cmsFile, 'rice-1.jpg');
    store.save();

    const next = new MediaStore(root); // a later pull reads the saved index
    expect(next.known(cmsFile)).toBe('rice-1.jpg');
    expect(next.known({ ...cmsFile, updatedAt: '2026-02-01T00:00:00.000Z' })).toBeNull(); // replaced in the CMS: same url, new updatedAt
    expect(next.known({ ...cmsFile, size: 0.02 })).toBeNull();
    expect(cmsFileKey({ url: cmsFile.url })).toBeNull(); // no updatedAt: never trusted, always downloaded
  });

  it('gives every snapshot the same inode for the same content, adopting a second download as a link', () => {
    const store = new MediaStore(root);
    const first = write(path.join(root, 'a', 'media', 'x.jpg'), 'same');
    const second = write(path.join(root, 'b', 'media', 'x.jpg'), 'same');
    store.adopt('x.jpg', first);
    store.adopt('x.jpg', second);
    const third = path.join(root, 'c', 'x.jpg');
    fs.mkdirSync(path.dirname(third));
    expect(store.linkOut('x.jpg', third)).toBe('linked');
    expect(sameInode(first, second) && sameInode(second, third)).toBe(true);
    expect(fs.statSync(first).nlink).toBe(4);
    expect(store.linkOut('missing.jpg', path.join(root, 'c', 'missing.jpg'))).toBeNull();
  });
});

describe('hard links across file systems', () => {
  // /dev/shm is a tmpfs on Linux: another file system than the temporary folder.
  const otherFs = fs.existsSync('/dev/shm') && fs.statSync('/dev/shm').dev !== fs.statSync(os.tmpdir()).dev ? '/dev/shm' : null;

  it.runIf(otherFs)('fall back to a copy (EXDEV), and leave a file they cannot replace as it was', () => {
    const elsewhere = fs.mkdtempSync(path.join(otherFs!, 'ssc-exdev-'));
    try {
      const source = write(path.join(elsewhere, 'a.jpg'), 'bytes');
      expect(linkOrCopy(source, path.join(root, 'a.jpg'))).toBe('copied');
      expect(fs.readFileSync(path.join(root, 'a.jpg'), 'utf8')).toBe('bytes');
      const target = write(path.join(root, 'b.jpg'), 'bytes');
      expect(replaceWithLink(source, target)).toBe(false);
      expect(fs.readdirSync(root).sort()).toEqual(['a.jpg', 'b.jpg']);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('a release shares its files', () => {
  it('links media to the snapshot and identical hashed assets and sitemaps to the previous release, and keeps what differs', () => {
    const snapshot = path.join(root, 'snapshot');
    write(path.join(snapshot, 'media', 'rice-1.jpg'), 'image bytes');
    const previous = path.join(root, 'releases', 'one');
    write(path.join(previous, '_astro', 'rice.Ab12.webp'), 'webp bytes');
    write(path.join(previous, '_astro', 'site.Cd34.css'), 'old css');
    const release = path.join(root, 'releases', '.partial-two');
    write(path.join(release, 'media', 'rice-1.jpg'), 'image bytes');
    write(path.join(release, '_astro', 'rice.Ab12.webp'), 'webp bytes');
    write(path.join(release, '_astro', 'site.Cd34.css'), 'new css'); // same name, other bytes: never linked
    write(path.join(release, 'en', 'index.html'), '<html>');
    write(path.join(previous, 'sitemap-0.xml'), '<urlset/>');
    write(path.join(release, 'sitemap-0.xml'), '<urlset/>');
    write(path.join(previous, 'sitemap-index.xml'), '<sitemapindex>old</sitemapindex>');
    write(path.join(release, 'sitemap-index.xml'), '<sitemapindex>new</sitemapindex>');

    const shared = shareReleaseFiles({ releaseDir: release, snapshotDir: snapshot, previousReleaseDir: previous });
    expect(shared).toEqual({ linked: 3, bytes: 'image bytes'.length + 'webp bytes'.length + '<urlset/>'.length, copies: 0 });
    expect(sameInode(path.join(release, 'sitemap-0.xml'), path.join(previous, 'sitemap-0.xml'))).toBe(true);
    expect(fs.readFileSync(path.join(release, 'sitemap-index.xml'), 'utf8')).toContain('new');
    expect(sameInode(path.join(release, 'media', 'rice-1.jpg'), path.join(snapshot, 'media', 'rice-1.jpg'))).toBe(true);
    expect(sameInode(path.join(release, '_astro', 'rice.Ab12.webp'), path.join(previous, '_astro', 'rice.Ab12.webp'))).toBe(true);
    expect(fs.readFileSync(path.join(release, '_astro', 'site.Cd34.css'), 'utf8')).toBe('new css');
    expect(fs.readdirSync(path.join(release, 'media'))).toEqual(['rice-1.jpg']); // no temporary names left
  });
});
