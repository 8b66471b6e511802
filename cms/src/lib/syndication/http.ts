/** Writing partner API responses: JSON text, a strong ETag, Cache-Control, and 304 for a matching If-None-Match. */
import crypto from 'node:crypto';

export interface CachedBody {
  text: string;
  etag: string;
}

export function jsonBody(value: unknown): CachedBody {
  const text = JSON.stringify(value);
  return { text, etag: `"${crypto.createHash('sha256').update(text).digest('base64url').slice(0, 32)}"` };
}

/** RFC 9110 If-None-Match: a list of entity tags, weak comparison, or `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

export function send(ctx: any, body: CachedBody, cacheControl: string): void {
  ctx.set('ETag', body.etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('Vary', 'Authorization');
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), body.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = body.text;
}
