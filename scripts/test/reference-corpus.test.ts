/** The repository's reference benchmark corpus (scripts/bench/reference-corpus.ts): deterministic, and shaped as its specification says. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeNames, localeCodes, readSnapshot } from '@ssc/content-schemas';
import { CORPUS_THEMES, writeCorpusSnapshot } from '../bench/corpus-snapshot.ts';
import { REFERENCE_COUNTRIES, referenceCorpus, referenceSlug } from '../bench/reference-corpus.ts';

const DOCUMENTS = 200;
const corpus = referenceCorpus(DOCUMENTS);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
/** The body's paragraphs, headings left out. */
const paragraphs = (body: string) => body.split('\n\n').filter((block) => !block.startsWith('## '));

describe('the reference corpus', () => {
  it('is the same on every run, and a smaller corpus is the start of a larger one', () => {
    expect(JSON.stringify(referenceCorpus(DOCUMENTS))).toBe(JSON.stringify(corpus));
    expect(referenceCorpus(20)).toEqual(corpus.slice(0, 20 * localeCodes.length));
  });

  it('has every document in every locale of the model, with the same slug, type, themes, countries and date', () => {
    expect(corpus).toHaveLength(DOCUMENTS * localeCodes.length);
    for (let n = 1; n <= DOCUMENTS; n++) {
      const translations = corpus.slice((n - 1) * localeCodes.length, n * localeCodes.length);
      expect(translations.map((e) => e.locale)).toEqual([...localeCodes]);
      const [first] = translations;
      expect(first.slug).toBe(referenceSlug(n));
      for (const e of translations)
        expect([e.slug, e.type, e.themes, e.countries, e.date]).toEqual([first.slug, first.type, first.themes, first.countries, first.date]);
    }
  });

  it('uses every content type and every thematic area, each for a fair share of documents', () => {
    const english = corpus.filter((e) => e.locale === 'en');
    for (const type of contentTypeNames) {
      const share = english.filter((e) => e.type === type).length / DOCUMENTS;
      expect(share, type).toBeGreaterThan(0.5 / contentTypeNames.length);
      expect(share, type).toBeLessThan(2 / contentTypeNames.length);
    }
    for (const theme of CORPUS_THEMES) expect(english.filter((e) => e.themes.includes(theme)).length, theme).toBeGreaterThan(DOCUMENTS * 0.25);
    const twoThemes = english.filter((e) => e.themes.length === 2).length / DOCUMENTS;
    expect(twoThemes).toBeGreaterThan(0.5);
    expect(twoThemes).toBeLessThan(0.9);
  });

  it('gives each entry one or two distinct themes, one known country and a real date from 2012 to October 2026', () => {
    for (const e of corpus) {
      expect(e.themes.length === 1 || (e.themes.length === 2 && e.themes[0] !== e.themes[1])).toBe(true);
      for (const theme of e.themes) expect(CORPUS_THEMES).toContain(theme);
      expect(e.countries).toHaveLength(1);
      expect(REFERENCE_COUNTRIES).toContain(e.countries[0]);
      expect(new Date(`${e.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(e.date);
      expect(e.date >= '2012-01-01' && e.date <= '2026-10-31').toBe(true);
    }
  });

  it('writes bodies of about 400 words, or about 600 characters in Chinese, with two ## headings', () => {
    for (const e of corpus) {
      const blocks = e.body.split('\n\n');
      expect(
        blocks.filter((b) => b.startsWith('## ')),
        `${e.slug} ${e.locale}`,
      ).toHaveLength(2);
      expect(blocks[0].startsWith('## ')).toBe(false);
      if (e.locale === 'zh') {
        const characters = paragraphs(e.body).join('').length;
        expect(characters).toBeGreaterThanOrEqual(600);
        expect(characters).toBeLessThan(720);
        expect(e.body).not.toMatch(/[A-Za-z]/);
      } else {
        const count = words(paragraphs(e.body).join(' '));
        expect(count).toBeGreaterThanOrEqual(400);
        expect(count).toBeLessThan(470);
      }
    }
  });

  it('writes titles and a one-sentence summary in the entry’s script', () => {
    for (const e of corpus) {
      expect(e.title.length).toBeGreaterThan(3);
      expect(e.title.length).toBeLessThanOrEqual(200);
      expect(e.summary).toMatch(e.locale === 'zh' ? /^[^。]+。$/ : /^[^.]+\.$/);
    }
    const arabic = corpus.find((e) => e.locale === 'ar')!;
    expect(arabic.title).toMatch(/^[\u0600-\u06ff ]+$/);
    const english = corpus.find((e) => e.locale === 'en')!;
    expect(english.title[0]).toBe(english.title[0].toUpperCase());
  });

  it('converts into a snapshot that readSnapshot validates', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-reference-')), 'snapshot');
    try {
      const small = referenceCorpus(10);
      await writeCorpusSnapshot(small, dir, 'reference');
      const snapshot = readSnapshot(dir);
      const total = contentTypeNames.reduce((sum, type) => sum + localeCodes.reduce((n, l) => n + snapshot.entries[type][l].length, 0), 0);
      expect(total).toBe(small.length);
    } finally {
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
