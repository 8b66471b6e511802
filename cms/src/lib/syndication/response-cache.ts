/**
 * Per-node cache of partner API responses, keyed by the normalized request. An
 * entry is used only while the change log's newest id is the one it was built
 * at (see change-signal.ts), so a publish on this node shows at once and one on
 * another node within SYNDICATION_FRESHNESS_MS. A least-recently-used cache bounded
 * both in entries and in bytes, keys included, so many distinct long queries cannot
 * grow the process without limit.
 */
import { LRUCache } from 'lru-cache';
import type { Core } from '@strapi/strapi';
import { newestSeq } from './change-signal';
import type { CachedBody } from './http';

export const RESPONSE_CACHE_MAX_ENTRIES = 2_000;
export const RESPONSE_CACHE_MAX_BYTES = 32 * 1024 * 1024;

interface Entry {
  seq: number;
  body: CachedBody;
}

/**
 * What one entry may cost: its key (UTF-16 in memory), its body, room for the gzip
 * copy made on first use (never larger than the body, give or take a header), and
 * a fixed overhead.
 */
export function entryBytes(key: string, body: CachedBody): number {
  return key.length * 2 + body.bytes.length * 2 + 256;
}

const cache = new LRUCache<string, Entry>({
  max: RESPONSE_CACHE_MAX_ENTRIES,
  maxSize: RESPONSE_CACHE_MAX_BYTES,
  sizeCalculation: (entry, key) => entryBytes(key, entry.body),
});

export function responseCacheStats(): { entries: number; bytes: number } {
  return { entries: cache.size, bytes: cache.calculatedSize };
}

export async function cachedResponse(strapi: Core.Strapi, freshnessMs: number, key: string, build: () => Promise<CachedBody>): Promise<CachedBody> {
  const seq = await newestSeq(strapi, freshnessMs);
  const hit = cache.get(key);
  if (hit && hit.seq === seq) return hit.body;
  const body = await build();
  // An answer larger than the whole cache is served but not kept.
  if (entryBytes(key, body) <= RESPONSE_CACHE_MAX_BYTES) cache.set(key, { seq, body });
  else cache.delete(key);
  return body;
}
