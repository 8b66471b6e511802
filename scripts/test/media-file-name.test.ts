/** Snapshot media names: readable, and the same for the same bytes in every pull. */
import { describe, expect, it } from 'vitest';
import { mediaFileName } from '../lib/pull.ts';

describe('mediaFileName', () => {
  it('keeps a readable ASCII base from the uploaded name and adds a content digest', () => {
    expect(mediaFileName('Rapport Annuel – Été 2022.PDF', '.pdf', Buffer.from('a'))).toMatch(/^rapport-annuel-ete-2022-[0-9a-f]{16}\.pdf$/);
  });

  it('names the same bytes alike and different bytes differently, whatever Strapi called the upload', () => {
    const one = mediaFileName('rice.jpg', '.jpg', Buffer.from('bytes'));
    expect(mediaFileName('rice.jpg', '.jpg', Buffer.from('bytes'))).toBe(one);
    expect(mediaFileName('rice.jpg', '.jpg', Buffer.from('other'))).not.toBe(one);
  });

  it('falls back to the digest alone for names without ASCII letters or digits', () => {
    expect(mediaFileName('稻田.jpg', '.jpg', Buffer.from('x'))).toMatch(/^[0-9a-f]{16}\.jpg$/);
  });
});
