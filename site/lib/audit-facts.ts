/**
 * What the pre-release audit needs to know of one page ("facts"), and a cache of it.
 *
 * Parsing and gzipping every page is most of an audit's time, and most pages of a
 * release are byte-identical to the previous release's. Facts hold only raw values
 * taken from the page's own bytes (attribute values as written, nothing resolved
 * against the origin or looked up in other pages), so the facts cached under a
 * page's content hash are exactly what parsing it again would give. Everything that
 * depends on the origin or on other pages is checked afresh by audit.ts each time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import { isCacheObject, readCacheFile, writeCacheFile } from './cache-file.ts';

/** A URL a page refers to (href, src, poster or srcset), as written, with its hreflang. */
export interface Link {
  value: string;
  hreflang: string | undefined;
}

/** A `<link rel="alternate" hreflang>` of a page, as written. */
export interface Alternate {
  hreflang: string;
  href: string | undefined;
}

export interface PageFacts {
  /** `lang` of `<html>` (undefined when the attribute or the element is missing). */
  lang: string | undefined;
  /** `dir` of `<html>` (undefined when the attribute or the element is missing). */
  dir: string | undefined;
  /** gzip bytes of the page's HTML. */
  gzipBytes: number;
  /** href of each `<link rel="stylesheet">` ('' when it has none). */
  stylesheets: string[];
  links: Link[];
  alternates: Alternate[];
}

/** URLs named by a srcset attribute. */
export const srcsetUrls = (srcset: string): string[] =>
  srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0])
    .filter((u): u is string => Boolean(u));

function linksOf(doc: HTMLElement): Link[] {
  const links: Link[] = [];
  for (const el of doc.querySelectorAll('a[href], link[href]')) {
    if (el.getAttribute('rel') === 'canonical' || el.getAttribute('rel') === 'alternate') continue;
    links.push({ value: el.getAttribute('href')!, hreflang: el.getAttribute('hreflang') });
  }
  for (const el of doc.querySelectorAll('img[src], video[src], source[src], track[src], video[poster]')) {
    for (const attr of ['src', 'poster']) {
      const value = el.getAttribute(attr);
      if (value) links.push({ value, hreflang: undefined });
    }
  }
  for (const el of doc.querySelectorAll('[srcset]')) {
    for (const value of srcsetUrls(el.getAttribute('srcset')!)) links.push({ value, hreflang: undefined });
  }
  return links;
}

/** The facts of a page, from its HTML: parses and gzips it (the expensive part of an audit). */
export function factsOf(html: string): PageFacts {
  const doc = parse(html);
  const root = doc.querySelector('html');
  return {
    lang: root?.getAttribute('lang'),
    dir: root?.getAttribute('dir'),
    gzipBytes: zlib.gzipSync(html).length,
    stylesheets: doc.querySelectorAll('link[rel="stylesheet"]').map((sheet) => sheet.getAttribute('href') ?? ''),
    links: linksOf(doc),
    alternates: doc
      .querySelectorAll('link[rel="alternate"][hreflang]')
      .map((el) => ({ hreflang: el.getAttribute('hreflang')!, href: el.getAttribute('href') })),
  };
}

/** The hash a page's facts are cached under: of its bytes, as read from disk. */
export const contentHash = (bytes: Buffer): string => crypto.createHash('sha1').update(bytes).digest('hex');

export interface CachedFacts {
  hash: string;
  /** `inode:mtime:size` of the file the facts were read from: the same file (a page linked from the previous release) is not read again. */
  file?: string;
  facts: PageFacts;
}

/** Page URL → the hash of its bytes and their facts. */
export type FactsCache = Map<string, CachedFacts>;

/**
 * Bump whenever factsOf changes what it extracts or how: a cache written by other
 * code must not be trusted. The gzip and parser versions are part of the key too,
 * since a Node or node-html-parser upgrade may change sizes or parses of the same bytes.
 */
const FORMAT = 1;

function parserVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('node-html-parser');
    let dir = path.dirname(entry);
    // The package does not export its package.json: look for it above its entry file.
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

let cacheKind: string | undefined;
/** What a cache file must have been written by to be used. */
function currentKind(): string {
  cacheKind ??= `audit-facts/${FORMAT} zlib/${process.versions.zlib} node-html-parser/${parserVersion()}`;
  return cacheKind;
}

interface CacheFileContent {
  kind: string;
  pages: Record<string, CachedFacts>;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';
const isObject = isCacheObject;

/** A cache file is read by code, not by people: check every field so that a hand-edited or damaged file cannot make the audit throw. */
function isPageFacts(v: unknown): v is PageFacts {
  return (
    isObject(v) &&
    isOptionalString(v.lang) &&
    isOptionalString(v.dir) &&
    Number.isSafeInteger(v.gzipBytes) &&
    Array.isArray(v.stylesheets) &&
    v.stylesheets.every(isString) &&
    Array.isArray(v.links) &&
    v.links.every((l) => isObject(l) && isString(l.value) && isOptionalString(l.hreflang)) &&
    Array.isArray(v.alternates) &&
    v.alternates.every((a) => isObject(a) && isString(a.hreflang) && isOptionalString(a.href))
  );
}

const isCachedFacts = (v: unknown): v is CachedFacts => isObject(v) && isString(v.hash) && isOptionalString(v.file) && isPageFacts(v.facts);

/**
 * The cache this process last wrote, with the identity of the file it wrote: a
 * long-running rebuild service reads it back from memory, not from disk, as long as
 * nobody else has written the file since.
 */
let lastWritten: { file: string; identity: string; cache: FactsCache } | undefined;

function identityOf(file: string): string | undefined {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat && `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
}

/** The cache in `file`; empty when the file is missing, unreadable, damaged or of another kind (the audit is then a full one). */
export function readFactsCache(file: string): FactsCache {
  if (lastWritten?.file === file && lastWritten.identity === identityOf(file)) return new Map(lastWritten.cache);
  const cache: FactsCache = new Map();
  const content = readCacheFile(file);
  if (!isObject(content) || content.kind !== currentKind() || !isObject(content.pages)) return cache;
  for (const [url, entry] of Object.entries(content.pages)) {
    // A damaged entry costs one parse, not the whole cache.
    if (isCachedFacts(entry)) cache.set(url, entry);
  }
  return cache;
}

/** Writes the cache to `file` (whole or not at all: see cache-file.ts; the next audit is then a full one). */
export function writeFactsCache(file: string, cache: FactsCache): void {
  const content: CacheFileContent = { kind: currentKind(), pages: Object.fromEntries(cache) };
  writeCacheFile(file, content);
  const identity = identityOf(file);
  lastWritten = identity ? { file, identity, cache: new Map(cache) } : undefined;
}
