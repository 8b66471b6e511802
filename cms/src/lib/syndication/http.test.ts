import { describe, expect, it } from 'vitest';
import { acceptsGzip, jsonBody, matchesIfNoneMatch } from './http';

describe('partner API HTTP helpers', () => {
  it('reads Accept-Encoding with qualities', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('xgzip')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(matchesIfNoneMatch('"a"', ['"a"'])).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"a"', ['"a"'])).toBe(true);
    expect(matchesIfNoneMatch('*', ['"a"'])).toBe(true);
    expect(matchesIfNoneMatch('"b"', ['"a"'])).toBe(false);
    expect(matchesIfNoneMatch(undefined, ['"a"'])).toBe(false);
  });

  it('gives equal content equal tags and different content different tags', () => {
    expect(jsonBody({ a: 1 }).etag).toBe(jsonBody({ a: 1 }).etag);
    expect(jsonBody({ a: 1 }).etag).not.toBe(jsonBody({ a: 2 }).etag);
  });
});
