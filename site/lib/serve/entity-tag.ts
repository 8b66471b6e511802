/**
 * Entity tags for served files, and the conditional-request checks that use them.
 *
 * Each representation has its own tag (the identity file, its `.br` copy and its
 * on-the-fly gzip are different bytes, so they must not share a strong tag), and
 * every answer that can differ by coding carries `Vary: Accept-Encoding`:
 *  - identity and Brotli: a strong tag made from the bytes sent (the file or its
 *    `.br` copy), so a page that a rebuild leaves unchanged keeps its tag across
 *    releases and readers' caches stay valid after every publish;
 *  - gzip: the identity tag marked `-gz` and weak (`W/`), since the compressed bytes
 *    are only guaranteed equal in meaning, not in bytes, across zlib versions.
 * Files above HASH_LIMIT (videos) are tagged by size and modification time instead
 * of being read whole.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import fresh from 'fresh';

const HASH_LIMIT = 8 * 1024 * 1024;
const CACHE_ENTRIES = 20_000;

export class EntityTags {
  readonly #cache = new Map<string, string>();

  /** The strong tag of a file's current bytes (cached per path, inode, size and time). */
  strong(file: string, stat: fs.Stats): string {
    const key = `${file}\0${stat.ino}\0${stat.size}\0${stat.mtimeMs}`;
    let tag = this.#cache.get(key);
    if (!tag) {
      const opaque =
        stat.size <= HASH_LIMIT
          ? createHash('sha256').update(fs.readFileSync(file)).digest('base64url').slice(0, 27)
          : `${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}`;
      tag = `"${opaque}"`;
      if (this.#cache.size >= CACHE_ENTRIES) this.#cache.clear();
      this.#cache.set(key, tag);
    }
    return tag;
  }
}

/** The weak tag of the gzip coding of a file whose identity tag is `identityTag`. */
export function gzipTag(identityTag: string): string {
  return `W/${identityTag.slice(0, -1)}-gz"`;
}

/** True when the client already holds this representation (If-None-Match matches, weakly, or is `*`). */
export function isNotModified(headers: IncomingHttpHeaders, etag: string): boolean {
  // Only If-None-Match counts: no Last-Modified is sent, so If-Modified-Since alone never matches.
  if (!headers['if-none-match']) return false;
  return fresh(headers, { etag });
}

/**
 * True when a Range request may be honoured: no If-Range, or an If-Range holding
 * exactly this strong tag (a date or a weak tag never matches, so the client gets
 * the whole file rather than a piece of a different version).
 */
export function rangeStillValid(headers: IncomingHttpHeaders, etag: string): boolean {
  const ifRange = headers['if-range'];
  if (ifRange === undefined) return true;
  return typeof ifRange === 'string' && !etag.startsWith('W/') && ifRange.trim() === etag;
}
