/** The stylesheet: small, logical properties only (so RTL mirrors), no web fonts. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { site } from './helpers.ts';

const cssFiles = fs.readdirSync(path.join(site.dir, '_astro')).filter((f) => f.endsWith('.css'));
const css = cssFiles.map((f) => fs.readFileSync(path.join(site.dir, '_astro', f), 'utf8')).join('\n');

describe('the stylesheet', () => {
  it('is one small file', () => {
    expect(cssFiles).toHaveLength(1);
    expect(zlib.gzipSync(css).length).toBeLessThan(2 * 1024);
  });

  it('uses logical properties and values only', () => {
    const physical =
      /(?:^|[;{\s])((?:margin|padding|border)-(?:left|right|top|bottom)[\w-]*|left|right|top|bottom|float|clear)\s*:|text-align\s*:\s*(?:left|right)/gi;
    expect([...css.matchAll(physical)].map((m) => m[0].trim())).toEqual([]);
  });

  it('loads no web fonts', () => {
    expect(css).not.toMatch(/@font-face|@import|url\(/i);
    expect(fs.readdirSync(path.join(site.dir, '_astro')).filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f))).toEqual([]);
  });
});
