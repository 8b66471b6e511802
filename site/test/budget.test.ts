/** Byte budget: HTML + CSS of every page fits the first round trip (≤ 14 KB gzip). */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allPages, fileFor } from './helpers.ts';

const BUDGET = 14 * 1024;
const gzipSize = (bytes: Buffer | string) => zlib.gzipSync(bytes).length;

describe('page weight', () => {
  it('keeps HTML + CSS of every page within 14 KB gzip', () => {
    const sizes = allPages().map((p) => {
      const css = p.doc
        .querySelectorAll('link[rel="stylesheet"]')
        .map((l) => fileFor(l.getAttribute('href')!))
        .reduce((sum, file) => sum + (file ? gzipSize(fs.readFileSync(file)) : 0), 0);
      return { url: p.url, bytes: gzipSize(p.html) + css };
    });
    const over = sizes.filter((s) => s.bytes > BUDGET).map((s) => `${s.url}: ${s.bytes} bytes`);
    expect(over, `pages over ${BUDGET} bytes`).toEqual([]);
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.info(`largest page: ${largest.url} ${largest.bytes} bytes gzip (HTML + CSS)`);
  });

  it('loads no external script on any page', () => {
    for (const p of allPages()) expect(p.doc.querySelectorAll('script[src]'), p.url).toHaveLength(0);
  });
});
