import type { Core } from '@strapi/strapi';
import { describe, expect, it } from 'vitest';
import { RESPONSE_CACHE_MAX_BYTES, RESPONSE_CACHE_MAX_ENTRIES, cachedResponse, entryBytes, responseCacheStats } from './response-cache';
import { jsonBody } from './http';

/** Stands in for Strapi's query engine: the change log's newest id never moves. */
const strapi = { db: { query: () => ({ findOne: async () => ({ id: 1 }) }) } } as unknown as Core.Strapi;

describe('partner response cache', () => {
  it('counts the key as well as the body', () => {
    const body = jsonBody({ a: 1 });
    expect(entryBytes('k'.repeat(1000), body)).toBeGreaterThan(entryBytes('k', body) + 1900);
  });

  it('stays within its entry and byte bounds when many distinct long queries arrive', async () => {
    const longKey = (i: number) => `items ${i} ${'x'.repeat(20_000)}`;
    for (let i = 0; i < RESPONSE_CACHE_MAX_ENTRIES + 500; i++) {
      await cachedResponse(strapi, 60_000, longKey(i), async () => jsonBody({ i, pad: 'y'.repeat(2_000) }));
    }
    const { entries, bytes } = responseCacheStats();
    expect(entries).toBeLessThanOrEqual(RESPONSE_CACHE_MAX_ENTRIES);
    expect(bytes).toBeLessThanOrEqual(RESPONSE_CACHE_MAX_BYTES);
    expect(bytes).toBeGreaterThan(RESPONSE_CACHE_MAX_BYTES / 2);
  });

  it('serves a cached answer while the change log has not moved, and keeps no answer larger than the whole cache', async () => {
    let builds = 0;
    const build = async () => (builds++, jsonBody({ small: true }));
    await cachedResponse(strapi, 60_000, 'small', build);
    await cachedResponse(strapi, 60_000, 'small', build);
    expect(builds).toBe(1);
    const huge = jsonBody({ pad: 'z'.repeat(RESPONSE_CACHE_MAX_BYTES) });
    let hugeBuilds = 0;
    for (let i = 0; i < 2; i++) await cachedResponse(strapi, 60_000, 'huge', async () => (hugeBuilds++, huge));
    expect(hugeBuilds).toBe(2);
  });
});
