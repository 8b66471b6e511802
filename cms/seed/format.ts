/**
 * The format of the demo content files in cms/seed/content/. Each file holds
 * documents with their shared (non-localized) values once and their text per
 * locale. The pictures, logos, PDFs and captions they use are files in
 * cms/seed/media/, named after the document (see media.ts).
 */
import { z } from 'zod';
import {
  COURSE_LEVELS,
  DEMAND_STATES,
  EVIDENCE_LEVELS,
  EXCHANGE_SUPPORT_KINDS,
  LANGUAGE_TAG_PATTERN,
  MATCH_STATES,
  MODERATION_STATES,
  OFFER_MODALITIES,
  LESSON_KINDS,
  LICENSES,
  PARTNER_KINDS,
  QUESTION_KINDS,
  POLICY_DOCUMENT_TYPES,
  SLUG_PATTERN,
  SUBREGIONS,
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

/** The fields of a collection (`news`) or component (`shared.seo`) of the model. */
const fieldsOf = (owner: string): Fields => (owner.includes('.') ? getComponent(owner) : getCollection(owner)).fields;

/** The model's length limit of a text field: the demo content is held to what the CMS accepts. */
function maxLength(owner: string, name: string): number {
  const field = fieldsOf(owner)[name];
  const limit = field && 'maxLength' in field ? field.maxLength : undefined;
  if (limit === undefined) throw new Error(`the content model gives the field "${name}" no length limit`);
  return limit;
}
/** Required text of a model field, within its limit. */
const text = (owner: string, name: string) => nonEmpty.max(maxLength(owner, name));
/** Optional text of a model field, within its limit. */
const optionalText = (owner: string, name: string) => z.string().max(maxLength(owner, name)).optional();
/** A number of a model field, within its bounds (whole for an integer field). */
function numberOf(owner: string, name: string) {
  const field = fieldsOf(owner)[name];
  if (!field || (field.kind !== 'integer' && field.kind !== 'decimal')) throw new Error(`the content model has no number field "${name}"`);
  let n = field.kind === 'integer' ? z.number().int() : z.number();
  if (field.min !== undefined) n = n.min(field.min);
  if (field.max !== undefined) n = n.max(field.max);
  return n;
}

/** Text per locale; a locale left out is a missing translation. English is always present. */
function perLocale<T extends z.ZodType>(text: T) {
  return z.partialRecord(locale, text).refine((r) => r.en !== undefined, { message: 'every document has an English version' });
}

const imageText = z.object({
  alt: text('shared.captioned-image', 'alt'),
  caption: optionalText('shared.captioned-image', 'caption'),
  credit: optionalText('shared.captioned-image', 'credit'),
});
const seo = z
  .object({ metaTitle: z.string().max(maxLength('shared.seo', 'metaTitle')), metaDescription: z.string().max(maxLength('shared.seo', 'metaDescription')) })
  .optional();

/** How an item is stored: published (default), or some locales kept as unpublished drafts. */
const publication = {
  /** Locales that exist only as drafts (never published). */
  draftLocales: z.array(locale).optional(),
  /**
   * A later edit of the English title or summary, saved as a draft after every translation was made and
   * published: English then shows as modified and its translations as outdated (on the Translations page).
   */
  sourceRevision: z.object({ title: text('news', 'title').optional(), summary: text('news', 'summary').optional() }).optional(),
};

const baseText = {
  title: text('news', 'title'),
  summary: text('news', 'summary'),
  attribution: text('news', 'attribution'),
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
const attachment = z.object({ file: slug, title: text('shared.file-attachment', 'title') });

export const taxonomyFile = z.object({
  themes: z.array(
    z.object({
      slug,
      order: z.number().int().nonnegative(),
      locales: perLocale(z.object({ name: text('theme', 'name'), description: text('theme', 'description') })),
    }),
  ),
  countries: z.array(
    z.object({
      slug,
      isoCode: z.string().regex(/^[A-Z]{2}$/),
      /** Every demo country has its UN M49 sub-region: the solutions exchange's neighbours. */
      subregion: z.enum(SUBREGIONS),
      locales: perLocale(z.object({ name: text('country', 'name'), region: optionalText('country', 'region') })),
    }),
  ),
  partners: z.array(
    z.object({
      slug,
      kind: z.enum(PARTNER_KINDS),
      website: z.string().url().optional(),
      locales: perLocale(
        z.object({
          name: text('partner', 'name'),
          acronym: optionalText('partner', 'acronym'),
          description: optionalText('partner', 'description'),
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
  { issuingBody: text('policy', 'issuingBody'), body: z.string().optional(), attachments: z.array(attachment) },
);

const lesson = z.object({
  title: text('course.lesson', 'title'),
  kind: z.enum(LESSON_KINDS),
  durationMinutes: numberOf('course.lesson', 'durationMinutes'),
  /** The same in every translation, unique within the course. */
  slug,
  /** Counts towards completing the course (default true). */
  required: z.boolean().optional(),
  /** Slug of a video in videos.json, for video lessons. */
  video: slug.optional(),
  reading: z.string().optional(),
  /** Slug of a quiz in quizzes.json, for quiz lessons. */
  quiz: slug.optional(),
});

export const courseFile = documentsFile(
  {
    ...baseShared,
    level: z.enum(COURSE_LEVELS),
    estimatedHours: numberOf('course', 'estimatedHours'),
    certificateOffered: z.boolean(),
    partnerInstitution: slug.optional(),
  },
  {
    cover: imageText,
    learningOutcomes: z.array(text('course.learning-outcome', 'text')).min(2),
    modules: z
      .array(z.object({ title: text('course.module', 'title'), summary: optionalText('course.module', 'summary'), lessons: z.array(lesson).min(1) }))
      .min(1),
    certificateNote: optionalText('course', 'certificateNote'),
  },
);

const choice = z.object({
  text: text('learning.choice', 'text'),
  correct: z.boolean(),
  feedback: optionalText('learning.choice', 'feedback'),
});
const question = z
  .object({ prompt: text('learning.question', 'prompt'), kind: z.enum(QUESTION_KINDS), choices: z.array(choice).min(2) })
  .refine((q) => q.choices.some((c) => c.correct), { message: 'a question needs at least one correct choice' })
  .refine((q) => q.kind === 'multiple' || q.choices.filter((c) => c.correct).length === 1, {
    message: 'a single-choice or true/false question has exactly one correct choice',
  });

/** Quizzes: the pass mark and attempts once, the questions per locale (the same choices, in the same order, with the same answers). */
export const quizFile = z.array(
  z.object({
    slug,
    ...publication,
    shared: z.object({ passMark: numberOf('quiz', 'passMark'), maxAttempts: numberOf('quiz', 'maxAttempts').optional() }),
    locales: perLocale(z.object({ title: text('quiz', 'title'), questions: z.array(question).min(1) })),
  }),
);

// ---------------------------------------------------------------- the solutions exchange

const languageTag = z.string().regex(new RegExp(LANGUAGE_TAG_PATTERN));

export const solutionFile = documentsFile(
  {
    ...baseShared,
    lastVerified: date,
    evidenceLevel: z.enum(EVIDENCE_LEVELS),
    partners: z.array(slug),
    contactOrganization: slug.optional(),
  },
  { challenge: nonEmpty, approach: nonEmpty, results: nonEmpty, evidence: z.string().optional(), replicationConditions: z.string().optional() },
);

/** Who submitted an offer or a demand from the public site, and its moderation: private, kept in the CMS. */
const submission = z
  .object({
    contactName: text('offer', 'contactName'),
    contactEmail: z.email().max(maxLength('offer', 'contactEmail')),
    contactOrganization: optionalText('offer', 'contactOrganization'),
    reference: z.string().regex(/^[DO]-[0-9]{4}-[0-9]{5}$/),
    moderation: z.enum(MODERATION_STATES),
    moderationNote: optionalText('offer', 'moderationNote'),
  })
  .optional();

export const offerFile = documentsFile(
  {
    ...baseShared,
    lastVerified: date,
    /** A partner of taxonomy.json; else each translation names the provider (`providerName`). */
    provider: slug.optional(),
    modality: z.enum(OFFER_MODALITIES),
    deliveryLanguages: z.array(languageTag).min(1),
    validUntil: date.optional(),
    submission,
  },
  {
    expertise: nonEmpty,
    providerName: optionalText('offer', 'providerName'),
    capacity: optionalText('offer', 'capacity'),
    costSharing: optionalText('offer', 'costSharing'),
  },
);

export const demandFile = documentsFile(
  {
    ...baseShared,
    lastVerified: date,
    country: slug,
    supportSought: z.array(z.enum(EXCHANGE_SUPPORT_KINDS)).min(1),
    languages: z.array(languageTag).min(1),
    state: z.enum(DEMAND_STATES),
    submission: submission.refine((s) => !s || s.reference.startsWith('D-'), { message: "a demand's reference starts with D-" }),
  },
  {
    institution: text('demand', 'institution'),
    problem: nonEmpty,
    beneficiaries: optionalText('demand', 'beneficiaries'),
    timeframe: optionalText('demand', 'timeframe'),
  },
);

/** The day of each step of a brokering case, as far as it went. */
const matchSteps = { proposedOn: date, introducedOn: date, agreedOn: date, startedOn: date, completedOn: date, declinedOn: date };

export const matchFile = documentsFile(
  {
    ...baseShared,
    demand: slug,
    offers: z.array(slug),
    solutions: z.array(slug),
    state: z.enum(MATCH_STATES),
    ...Object.fromEntries(Object.entries(matchSteps).map(([k, v]) => [k, v.optional()])),
    brokerNotes: z.string().optional(),
  },
  { outcome: z.string().optional() },
).superRefine((matches, ctx) => {
  // The CMS publishes a match only when it is completed with an outcome (its public story).
  matches.forEach((m, i) => {
    for (const [locale, text] of Object.entries(m.locales)) {
      if (!text || (m.draftLocales ?? []).includes(locale as LocaleCode)) continue;
      if (m.shared.state !== 'completed' || !text.outcome?.trim())
        ctx.addIssue({ code: 'custom', path: [i, 'locales', locale], message: 'a published match must be completed and have an outcome' });
    }
  });
});

export const contentFiles = {
  'taxonomy.json': taxonomyFile,
  'news.json': newsFile,
  'videos.json': videoFile,
  'reports.json': reportFile,
  'policies.json': policyFile,
  'courses.json': courseFile,
  'quizzes.json': quizFile,
  'solutions.json': solutionFile,
  'offers.json': offerFile,
  'demands.json': demandFile,
  'matches.json': matchFile,
} as const;

export type TaxonomySeed = z.infer<typeof taxonomyFile>;
export type NewsSeed = z.infer<typeof newsFile>[number];
export type VideoSeed = z.infer<typeof videoFile>[number];
export type ReportSeed = z.infer<typeof reportFile>[number];
export type PolicySeed = z.infer<typeof policyFile>[number];
export type CourseSeed = z.infer<typeof courseFile>[number];
export type QuizSeed = z.infer<typeof quizFile>[number];
export type PdfSeed = z.infer<typeof pdfFile>;
export type SolutionSeed = z.infer<typeof solutionFile>[number];
export type OfferSeed = z.infer<typeof offerFile>[number];
export type DemandSeed = z.infer<typeof demandFile>[number];
export type MatchSeed = z.infer<typeof matchFile>[number];
