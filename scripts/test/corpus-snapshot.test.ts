/** The benchmark corpus → content snapshot converter, on a small corpus shaped like the reference corpus. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeNames, localeCodes, readSnapshot, type Snapshot } from '@ssc/content-schemas';
import { CORPUS_THEMES, writeCorpusSnapshot, type CorpusEntry } from '../bench/corpus-snapshot.ts';

const TYPES = ['news', 'video', 'report', 'policy', 'course'];
const COUNTRIES = ['lk', 'ke', 'ec', 'cg', 'cn'];
const text: Record<string, string> = {
  en: 'Smallholder farmers store grain in hermetic bags',
  zh: '小农户使用密封袋储存粮食',
  ar: 'يخزن صغار المزارعين الحبوب في أكياس محكمة',
  es: 'Los pequeños agricultores guardan el grano en bolsas herméticas',
  fr: 'Les petits exploitants stockent le grain dans des sacs hermétiques',
};

/** 20 documents × 5 locales, with the corpus' field names, themes and `##` headings. */
function smallCorpus(): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (let i = 1; i <= 20; i++) {
    const slug = `doc-${String(i).padStart(5, '0')}`;
    for (const locale of localeCodes) {
      const sentence = `${text[locale]} ${i}.`;
      entries.push({
        slug,
        locale,
        type: TYPES[i % TYPES.length],
        themes: [CORPUS_THEMES[i % 4], CORPUS_THEMES[(i + 1) % 4]],
        countries: [COUNTRIES[i % COUNTRIES.length]],
        date: `2020-01-${String(i).padStart(2, '0')}`,
        title: sentence.slice(0, 40),
        summary: sentence,
        body: [sentence, `## ${text[locale].slice(0, 12)}`, sentence, `## ${text[locale].slice(0, 8)}`, sentence].join('\n\n'),
      });
    }
  }
  return entries;
}

describe('corpus → snapshot', () => {
  let dir: string;
  let snapshot: Snapshot;
  const corpus = smallCorpus();

  beforeAll(async () => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-corpus-')), 'snapshot');
    await writeCorpusSnapshot(corpus, dir, 'small');
    snapshot = readSnapshot(dir);
  });
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('writes a snapshot that readSnapshot validates, with every corpus entry in its type and locale', () => {
    const total = contentTypeNames.reduce((sum, type) => sum + localeCodes.reduce((n, l) => n + snapshot.entries[type][l].length, 0), 0);
    expect(total).toBe(corpus.length);
    for (const e of corpus) {
      const found = snapshot.entries[e.type as 'news'][e.locale as 'en'].find((x) => x.slug === e.slug);
      expect(found, `${e.type} ${e.slug} ${e.locale}`).toBeDefined();
      expect(found!.title).toBe(e.title);
    }
    expect(snapshot.manifest.counts.news.en).toBe(snapshot.entries.news.en.length);
  });

  it('maps themes and countries onto taxonomy entries in every locale, named in that locale', () => {
    for (const locale of localeCodes) {
      expect(snapshot.entries.theme[locale].map((t) => t.slug)).toEqual([...CORPUS_THEMES]);
      expect(snapshot.entries.country[locale].map((c) => c.isoCode).sort()).toEqual(COUNTRIES.map((c) => c.toUpperCase()).sort());
    }
    expect(snapshot.entries.theme.zh[0].name).toMatch(/[\u4e00-\u9fff]/);
    expect(snapshot.entries.country.fr.find((c) => c.isoCode === 'KE')!.name).toBe('Kenya');
    expect(snapshot.entries.country.zh.find((c) => c.isoCode === 'KE')!.name).toBe('肯尼亚');
    const news = snapshot.entries.news.en[0];
    const corpusEntry = corpus.find((e) => e.slug === news.slug && e.locale === 'en')!;
    expect(news.themes.map((t) => t.slug)).toEqual(corpusEntry.themes);
    expect(news.countries.map((c) => c.slug)).toEqual(corpusEntry.countries);
  });

  it('gives every translation the same document id and lists all five locales as translations', () => {
    const report = snapshot.entries.report.en[0];
    for (const locale of localeCodes) {
      const other = snapshot.entries.report[locale].find((r) => r.slug === report.slug)!;
      expect(other.documentId).toBe(report.documentId);
      expect(other.translations).toEqual([...localeCodes]);
    }
  });

  it('fills what the model requires: images, a report attachment, course modules from the ## sections', () => {
    const report = snapshot.entries.report.en[0];
    expect(report.cover.image.mime).toBe('image/jpeg');
    expect(fs.statSync(path.join(dir, report.cover.image.path)).size).toBe(report.cover.image.sizeBytes);
    expect(report.attachments[0].file.mime).toBe('application/pdf');
    const course = snapshot.entries.course.ar[0];
    expect(course.modules).toHaveLength(3);
    expect(course.modules[1].title).toBe(text.ar.slice(0, 12));
    expect(course.modules[1].lessons[0].reading).toContain(text.ar);
  });

  it('refuses a corpus entry of an unknown type', async () => {
    const bad = [{ ...corpus[0], type: 'podcast' }];
    await expect(writeCorpusSnapshot(bad, path.join(path.dirname(dir), 'bad'))).rejects.toThrow(/unknown type "podcast"/);
  });
});
