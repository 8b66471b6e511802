/**
 * Item bodies (rich text, most of an entry's bytes) stay out of the content layer's
 * data store: the store keeps a digest of the body in its place, and the pages that
 * show a body read it from the snapshot (src/lib/content.ts, bodyOf). Astro
 * serializes the whole store into the build's server bundle on every build, so a
 * store without bodies is a quarter of the size to write, bundle and load; and the
 * digest keeps every cache key that covers an entry covering its body too.
 */
import { createHash } from 'node:crypto';

/** What the store holds instead of a body. */
export interface BodyDigest {
  bodyDigest: string;
}

export function bodyDigestOf(body: string): BodyDigest {
  return { bodyDigest: createHash('sha256').update(body).digest('base64url') };
}

export function isBodyDigest(value: unknown): value is BodyDigest {
  return typeof value === 'object' && value !== null && typeof (value as BodyDigest).bodyDigest === 'string';
}

/** An entry as the store keeps it: a text body replaced by its digest, in the same place. */
export function withoutBody<E extends object>(entry: E): E {
  const body = (entry as { body?: unknown }).body;
  return typeof body === 'string' ? { ...entry, body: bodyDigestOf(body) } : entry;
}
