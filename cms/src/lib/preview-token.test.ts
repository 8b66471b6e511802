import { describe, expect, it } from 'vitest';
import { signPreviewToken, verifyPreviewToken, type PreviewClaims } from './preview-token';

const SECRET = 'a-test-secret-of-some-length';
const NOW = Date.UTC(2026, 0, 1);
const claims: PreviewClaims = { type: 'news', documentId: 'abc123', locale: 'ar', status: 'draft', expires: NOW / 1000 + 600 };

describe('preview tokens', () => {
  it('verify with the secret they were signed with, giving back their claims', () => {
    expect(verifyPreviewToken(signPreviewToken(claims, SECRET), SECRET, NOW)).toEqual({ ok: true, claims });
  });

  it('are refused once expired', () => {
    const token = signPreviewToken(claims, SECRET);
    expect(verifyPreviewToken(token, SECRET, claims.expires * 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewToken(token, SECRET, claims.expires * 1000 + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when their claims were changed (another locale, a later expiry)', () => {
    const [, mac] = signPreviewToken(claims, SECRET).split('.');
    for (const changed of [
      { ...claims, locale: 'fr' },
      { ...claims, documentId: 'other' },
      { ...claims, expires: claims.expires + 86_400 },
    ]) {
      const [text] = signPreviewToken(changed, SECRET).split('.');
      expect(verifyPreviewToken(`${text}.${mac}`, SECRET, NOW)).toEqual({ ok: false, reason: 'bad signature' });
    }
  });

  it('are refused when the signature was tampered with or made with another secret', () => {
    const token = signPreviewToken(claims, SECRET);
    const flipped = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect(verifyPreviewToken(flipped, SECRET, NOW).ok).toBe(false);
    expect(verifyPreviewToken(signPreviewToken(claims, 'another-secret'), SECRET, NOW)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('are refused for another locale, document or type than the one asked for', () => {
    const token = signPreviewToken(claims, SECRET);
    expect(verifyPreviewToken(token, SECRET, NOW, { type: 'news', documentId: 'abc123', locale: 'fr' })).toEqual({ ok: false, reason: 'other entry' });
    expect(verifyPreviewToken(token, SECRET, NOW, { type: 'news', documentId: 'xyz', locale: 'ar' })).toEqual({ ok: false, reason: 'other entry' });
    expect(verifyPreviewToken(token, SECRET, NOW, { type: 'video', documentId: 'abc123', locale: 'ar' })).toEqual({ ok: false, reason: 'other entry' });
    expect(verifyPreviewToken(token, SECRET, NOW, { type: 'news', documentId: 'abc123', locale: 'ar' }).ok).toBe(true);
  });

  it('are refused when malformed or when no secret is configured', () => {
    for (const bad of ['', 'abc', 'a.b.c', '.', `${Buffer.from('{}').toString('base64url')}.x`])
      expect(verifyPreviewToken(bad, SECRET, NOW).ok, bad).toBe(false);
    expect(verifyPreviewToken(signPreviewToken(claims, SECRET), '', NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(() => signPreviewToken(claims, '')).toThrow(/SITE_PREVIEW_SECRET/);
  });
});
