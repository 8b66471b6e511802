/** Reading the built fixture site in tests: its pages, parsed, and their links. */
import fs from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { inject } from 'vitest';
import { localeCodes, type LocaleCode } from '@ssc/content-schemas';

export const site = inject('site');

export interface Page {
  /** The URL path, e.g. /en/news/x/ or /404.html. */
  url: string;
  file: string;
  html: string;
  doc: HTMLElement;
  /** The locale segment the page lives under, if any. */
  locale: LocaleCode | undefined;
}

let pages: Page[] | undefined;

/** Every HTML page of the built site. */
export function allPages(): Page[] {
  if (pages) return pages;
  pages = [];
  for (const entry of fs.readdirSync(site.dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rel = path.relative(site.dir, file).split(path.sep).join('/');
    const url = rel.endsWith('index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
    const html = fs.readFileSync(file, 'utf8');
    const first = url.split('/')[1];
    const locale = (localeCodes as readonly string[]).includes(first) ? (first as LocaleCode) : undefined;
    pages.push({ url, file, html, doc: parse(html), locale });
  }
  pages.sort((a, b) => a.url.localeCompare(b.url));
  return pages;
}

export function page(url: string): Page {
  const found = allPages().find((p) => p.url === url);
  if (!found) throw new Error(`no built page ${url}`);
  return found;
}

export const hasPage = (url: string) => allPages().some((p) => p.url === url);

/** The file a site path resolves to in the build, or undefined. */
export function fileFor(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  const candidate = path.join(site.dir, clean.endsWith('/') ? `${clean}index.html` : clean);
  if (!candidate.startsWith(site.dir)) return undefined;
  return fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : undefined;
}

/** hreflang → href of a page's <link rel="alternate">. */
export function alternatesOf(p: Page): Record<string, string> {
  return Object.fromEntries(p.doc.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]));
}

/** URLs in a srcset attribute. */
export const srcsetUrls = (srcset: string) =>
  srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter(Boolean);
