/**
 * Sizes of a built site: how many pages, the heaviest page's HTML plus its
 * stylesheets (gzip, what the first round trip must carry), and the whole output.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface SiteMetrics {
  pages: number;
  largestPage: { path: string; gzipBytes: number };
  totalBytes: number;
  files: number;
}

const gzipSize = (bytes: Buffer) => zlib.gzipSync(bytes).length;

export function measureSite(dir: string): SiteMetrics {
  const cssGzip = new Map<string, number>();
  const stylesheetBytes = (href: string) => {
    let size = cssGzip.get(href);
    if (size === undefined) {
      const file = path.join(dir, decodeURIComponent(new URL(href, 'http://site/').pathname));
      size = fs.existsSync(file) ? gzipSize(fs.readFileSync(file)) : 0;
      cssGzip.set(href, size);
    }
    return size;
  };
  let pages = 0;
  let files = 0;
  let totalBytes = 0;
  let largestPage = { path: '', gzipBytes: 0 };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files += 1;
    totalBytes += fs.statSync(file).size;
    if (!entry.name.endsWith('.html')) continue;
    pages += 1;
    const html = fs.readFileSync(file);
    const hrefs = [...html.toString('utf8').matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
      .map((m) => /\bhref="([^"]+)"/.exec(m[0])?.[1])
      .filter((h): h is string => Boolean(h));
    const bytes = gzipSize(html) + hrefs.reduce((sum, href) => sum + stylesheetBytes(href), 0);
    if (bytes > largestPage.gzipBytes) largestPage = { path: `/${path.relative(dir, file).split(path.sep).join('/')}`, gzipBytes: bytes };
  }
  return { pages, largestPage, totalBytes, files };
}
