/**
 * Per-node cache of partner API responses, keyed by the normalized request. An
 * entry is used only while the change log's newest id is the one it was built
 * at (see change-signal.ts), so a publish on this node shows at once and one on
 * another node within SYNDICATION_FRESHNESS_MS.
 */
import type { Core } from '@strapi/strapi';
import { newestSeq } from './change-signal';
import type { CachedBody } from './http';

const MAX_ENTRIES = 2_000;
const entries = new Map<string, { seq: number; body: CachedBody }>();

export async function cachedResponse(strapi: Core.Strapi, freshnessMs: number, key: string, build: () => Promise<CachedBody>): Promise<CachedBody> {
  const seq = await newestSeq(strapi, freshnessMs);
  const hit = entries.get(key);
  if (hit && hit.seq === seq) return hit.body;
  const body = await build();
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { seq, body });
  return body;
}
