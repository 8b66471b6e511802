/**
 * Turns the reference benchmark corpus (reference-corpus.ts, or an external
 * corpus.mjs in SSC_BENCH_DIR: documents × locales with slug, type, themes,
 * countries, date, title, summary and Markdown body) into a content snapshot that `readSnapshot` accepts, so the site can be
 * built from it exactly as from a pulled snapshot.
 *
 * How the corpus maps onto the model:
 * - the corpus' four themes become the model's four themes, in order, with the
 *   names and descriptions of the demo content (cms/seed/content/taxonomy.json);
 * - its ISO country codes become countries named by Intl in each locale;
 * - every type gets the fields the model requires: an illustration per theme as
 *   hero image, poster or cover; one small PDF as report attachment; policies take
 *   the first country; courses turn the body's `##` sections into modules with one
 *   reading lesson each; videos link to an external page and carry the body as transcript;
 * - a type without such a format here (a type new to the model) gets its fields filled
 *   from the model by kind (modelFields).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  collections,
  contentTypeNames,
  ENTRIES_DIR,
  entriesFile,
  getCollection,
  getComponent,
  getLocale,
  LANGUAGE_TAG_PATTERN,
  localeCodes,
  publicFields,
  MANIFEST_FILE,
  MEDIA_DIR,
  type CollectionName,
  type ContentTypeName,
  type FieldDefinition,
  type LocaleCode,
  type SnapshotManifest,
  type SnapshotMedia,
  type SnapshotReference,
} from '@ssc/content-schemas';
import { loadDemoContent } from '../../cms/seed/load-content.ts';
import { mediaDir, pdfPageCount } from '../../cms/seed/media.ts';

/** One localized entry of the corpus, as reference-corpus.ts (and the external corpus.mjs) write it. */
export interface CorpusEntry {
  slug: string;
  locale: string;
  type: string;
  themes: string[];
  countries: string[];
  date: string;
  title: string;
  summary: string;
  body: string;
}

/** The corpus' theme slugs, in the order of the model's themes. */
export const CORPUS_THEMES = ['value-chains', 'post-harvest-food-systems', 'disaster-risk-climate', 'poverty-alleviation'] as const;

/** The UN M49 sub-region of each reference corpus country (reference-corpus.ts); other countries have none. */
const SUBREGIONS: Readonly<Record<string, string>> = {
  bd: 'southern-asia',
  br: 'south-america',
  cn: 'eastern-asia',
  ec: 'south-america',
  et: 'eastern-africa',
  ke: 'eastern-africa',
  kh: 'south-eastern-asia',
  lk: 'southern-asia',
  mz: 'eastern-africa',
  rw: 'eastern-africa',
};

const LICENSE = 'CC-BY-4.0';
const ATTRIBUTION = '© SSC Knowledge Platform benchmark corpus, CC BY 4.0';
/** The size of the demo pictures (cms/seed/media/*.jpg). */
const ILLUSTRATION = { width: 1200, height: 675 };

/**
 * Demo media files (cms/seed/media/) the benchmarks reuse: a picture for each
 * corpus theme, in the order of CORPUS_THEMES, and a small PDF for every report.
 */
export const BENCH_MEDIA = {
  pictures: [
    'news-ecuador-rice-value-chains-rural-women-hero.jpg',
    'news-kenya-grain-storage-flour-fortification-hero.jpg',
    'news-disaster-risk-reduction-webinars-2020-hero.jpg',
    'course-cassava-value-chain-development-cover.jpg',
  ],
  pdf: 'report-post-harvest-loss-reduction-pilot-brief-brief-en.pdf',
} as const;

/** The bytes of a demo media file. */
export const readBenchMedia = (name: string): Buffer => fs.readFileSync(path.join(mediaDir, name));

type Entry = Record<string, unknown> & { documentId: string; locale: LocaleCode };

const documentId = (kind: string, slug: string) => `bench-${kind}-${slug}`;
const ref = (kind: string, slug: string): SnapshotReference => ({ documentId: documentId(kind, slug), slug });
/** Slugs must be lowercase ASCII words joined by hyphens. */
const slugOf = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function isLocale(value: string): value is LocaleCode {
  return (localeCodes as readonly string[]).includes(value);
}

function isContentType(value: string): value is ContentTypeName {
  return (contentTypeNames as readonly string[]).includes(value);
}

/** The body's `##` sections as course modules, each with one reading lesson. */
function modulesFrom(entry: CorpusEntry) {
  const sections: { title: string; text: string[] }[] = [{ title: entry.title, text: [] }];
  for (const block of entry.body.split(/\n{2,}/)) {
    const heading = /^##\s+(.+)$/.exec(block);
    if (heading) sections.push({ title: heading[1], text: [] });
    else sections[sections.length - 1].text.push(block);
  }
  return sections
    .filter((s) => s.text.length > 0)
    .map((s, i) => ({
      title: clip(s.title, 200),
      summary: null,
      lessons: [
        {
          title: clip(s.title, 200),
          slug: `lesson-${i + 1}`,
          kind: 'reading',
          required: true,
          durationMinutes: 10,
          video: null,
          reading: s.text.join('\n\n'),
          quiz: null,
        },
      ],
    }));
}

interface Media {
  illustrations: SnapshotMedia[];
  pdf: SnapshotMedia;
  pdfPages: number;
}

async function writeMedia(dir: string): Promise<Media> {
  fs.mkdirSync(path.join(dir, MEDIA_DIR), { recursive: true });
  const illustrations: SnapshotMedia[] = [];
  for (const [i, theme] of CORPUS_THEMES.entries()) {
    const name = `bench-${theme}.jpg`;
    const bytes = readBenchMedia(BENCH_MEDIA.pictures[i % BENCH_MEDIA.pictures.length]);
    fs.writeFileSync(path.join(dir, MEDIA_DIR, name), bytes);
    illustrations.push({ path: `${MEDIA_DIR}/${name}`, mime: 'image/jpeg', sizeBytes: bytes.length, ...ILLUSTRATION, name });
  }
  const pdfBytes = readBenchMedia(BENCH_MEDIA.pdf);
  const pdfName = 'bench-report.pdf';
  fs.writeFileSync(path.join(dir, MEDIA_DIR, pdfName), pdfBytes);
  return {
    illustrations,
    pdf: { path: `${MEDIA_DIR}/${pdfName}`, mime: 'application/pdf', sizeBytes: pdfBytes.length, width: null, height: null, name: pdfName },
    pdfPages: pdfPageCount(pdfBytes),
  };
}

/** A demand of the corpus in a locale, for the matches that must link one (undefined when there is none). */
type DemandIn = (locale: LocaleCode) => SnapshotReference | undefined;

function contentEntry(entry: CorpusEntry, locale: LocaleCode, translations: LocaleCode[], media: Media, demandIn: DemandIn): Entry {
  const type = entry.type as ContentTypeName;
  const themeIndex = Math.max(0, CORPUS_THEMES.indexOf(entry.themes[0] as (typeof CORPUS_THEMES)[number]));
  const picture = { image: media.illustrations[themeIndex], alt: clip(entry.title, 250), caption: null, credit: null };
  const common = {
    type,
    documentId: documentId(type, entry.slug),
    locale,
    publishedAt: `${entry.date}T08:00:00.000Z`,
    updatedAt: `${entry.date}T08:00:00.000Z`,
    translations,
    slug: entry.slug,
    title: clip(entry.title, 200),
    summary: clip(entry.summary, 600),
    themes: entry.themes.map((t) => ref('theme', t)),
    license: LICENSE,
    attribution: ATTRIBUTION,
    seo: null,
  };
  const countries = entry.countries.map((c) => ref('country', c));
  const attachment = {
    file: media.pdf,
    title: clip(entry.title, 200),
    language: getLocale(locale).tag,
    sizeBytes: media.pdf.sizeBytes,
    pageCount: media.pdfPages,
  };
  switch (type) {
    case 'news':
      return {
        ...common,
        countries,
        date: entry.date,
        body: entry.body,
        heroImage: picture,
        partners: [],
        relatedNews: [],
        relatedReports: [],
        relatedVideos: [],
        relatedCourses: [],
      };
    case 'video':
      return {
        ...common,
        countries,
        date: entry.date,
        durationSeconds: 600,
        spokenLanguage: getLocale(locale).tag,
        poster: picture,
        videoFile: null,
        externalUrl: `https://video.example.org/${entry.slug}`,
        captions: [],
        transcript: entry.body,
        partners: [],
      };
    case 'report':
      return {
        ...common,
        countries,
        publicationDate: entry.date,
        body: entry.body,
        cover: picture,
        attachments: [attachment],
        publisher: null,
        partners: [],
      };
    case 'policy':
      return {
        ...common,
        issuingBody: 'Ministry of Agriculture',
        country: ref('country', entry.countries[0]),
        dateIssued: entry.date,
        documentType: 'policy',
        body: entry.body,
        attachments: [],
        officialLink: null,
      };
    case 'course':
      return {
        ...common,
        countries,
        level: 'beginner',
        estimatedHours: 2,
        cover: picture,
        learningOutcomes: [{ text: clip(entry.summary, 300) }],
        modules: modulesFrom(entry),
        partnerInstitution: null,
        certificateOffered: false,
        certificateNote: null,
      };
    case 'match':
      // A brokering case links a demand: the corpus' first one in this locale, and is published only when completed.
      return {
        ...common,
        ...modelFields(type, Object.keys(common), { entry, locale, picture, attachment }),
        demand: demandIn(locale) ?? null,
        state: 'completed',
        completedOn: entry.date,
      };
    default:
      // A type the corpus has no hand-made format for yet: every field filled from the model.
      return { ...common, ...modelFields(type, Object.keys(common), { entry, locale, picture, attachment }) };
  }
}

interface FieldSources {
  entry: CorpusEntry;
  locale: LocaleCode;
  picture: { image: SnapshotMedia; alt: string; caption: null; credit: null };
  attachment: Record<string, unknown>;
}

/**
 * The fields of a type (those not in `skip`) filled from the corpus entry by kind, as
 * the model describes them: texts from its title, summary and body, dates from its
 * date, themes and countries from its own, the theme's picture and the PDF for
 * images and files; what is optional and has no source stays empty.
 */
function modelFields(type: ContentTypeName, skip: readonly string[], sources: FieldSources): Record<string, unknown> {
  const { entry, locale, picture, attachment } = sources;
  const one = (def: FieldDefinition, values: unknown[]) =>
    (def.kind === 'relation' || def.kind === 'media' ? def.multiple : def.kind === 'component' && def.repeatable) ? values : (values[0] ?? null);
  const value = (def: FieldDefinition): unknown => {
    switch (def.kind) {
      case 'string':
        if (def.pattern === LANGUAGE_TAG_PATTERN) return getLocale(locale).tag;
        if (def.format === 'url') return `https://example.org/${entry.slug}`;
        return def.pattern ? null : clip(entry.title, def.maxLength ?? 200);
      case 'text':
        return clip(entry.summary, def.maxLength ?? 600);
      case 'richtext':
        return entry.body;
      case 'date':
        return entry.date;
      case 'integer':
      case 'decimal':
        return def.min ?? 1;
      case 'boolean':
        return def.default;
      case 'enum':
        return def.default ?? def.values[0];
      case 'media':
        return def.required ? one(def, [def.allowedTypes.includes('images') ? picture.image : attachment.file]) : one(def, []);
      case 'relation':
        if (def.target === 'theme')
          return one(
            def,
            entry.themes.map((t) => ref('theme', t)),
          );
        if (def.target === 'country')
          return one(
            def,
            entry.countries.map((c) => ref('country', c)),
          );
        return one(def, []);
      case 'component':
        if (def.component === 'shared.captioned-image') return one(def, [picture]);
        if (def.component === 'shared.file-attachment') return one(def, [attachment]);
        if (!def.required) return one(def, []);
        return one(def, [Object.fromEntries(Object.entries(getComponent(def.component).fields).map(([name, d]) => [name, value(d)]))]);
    }
  };
  return Object.fromEntries(
    Object.entries(publicFields(getCollection(type).fields))
      .filter(([name]) => !skip.includes(name))
      .map(([name, def]) => [name, value(def)]),
  );
}

function taxonomyEntries(corpus: readonly CorpusEntry[]): { theme: Entry[]; country: Entry[] } {
  const demoThemes = [...loadDemoContent().taxonomy.themes].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const at = `${new Date(Date.UTC(2026, 0, 1)).toISOString()}`;
  const meta = (kind: string, slug: string, locale: LocaleCode) => ({
    type: kind,
    documentId: documentId(kind, slug),
    locale,
    publishedAt: at,
    updatedAt: at,
    translations: [...localeCodes],
    slug,
  });
  const theme = localeCodes.flatMap((locale) =>
    CORPUS_THEMES.map((slug, i) => {
      const demo = demoThemes[i]?.locales[locale];
      return { ...meta('theme', slug, locale), name: demo?.name ?? slug, description: demo?.description ?? slug, order: i + 1 };
    }),
  );
  const codes = [...new Set(corpus.flatMap((e) => e.countries))].sort();
  const country = localeCodes.flatMap((locale) => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return codes.map((code) => ({
      ...meta('country', slugOf(code), locale),
      isoCode: code.toUpperCase(),
      name: names.of(code.toUpperCase()) ?? code,
      region: null,
      subregion: SUBREGIONS[code] ?? null,
    }));
  });
  return { theme, country };
}

export interface CorpusSnapshotResult {
  dir: string;
  /** Localized content entries written (taxonomy not counted). */
  entries: number;
}

/**
 * Writes the snapshot of `corpus` into `dir` (created; must not exist yet or be
 * empty). Corpus entries with an unknown locale or type are an error.
 */
export async function writeCorpusSnapshot(corpus: readonly CorpusEntry[], dir: string, id = 'bench-corpus'): Promise<CorpusSnapshotResult> {
  for (const e of corpus) {
    if (!isLocale(e.locale)) throw new Error(`corpus entry ${e.slug}: unknown locale "${e.locale}"`);
    if (!isContentType(e.type)) throw new Error(`corpus entry ${e.slug}: unknown type "${e.type}"`);
  }
  fs.mkdirSync(path.join(dir, ENTRIES_DIR), { recursive: true });
  const media = await writeMedia(dir);

  const translationsOf = new Map<string, LocaleCode[]>();
  for (const e of corpus) {
    const key = `${e.type}:${e.slug}`;
    const list = translationsOf.get(key) ?? [];
    list.push(e.locale as LocaleCode);
    translationsOf.set(key, list);
  }
  const files = new Map<string, Entry[]>();
  const add = (collection: CollectionName, entry: Entry) => {
    const key = `${collection}.${entry.locale}`;
    const list = files.get(key) ?? [];
    list.push(entry);
    files.set(key, list);
  };
  const taxonomy = taxonomyEntries(corpus);
  for (const entry of taxonomy.theme) add('theme', entry);
  for (const entry of taxonomy.country) add('country', entry);
  const demandIn: DemandIn = (locale) => {
    const demand = corpus.find((e) => e.type === 'demand' && e.locale === locale);
    return demand && ref('demand', demand.slug);
  };
  for (const e of corpus) {
    const locale = e.locale as LocaleCode;
    const translations = localeCodes.filter((l) => translationsOf.get(`${e.type}:${e.slug}`)!.includes(l));
    add(e.type as ContentTypeName, contentEntry(e, locale, translations, media, demandIn));
  }

  const counts: SnapshotManifest['counts'] = {};
  for (const collection of collections) {
    counts[collection.name] = {};
    for (const locale of localeCodes) {
      const list = files.get(`${collection.name}.${locale}`) ?? [];
      counts[collection.name][locale] = list.length;
      fs.writeFileSync(path.join(dir, entriesFile(collection.name, locale)), JSON.stringify(list));
    }
  }
  const manifest: SnapshotManifest = {
    formatVersion: 1,
    id,
    createdAt: new Date(Date.UTC(2026, 10, 1)).toISOString(),
    source: 'reference benchmark corpus',
    locales: [...localeCodes],
    counts,
    warnings: [],
  };
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return { dir, entries: corpus.length };
}
