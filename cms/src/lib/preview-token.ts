/**
 * Signed preview tokens. The CMS issues one when an admin user who may edit an
 * entry's locale opens its preview (site-preview.ts); the preview service hands it
 * back with its request for the draft, and only a token that verifies gets one.
 *
 * A token is `<claims>.<mac>`, both base64url: the claims name the content type,
 * the document, the locale, the version (draft or published) and the expiry (Unix
 * seconds); the MAC is HMAC-SHA256 of the claims' text with SITE_PREVIEW_SECRET.
 */
import crypto from 'node:crypto';

export interface PreviewClaims {
  /** The content type's model name (e.g. `news`). */
  type: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** Expiry, in seconds since the Unix epoch. */
  expires: number;
}

export type PreviewTokenCheck = { ok: true; claims: PreviewClaims } | { ok: false; reason: 'malformed' | 'bad signature' | 'expired' | 'other entry' };

const mac = (text: string, secret: string) => crypto.createHmac('sha256', secret).update(text).digest();

export function signPreviewToken(claims: PreviewClaims, secret: string): string {
  if (!secret) throw new Error('SITE_PREVIEW_SECRET is not set');
  const text = Buffer.from(JSON.stringify([claims.type, claims.documentId, claims.locale, claims.status, claims.expires])).toString('base64url');
  return `${text}.${mac(text, secret).toString('base64url')}`;
}

function parseClaims(text: string): PreviewClaims | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 5) return null;
    const [type, documentId, locale, status, expires] = value as unknown[];
    if (typeof type !== 'string' || typeof documentId !== 'string' || typeof locale !== 'string') return null;
    if ((status !== 'draft' && status !== 'published') || typeof expires !== 'number') return null;
    return { type, documentId, locale, status, expires };
  } catch {
    return null;
  }
}

/**
 * Checks a token: its signature, its expiry (`now` in milliseconds) and, when given,
 * that it was issued for exactly `expected` (type, document and locale).
 */
export function verifyPreviewToken(
  token: string,
  secret: string,
  now = Date.now(),
  expected?: Pick<PreviewClaims, 'type' | 'documentId' | 'locale'>,
): PreviewTokenCheck {
  const [text, signature, ...rest] = token.split('.');
  if (!secret || !text || !signature || rest.length) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(text, secret);
  if (given.length !== wanted.length || !crypto.timingSafeEqual(given, wanted)) return { ok: false, reason: 'bad signature' };
  const claims = parseClaims(text);
  if (!claims) return { ok: false, reason: 'malformed' };
  if (claims.expires * 1000 <= now) return { ok: false, reason: 'expired' };
  if (expected && (expected.type !== claims.type || expected.documentId !== claims.documentId || expected.locale !== claims.locale))
    return { ok: false, reason: 'other entry' };
  return { ok: true, claims };
}
