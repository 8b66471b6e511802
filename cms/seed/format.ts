/**
 * The format of the demo content files in cms/seed/content/. Each file holds
 * documents with their shared (non-localized) values once and their text per
 * locale. The pictures, logos, PDFs and captions they use are files in
 * cms/seed/media/, named after the document (see media.ts).
 */
import { z } from 'zod';
import {
  COURSE_LEVELS,
  LESSON_KINDS,
  LICENSES,
  PARTNER_KINDS,
  POLICY_DOCUMENT_TYPES,
  SLUG_PATTERN,
  getCollection,
  getComponent,
  localeCodes,
  type Fields,
  type LocaleCode,
} from '@ssc/content-schemas';

const slug = z.string().regex(new RegExp(SLUG_PATTERN));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const locale = z.enum(localeCodes as [LocaleCode, ...LocaleCode[]]);
const nonEmpty = z.string().trim().min(1);

/** The model's length limit of a text field: the demo content is held to what the CMS accepts. */
function maxLength(fields: Fields, name: string): number {
  const field = fields[name];
  const limit = field && 'maxLength' in field ? field.maxLength : undefined;
  if (limit === undefined) throw new Error(`the content model gives the field "${name}" no length limit`);
  return limit;
}
/** Required text of a model field, within its limit. */
const text = (fields: Fields, name: string) => nonEmpty.max(maxLength(fields, name));
/** Optional text of a model field, within its limit. */
const optionalText = (fields: Fields, name: string) => z.string().max(maxLength(fields, name)).optional();
/** A number of a model field, within its bounds (whole for an integer field). */
function numberOf(fields: Fields, name: string) {
  const field = fields[name];
  if (!field || (field.kind !== 'integer' && field.kind !== 'decimal')) throw new Error(`the content model has no number field "${name}"`);
  let n = field.kind === 'integer' ? z.number().int() : z.number();
  if (field.min !== undefined) n = n.min(field.min);
  if (field.max !== undefined) n = n.max(field.max);
  return n;
}

const model = {
  item: getCollection('news').fields,
  image: getComponent('shared.captioned-image').fields,
  seo: getComponent('shared.seo').fields,
  attachment: getComponent('shared.file-attachment').fields,
  theme: getCollection('theme').fields,
  country: getCollection('country').fields,
  partner: getCollection('partner').fields,
  policy: getCollection('policy').fields,
  course: getCollection('course').fields,
  outcome: getComponent('course.learning-outcome').fields,
  module: getComponent('course.module').fields,
  lesson: getComponent('course.lesson').fields,
};

/** Text per locale; a locale left out is a missing translation. English is always present. */
function perLocale<T extends z.ZodType>(text: T) {
  return z.partialRecord(locale, text).refine((r) => r.en !== undefined, { message: 'every document has an English version' });
}

const imageText = z.object({ alt: text(model.image, 'alt'), caption: optionalText(model.image, 'caption'), credit: optionalText(model.image, 'credit') });
const seo = z
  .object({ metaTitle: z.string().max(maxLength(model.seo, 'metaTitle')), metaDescription: z.string().max(maxLength(model.seo, 'metaDescription')) })
  .optional();

/** How an item is stored: published (default), or some locales kept as unpublished drafts. */
const publication = {
  /** Locales that exist only as drafts (never published). */
  draftLocales: z.array(locale).optional(),
};

const baseText = {
  title: text(model.item, 'title'),
  summary: text(model.item, 'summary'),
  attribution: text(model.item, 'attribution'),
  seo,
};

const baseShared = {
  themes: z.array(slug).min(1),
  countries: z.array(slug),
  license: z.enum(LICENSES).default('CC-BY-4.0'),
};

/** A PDF of a document: the file `<type>-<slug>-<key>.pdf` in cms/seed/media/, written in `language`. */
export const pdfFile = z.object({
  key: slug,
  language: z.enum(['en', 'es', 'fr']),
});

/** An attachment of one translation: which of the document's PDFs, with a title in that translation's language. */
const attachment = z.object({ file: slug, title: text(model.attachment, 'title') });

export const taxonomyFile = z.object({
  themes: z.array(
    z.object({
      slug,
      order: z.number().int().nonnegative(),
      locales: perLocale(z.object({ name: text(model.theme, 'name'), description: text(model.theme, 'description') })),
    }),
  ),
  countries: z.array(
    z.object({
      slug,
      isoCode: z.string().regex(/^[A-Z]{2}$/),
      locales: perLocale(z.object({ name: text(model.country, 'name'), region: optionalText(model.country, 'region') })),
    }),
  ),
  partners: z.array(
    z.object({
      slug,
      kind: z.enum(PARTNER_KINDS),
      website: z.string().url().optional(),
      locales: perLocale(
        z.object({
          name: text(model.partner, 'name'),
          acronym: optionalText(model.partner, 'acronym'),
          description: optionalText(model.partner, 'description'),
        }),
      ),
    }),
  ),
});

/** A file of documents of one type: each with its slug, how it is published, its shared values and its text per locale. */
function documentsFile<Shared extends z.ZodRawShape, Translated extends z.ZodRawShape>(shared: Shared, translated: Translated) {
  return z.array(z.object({ slug, ...publication, shared: z.object(shared), locales: perLocale(z.object({ ...baseText, ...translated })) }));
}

export const newsFile = documentsFile(
  {
    ...baseShared,
    date,
    partners: z.array(slug),
    related: z
      .object({ news: z.array(slug), reports: z.array(slug), videos: z.array(slug), courses: z.array(slug) })
      .partial()
      .optional(),
  },
  { body: nonEmpty, image: imageText },
);

export const videoFile = documentsFile(
  {
    ...baseShared,
    date,
    durationSeconds: z.number().int().positive(),
    spokenLanguage: z.string().min(2),
    externalUrl: z.string().url().optional(),
    partners: z.array(slug),
  },
  { transcript: nonEmpty, poster: imageText },
);

export const reportFile = documentsFile(
  { ...baseShared, publicationDate: date, publisher: slug, partners: z.array(slug), files: z.array(pdfFile).min(1) },
  { body: nonEmpty, cover: imageText, attachments: z.array(attachment).min(1) },
);

export const policyFile = documentsFile(
  {
    themes: baseShared.themes,
    license: baseShared.license,
    country: slug,
    dateIssued: date,
    documentType: z.enum(POLICY_DOCUMENT_TYPES),
    officialLink: z.string().url().optional(),
    files: z.array(pdfFile),
  },
  { issuingBody: text(model.policy, 'issuingBody'), body: z.string().optional(), attachments: z.array(attachment) },
);

const lesson = z.object({
  title: text(model.lesson, 'title'),
  kind: z.enum(LESSON_KINDS),
  durationMinutes: numberOf(model.lesson, 'durationMinutes'),
  /** Slug of a video in videos.json, for video lessons. */
  video: slug.optional(),
  reading: z.string().optional(),
  quizNote: optionalText(model.lesson, 'quizNote'),
});

export const courseFile = documentsFile(
  {
    ...baseShared,
    level: z.enum(COURSE_LEVELS),
    estimatedHours: numberOf(model.course, 'estimatedHours'),
    certificateOffered: z.boolean(),
    partnerInstitution: slug.optional(),
  },
  {
    cover: imageText,
    learningOutcomes: z.array(text(model.outcome, 'text')).min(2),
    modules: z.array(z.object({ title: text(model.module, 'title'), summary: optionalText(model.module, 'summary'), lessons: z.array(lesson).min(1) })).min(1),
    certificateNote: optionalText(model.course, 'certificateNote'),
  },
);

export const contentFiles = {
  'taxonomy.json': taxonomyFile,
  'news.json': newsFile,
  'videos.json': videoFile,
  'reports.json': reportFile,
  'policies.json': policyFile,
  'courses.json': courseFile,
} as const;

export type TaxonomySeed = z.infer<typeof taxonomyFile>;
export type NewsSeed = z.infer<typeof newsFile>[number];
export type VideoSeed = z.infer<typeof videoFile>[number];
export type ReportSeed = z.infer<typeof reportFile>[number];
export type PolicySeed = z.infer<typeof policyFile>[number];
export type CourseSeed = z.infer<typeof courseFile>[number];
export type PdfSeed = z.infer<typeof pdfFile>;
