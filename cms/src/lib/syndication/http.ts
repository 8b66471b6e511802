/**
 * Writing partner API responses: JSON bytes with a strong ETag, Cache-Control,
 * 304 for a matching If-None-Match, and gzip for clients that accept it. Bodies
 * are kept as bytes (and their gzip made once) so that a cached answer costs no
 * serialization or compression.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Context } from '../koa';

export interface CachedBody {
  bytes: Buffer;
  etag: string;
  /** Made on first use. */
  gzip?: Buffer;
}

export function jsonBody(value: unknown): CachedBody {
  const bytes = Buffer.from(JSON.stringify(value));
  return { bytes, etag: `"${crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"` };
}

/** The entity tag of the gzip-coded representation (a different representation, so a different strong tag). */
const gzipTag = (etag: string) => `${etag.slice(0, -1)}-gz"`;

/** RFC 9110 If-None-Match: a list of entity tags, weak comparison, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etags: string[]): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = new Set(etags.map((t) => t.replace(/^W\//, '')));
  return header.split(',').some((tag) => opaque.has(tag.trim().replace(/^W\//, '')));
}

/** Accept-Encoding lists gzip (or `*`) with a non-zero quality. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export function send(ctx: Context, body: CachedBody, cacheControl: string): void {
  const gzip = acceptsGzip(ctx.get('Accept-Encoding')) && body.bytes.length > 1024;
  ctx.set('ETag', gzip ? gzipTag(body.etag) : body.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('Vary', 'Authorization, Accept-Encoding');
  // Either representation's tag proves the client holds the current content.
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), [body.etag, gzipTag(body.etag)])) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = 'application/json; charset=utf-8';
  if (gzip) {
    body.gzip ??= zlib.gzipSync(body.bytes);
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = body.gzip;
  } else {
    ctx.body = body.bytes;
  }
}
