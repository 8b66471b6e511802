/**
 * The reference benchmark corpus, generated in the repository: `documents` documents,
 * each in every locale of the model (@ssc/content-schemas `localeCodes`), as the
 * entries scripts/bench/corpus-snapshot.ts converts (`CorpusEntry`). 2,000 documents
 * give the 10,000 localized entries the performance budgets are measured at.
 *
 * Each document has a slug, a type (one of the model's content types, equally
 * likely), one or two of the four thematic areas, one country, a date between
 * 2012-01-01 and 2026-10-31 shared by its translations, and per locale a title, a
 * one-sentence summary and a Markdown body of about 400 words (about 600 characters
 * in Chinese) in paragraphs, with two `##` headings. The words come from the small
 * synthetic vocabulary in reference-vocabulary.ts. No images: the converter adds
 * the same few to every entry.
 *
 * Deterministic: the output depends only on `documents` and this file (and the
 * vocabulary), never on the machine or the clock. Every document draws from a
 * random stream of its own, so a smaller corpus is the start of a larger one.
 */
import fs from 'node:fs';
import { contentTypeNames, localeCodes, type LocaleCode } from '@ssc/content-schemas';
import { CORPUS_THEMES, type CorpusEntry } from './corpus-snapshot.ts';
import { vocabularyOf } from './reference-vocabulary.ts';

/** Countries of the corpus (ISO 3166 alpha-2, lowercase); each document has one. */
export const REFERENCE_COUNTRIES = ['bd', 'br', 'cn', 'ec', 'et', 'ke', 'kh', 'lk', 'mz', 'rw'] as const;

const SEED = 0x55c_2026;
const FIRST_DAY = Date.UTC(2012, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY_MS = 86_400_000;
/** Share of documents with a second thematic area. */
const SECOND_THEME = 0.7;
/** Body length: words, or characters in Chinese. */
const BODY_WORDS = 400;
const BODY_CHINESE_CHARACTERS = 600;

/** A 32-bit hash of a few integers, for seeding one stream per document and locale. */
function mix(...values: number[]): number {
  let h = SEED >>> 0;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x9e3779b1);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** Uniform numbers in [0, 1): a Weyl sequence through the murmur3 finalizer. */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 0x1_0000_0000;
  };
}

interface Draw {
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  one<T>(list: readonly T[]): T;
}

function draw(seed: number): Draw {
  const next = randomStream(seed);
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    one: (list) => list[Math.floor(next() * list.length)],
  };
}

/** How one language puts words together. */
interface Writing {
  /** Words joined into a phrase. */
  phrase(words: string[]): string;
  sentence(d: Draw): string;
  title(d: Draw): string;
  heading(d: Draw): string;
  /** The size the body target counts: words, or characters. */
  size(text: string): number;
  target: number;
  paragraphJoin: string;
}

const capitalize = (text: string, locale: LocaleCode) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
const pickWords = (d: Draw, locale: LocaleCode, min: number, max: number) => Array.from({ length: d.int(min, max) }, () => d.one(vocabularyOf(locale)));

function writing(locale: LocaleCode): Writing {
  if (locale === 'zh') {
    const phrase = (words: string[]) => words.join('');
    return {
      phrase,
      sentence: (d) => `${phrase(pickWords(d, locale, 3, 6))}，${phrase(pickWords(d, locale, 3, 6))}。`,
      title: (d) => phrase(pickWords(d, locale, 3, 5)),
      heading: (d) => phrase(pickWords(d, locale, 2, 3)),
      size: (text) => text.length,
      target: BODY_CHINESE_CHARACTERS,
      paragraphJoin: '',
    };
  }
  const phrase = (words: string[]) => words.join(' ');
  // Arabic has no capitals; its full stop is the Latin one in most web text.
  const cased = (text: string) => (locale === 'ar' ? text : capitalize(text, locale));
  return {
    phrase,
    sentence: (d) => `${cased(phrase(pickWords(d, locale, 7, 15)))}.`,
    title: (d) => cased(phrase(pickWords(d, locale, 5, 9))),
    heading: (d) => cased(phrase(pickWords(d, locale, 2, 4))),
    size: (text) => text.split(/\s+/).length,
    target: BODY_WORDS,
    paragraphJoin: ' ',
  };
}

/** Paragraphs of three to five sentences until the target size, with `##` headings before the second and third thirds. */
function body(d: Draw, w: Writing): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < w.target) {
    const paragraph = Array.from({ length: d.int(3, 5) }, () => w.sentence(d)).join(w.paragraphJoin);
    paragraphs.push(paragraph);
    size += w.size(paragraph);
  }
  const third = Math.ceil(paragraphs.length / 3);
  const blocks = paragraphs.flatMap((p, i) => (i > 0 && i % third === 0 ? [`## ${w.heading(d)}`, p] : [p]));
  return blocks.join('\n\n');
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The corpus' slug of document `n` (1-based). */
export const referenceSlug = (n: number) => `doc-${String(n).padStart(5, '0')}`;

/** The corpus: `documents` documents × the model's locales, document by document. */
export function referenceCorpus(documents: number): CorpusEntry[] {
  if (!Number.isInteger(documents) || documents < 0) throw new Error(`documents must be a non-negative integer, not ${documents}`);
  const days = Math.floor((LAST_DAY - FIRST_DAY) / DAY_MS) + 1;
  const entries: CorpusEntry[] = [];
  for (let n = 1; n <= documents; n++) {
    const d = draw(mix(n));
    const type = d.one(contentTypeNames);
    const first = d.int(0, CORPUS_THEMES.length - 1);
    const themes: string[] = [CORPUS_THEMES[first]];
    if (d.int(0, 999) < SECOND_THEME * 1000) themes.push(CORPUS_THEMES[(first + d.int(1, CORPUS_THEMES.length - 1)) % CORPUS_THEMES.length]);
    const countries = [d.one(REFERENCE_COUNTRIES)];
    const date = isoDay(FIRST_DAY + d.int(0, days - 1) * DAY_MS);
    for (const [i, locale] of localeCodes.entries()) {
      const text = draw(mix(n, i + 1));
      const w = writing(locale);
      entries.push({
        slug: referenceSlug(n),
        locale,
        type,
        themes: [...themes],
        countries: [...countries],
        date,
        title: w.title(text),
        summary: w.sentence(text),
        body: body(text, w),
      });
    }
  }
  return entries;
}

/** Writes the corpus as one JSON array (the format an external corpus.mjs writes too). */
export function writeReferenceCorpus(documents: number, file: string): void {
  fs.writeFileSync(file, JSON.stringify(referenceCorpus(documents)));
}

/** What decides the corpus besides `documents`: this file, the vocabulary and the lists it takes from the model and the converter. */
export function referenceCorpusInputs(): string[] {
  const sources = ['./reference-corpus.ts', './reference-vocabulary.ts'].map((file) => fs.readFileSync(new URL(file, import.meta.url), 'utf8'));
  return [...sources, JSON.stringify({ localeCodes, contentTypeNames, CORPUS_THEMES })];
}
