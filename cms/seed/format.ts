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
  localeCodes,
  type LocaleCode,
} from '@ssc/content-schemas';

const slug = z.string().regex(new RegExp(SLUG_PATTERN));
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const locale = z.enum(localeCodes as [LocaleCode, ...LocaleCode[]]);
const nonEmpty = z.string().trim().min(1);

/** Text per locale; a locale left out is a missing translation. English is always present. */
function perLocale<T extends z.ZodType>(text: T) {
  return z
    .partialRecord(locale, text)
    .refine((r) => r.en !== undefined, { message: 'every document has an English version' });
}

const imageText = z.object({ alt: nonEmpty.max(250), caption: z.string().max(300).optional(), credit: z.string().max(160).optional() });
const seo = z.object({ metaTitle: z.string().max(70), metaDescription: z.string().max(170) }).optional();

/** How an item is stored: published (default), or some locales kept as unpublished drafts. */
const publication = {
  /** Locales that exist only as drafts (never published). */
  draftLocales: z.array(locale).optional(),
};

const baseText = {
  title: nonEmpty.max(200),
  summary: nonEmpty.max(600),
  attribution: nonEmpty.max(300),
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
const attachment = z.object({ file: slug, title: nonEmpty.max(200) });

export const taxonomyFile = z.object({
  themes: z.array(
    z.object({
      slug,
      order: z.number().int().nonnegative(),
      locales: perLocale(z.object({ name: nonEmpty.max(120), description: nonEmpty.max(1000) })),
    }),
  ),
  countries: z.array(
    z.object({
      slug,
      isoCode: z.string().regex(/^[A-Z]{2}$/),
      locales: perLocale(z.object({ name: nonEmpty.max(120), region: z.string().max(120).optional() })),
    }),
  ),
  partners: z.array(
    z.object({
      slug,
      kind: z.enum(PARTNER_KINDS),
      website: z.string().url().optional(),
      locales: perLocale(z.object({ name: nonEmpty.max(200), acronym: z.string().max(30).optional(), description: z.string().max(1000).optional() })),
    }),
  ),
});

export const newsFile = z.array(
  z.object({
    slug,
    ...publication,
    shared: z.object({
      ...baseShared,
      date,
      partners: z.array(slug),
      related: z
        .object({ news: z.array(slug), reports: z.array(slug), videos: z.array(slug), courses: z.array(slug) })
        .partial()
        .optional(),
    }),
    locales: perLocale(z.object({ ...baseText, body: nonEmpty, image: imageText })),
  }),
);

export const videoFile = z.array(
  z.object({
    slug,
    ...publication,
    shared: z.object({
      ...baseShared,
      date,
      durationSeconds: z.number().int().positive(),
      spokenLanguage: z.string().min(2),
      externalUrl: z.string().url().optional(),
      partners: z.array(slug),
    }),
    locales: perLocale(z.object({ ...baseText, transcript: nonEmpty, poster: imageText })),
  }),
);

export const reportFile = z.array(
  z.object({
    slug,
    ...publication,
    shared: z.object({
      ...baseShared,
      publicationDate: date,
      publisher: slug,
      partners: z.array(slug),
      files: z.array(pdfFile).min(1),
    }),
    locales: perLocale(z.object({ ...baseText, body: nonEmpty, cover: imageText, attachments: z.array(attachment).min(1) })),
  }),
);

export const policyFile = z.array(
  z.object({
    slug,
    ...publication,
    shared: z.object({
      themes: baseShared.themes,
      license: baseShared.license,
      country: slug,
      dateIssued: date,
      documentType: z.enum(POLICY_DOCUMENT_TYPES),
      officialLink: z.string().url().optional(),
      files: z.array(pdfFile),
    }),
    locales: perLocale(
      z.object({ ...baseText, issuingBody: nonEmpty.max(200), body: z.string().optional(), attachments: z.array(attachment) }),
    ),
  }),
);

const lesson = z.object({
  title: nonEmpty.max(200),
  kind: z.enum(LESSON_KINDS),
  durationMinutes: z.number().int().min(1).max(600),
  /** Slug of a video in videos.json, for video lessons. */
  video: slug.optional(),
  reading: z.string().optional(),
  quizNote: z.string().max(500).optional(),
});

export const courseFile = z.array(
  z.object({
    slug,
    ...publication,
    shared: z.object({
      ...baseShared,
      level: z.enum(COURSE_LEVELS),
      estimatedHours: z.number().positive(),
      certificateOffered: z.boolean(),
      partnerInstitution: slug.optional(),
    }),
    locales: perLocale(
      z.object({
        ...baseText,
        cover: imageText,
        learningOutcomes: z.array(nonEmpty.max(300)).min(2),
        modules: z.array(z.object({ title: nonEmpty.max(200), summary: z.string().max(600).optional(), lessons: z.array(lesson).min(1) })).min(1),
        certificateNote: z.string().max(500).optional(),
      }),
    ),
  }),
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
