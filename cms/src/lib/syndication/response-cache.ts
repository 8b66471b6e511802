/**
 * Per-node cache of partner API responses, keyed by the normalized request. An
 * entry is used only while the change log's newest id is the one it was built
 * at (see change-signal.ts), so a publish on this node shows at once and one on
 * another node within SYNDICATION_FRESHNESS_MS. Bounded in bytes: the oldest
 * entries go first.
 */
import type { Core } from '@strapi/strapi';
import { newestSeq } from './change-signal';
import type { CachedBody } from './http';

const MAX_BYTES = 64 * 1024 * 1024;
const entries = new Map<string, { seq: number; body: CachedBody }>();
let bytes = 0;

function evict(key: string): void {
  const old = entries.get(key);
  if (!old) return;
  bytes -= old.body.bytes.length;
  entries.delete(key);
}

export async function cachedResponse(strapi: Core.Strapi, freshnessMs: number, key: string, build: () => Promise<CachedBody>): Promise<CachedBody> {
  const seq = await newestSeq(strapi, freshnessMs);
  const hit = entries.get(key);
  if (hit && hit.seq === seq) return hit.body;
  const body = await build();
  evict(key);
  while (entries.size && bytes + body.bytes.length > MAX_BYTES) evict(entries.keys().next().value!);
  entries.set(key, { seq, body });
  bytes += body.bytes.length;
  return body;
}
