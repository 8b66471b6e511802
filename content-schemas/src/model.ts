/**
 * The content model: shared components, taxonomy and the content types.
 * Strapi's schema files (cms/src/...) are generated from this file by
 * `npm run generate`; the snapshot validators and types are derived from it.
 */
import { f, LANGUAGE_TAG_PATTERN, SLUG_PATTERN, URL_PATTERN, type Fields } from './fields.ts';

export const LICENSES = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0', 'CC0-1.0', 'all-rights-reserved'] as const;

/** The slug: shared by all translations, lowercase ASCII, unique within its type. */
const slug = f.string({
  localized: false,
  required: true,
  maxLength: 120,
  pattern: SLUG_PATTERN,
  unique: true,
  description: 'Lowercase ASCII words joined by hyphens. Shared by every translation; do not change it once published.',
});

// ---------------------------------------------------------------- components

export interface ComponentDefinition {
  /** `category.name`, as Strapi names components. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly fields: Fields;
}

const seoComponent = {
  name: 'shared.seo',
  displayName: 'SEO',
  description: 'Search engine and social sharing metadata for one translation.',
  fields: {
    metaTitle: f.string({ maxLength: 70 }),
    metaDescription: f.text({ maxLength: 170 }),
    shareImage: f.media({ multiple: false, allowedTypes: ['images'] }),
  },
} as const satisfies ComponentDefinition;

const captionedImageComponent = {
  name: 'shared.captioned-image',
  displayName: 'Captioned image',
  description: 'An image with alt text, caption and credit in the language of the translation.',
  fields: {
    image: f.media({ required: true, multiple: false, allowedTypes: ['images'] }),
    alt: f.string({ required: true, maxLength: 250, description: 'Describes the image for people who cannot see it.' }),
    caption: f.string({ maxLength: 300 }),
    credit: f.string({ maxLength: 160 }),
  },
} as const satisfies ComponentDefinition;

const fileAttachmentComponent = {
  name: 'shared.file-attachment',
  displayName: 'File attachment',
  description: 'A downloadable file with the language it is written in, its size and page count.',
  fields: {
    file: f.media({ required: true, multiple: false, allowedTypes: ['files'] }),
    title: f.string({ required: true, maxLength: 200 }),
    language: f.string({ required: true, pattern: LANGUAGE_TAG_PATTERN, maxLength: 20, description: 'BCP-47 tag of the language the file is written in.' }),
    sizeBytes: f.integer({ min: 0, description: 'Filled from the uploaded file when left empty.' }),
    pageCount: f.integer({ min: 1 }),
  },
} as const satisfies ComponentDefinition;

const captionTrackComponent = {
  name: 'shared.caption-track',
  displayName: 'Caption track',
  description: 'A WebVTT caption file for a video, in one language.',
  fields: {
    file: f.media({ required: true, multiple: false, allowedTypes: ['files'] }),
    language: f.string({ required: true, pattern: LANGUAGE_TAG_PATTERN, maxLength: 20 }),
    label: f.string({ required: true, maxLength: 80 }),
  },
} as const satisfies ComponentDefinition;

const learningOutcomeComponent = {
  name: 'course.learning-outcome',
  displayName: 'Learning outcome',
  description: 'One thing a learner can do after the course.',
  fields: {
    text: f.string({ required: true, maxLength: 300 }),
  },
} as const satisfies ComponentDefinition;

export const LESSON_KINDS = ['video', 'reading', 'quiz'] as const;

const lessonComponent = {
  name: 'course.lesson',
  displayName: 'Lesson',
  description: 'One lesson of a course module: a video, a reading or a quiz.',
  fields: {
    title: f.string({ required: true, maxLength: 200 }),
    slug: f.string({
      localized: false,
      required: true,
      maxLength: 120,
      pattern: SLUG_PATTERN,
      description: "The lesson's address within its course and its key for learners' progress: the same in every translation, unique within the course.",
    }),
    kind: f.enum({ required: true, values: LESSON_KINDS, default: 'reading' }),
    required: f.boolean({ localized: false, default: true, description: 'A course is complete when all its required lessons are done.' }),
    durationMinutes: f.integer({ min: 1, max: 600 }),
    video: f.relation({ target: 'video', multiple: false, description: 'For video lessons.' }),
    reading: f.richtext({ description: 'For reading lessons (Markdown).' }),
    quiz: f.relation({ target: 'quiz', multiple: false, description: 'For quiz lessons.' }),
  },
} as const satisfies ComponentDefinition;

const moduleComponent = {
  name: 'course.module',
  displayName: 'Course module',
  description: 'An ordered group of lessons.',
  fields: {
    title: f.string({ required: true, maxLength: 200 }),
    summary: f.text({ maxLength: 600 }),
    lessons: f.component({ component: 'course.lesson', repeatable: true, required: true, min: 1 }),
  },
} as const satisfies ComponentDefinition;

export const QUESTION_KINDS = ['single', 'multiple', 'true-false'] as const;

const choiceComponent = {
  name: 'learning.choice',
  displayName: 'Quiz choice',
  description: 'One answer a learner can choose. Whether it is correct, and its feedback, stay in the CMS.',
  fields: {
    text: f.string({ required: true, maxLength: 300 }),
    correct: f.boolean({ localized: false, default: false, private: true, description: 'Never leaves the CMS: grading happens on the server.' }),
    feedback: f.text({ maxLength: 600, private: true, description: 'Shown to the learner after grading, when this choice was picked.' }),
  },
} as const satisfies ComponentDefinition;

const questionComponent = {
  name: 'learning.question',
  displayName: 'Quiz question',
  description: 'A question of a quiz: single choice, multiple choice or true/false.',
  fields: {
    prompt: f.text({ required: true, maxLength: 600 }),
    kind: f.enum({ required: true, values: QUESTION_KINDS, default: 'single' }),
    choices: f.component({ component: 'learning.choice', repeatable: true, required: true, min: 2 }),
  },
} as const satisfies ComponentDefinition;

/** The languages one can work in with an offer or a demand: one BCP-47 tag per entry. */
const exchangeLanguageComponent = {
  name: 'exchange.language',
  displayName: 'Language',
  description: 'A language of delivery or of work, as a BCP-47 tag (fr, zh, pt-BR).',
  fields: {
    language: f.string({ localized: false, required: true, pattern: LANGUAGE_TAG_PATTERN, maxLength: 20 }),
  },
} as const satisfies ComponentDefinition;

export const EXCHANGE_SUPPORT_KINDS = ['know-how', 'training', 'technology', 'finance', 'partnership'] as const;

const exchangeSupportComponent = {
  name: 'exchange.support',
  displayName: 'Support sought',
  description: 'One kind of support a demand asks for.',
  fields: {
    support: f.enum({ localized: false, required: true, values: EXCHANGE_SUPPORT_KINDS }),
  },
} as const satisfies ComponentDefinition;

/** The kinds of record a match links to across languages. */
export const EXCHANGE_LINK_TYPES = ['offer', 'solution'] as const;

/** A Strapi document id: the same for every translation of a document. */
export const DOCUMENT_ID_PATTERN = '^[a-z0-9]{10,64}$';

/**
 * A match's link to an offer or a solution, by document: shared by every translation of the match, and not
 * tied to a locale of the target (Strapi links a localized entry only to the same locale of a localized
 * target, so a French match could not link a Chinese-only offer through a relation). Readers follow it to
 * the target in their language when it has it, else in a language it has (docs/solutions-exchange.md).
 */
export const EXCHANGE_LINK_COMPONENT = 'exchange.link';

const exchangeLinkComponent = {
  name: EXCHANGE_LINK_COMPONENT,
  displayName: 'Linked record',
  description: 'An offer or a solution, in whatever languages it exists.',
  fields: {
    type: f.enum({ localized: false, required: true, values: EXCHANGE_LINK_TYPES }),
    targetDocumentId: f.string({
      localized: false,
      required: true,
      pattern: DOCUMENT_ID_PATTERN,
      maxLength: 64,
      description: "The record's document id (the Exchange page's Create match fills it in).",
    }),
  },
} as const satisfies ComponentDefinition;

export const components = [
  seoComponent,
  captionedImageComponent,
  fileAttachmentComponent,
  captionTrackComponent,
  learningOutcomeComponent,
  lessonComponent,
  moduleComponent,
  choiceComponent,
  questionComponent,
  exchangeLanguageComponent,
  exchangeSupportComponent,
  exchangeLinkComponent,
] as const;

// ---------------------------------------------------------------- types

export interface CollectionDefinition {
  /** The model's own name, used in the snapshot and in URLs of the site. */
  readonly name: string;
  /** Strapi's singular and plural API names (they must differ). */
  readonly singularName: string;
  readonly pluralName: string;
  readonly displayName: string;
  readonly description: string;
  /** Taxonomy is always published; content types have drafts. */
  readonly draftAndPublish: boolean;
  readonly fields: Fields;
  /**
   * Values that must differ within one entry, as paths through its components
   * (`modules.*.lessons.*.slug`: a lesson's slug is unique within its course).
   * The snapshot validation and the CMS both check them.
   */
  readonly uniqueWithinEntry?: readonly string[];
}

const theme = {
  name: 'theme',
  singularName: 'theme',
  pluralName: 'themes',
  displayName: 'Theme',
  description: 'One of the thematic areas of the knowledge hub.',
  draftAndPublish: false,
  fields: {
    slug,
    name: f.string({ required: true, maxLength: 120 }),
    description: f.text({ required: true, maxLength: 1000 }),
    order: f.integer({ min: 0, description: 'Position in menus and lists.' }),
  },
} as const satisfies CollectionDefinition;

/** The United Nations' M49 sub-regions: countries in one are neighbours for the solutions exchange. */
export const SUBREGIONS = [
  'northern-africa',
  'eastern-africa',
  'middle-africa',
  'southern-africa',
  'western-africa',
  'caribbean',
  'central-america',
  'south-america',
  'northern-america',
  'central-asia',
  'eastern-asia',
  'south-eastern-asia',
  'southern-asia',
  'western-asia',
  'eastern-europe',
  'northern-europe',
  'southern-europe',
  'western-europe',
  'australia-and-new-zealand',
  'melanesia',
  'micronesia',
  'polynesia',
] as const;

const country = {
  name: 'country',
  singularName: 'country',
  pluralName: 'countries',
  displayName: 'Country',
  description: 'A country that items are about.',
  draftAndPublish: false,
  fields: {
    slug,
    isoCode: f.string({ localized: false, required: true, pattern: '^[A-Z]{2}$', maxLength: 2, description: 'ISO 3166-1 alpha-2 code.' }),
    name: f.string({ required: true, maxLength: 120 }),
    region: f.string({ maxLength: 120 }),
    subregion: f.enum({ values: SUBREGIONS, description: "The country's UN M49 sub-region: the solutions exchange's neighbours." }),
  },
} as const satisfies CollectionDefinition;

export const PARTNER_KINDS = ['un-agency', 'government', 'research', 'academic', 'ngo', 'private-sector', 'multilateral'] as const;

const partner = {
  name: 'partner',
  singularName: 'partner',
  pluralName: 'partners',
  displayName: 'Partner',
  description: 'An organization we work with.',
  draftAndPublish: false,
  fields: {
    slug,
    name: f.string({ required: true, maxLength: 200 }),
    acronym: f.string({ maxLength: 30 }),
    description: f.text({ maxLength: 1000 }),
    kind: f.enum({ required: true, values: PARTNER_KINDS }),
    logo: f.media({ localized: false, multiple: false, allowedTypes: ['images'] }),
    website: f.string({ localized: false, pattern: URL_PATTERN, format: 'url', maxLength: 500 }),
  },
} as const satisfies CollectionDefinition;

/** Fields every content type has: slug, text, taxonomy, licence and SEO. */
const common = {
  slug,
  title: f.string({ required: true, maxLength: 200 }),
  summary: f.text({ required: true, maxLength: 600, description: 'One or two sentences shown in lists, feeds and search results.' }),
  themes: f.relation({ target: 'theme', multiple: true }),
  countries: f.relation({ target: 'country', multiple: true }),
  license: f.enum({ required: true, values: LICENSES, default: 'CC-BY-4.0' }),
  attribution: f.string({ required: true, maxLength: 300, description: 'Credit line shown with the item, e.g. "© WFP China CoE, CC BY 4.0".' }),
  seo: f.component({ component: 'shared.seo', repeatable: false }),
} as const;

/** Policies belong to exactly one country, so they drop the many-country field. */
const { countries: _countries, ...commonWithoutCountries } = common;

const news = {
  name: 'news',
  singularName: 'news-item',
  pluralName: 'news',
  displayName: 'News',
  description: 'News and event stories.',
  draftAndPublish: true,
  fields: {
    ...common,
    date: f.date({ required: true }),
    body: f.richtext({ required: true }),
    heroImage: f.component({ component: 'shared.captioned-image', repeatable: false, required: true }),
    partners: f.relation({ target: 'partner', multiple: true }),
    relatedNews: f.relation({ target: 'news', multiple: true }),
    relatedReports: f.relation({ target: 'report', multiple: true }),
    relatedVideos: f.relation({ target: 'video', multiple: true }),
    relatedCourses: f.relation({ target: 'course', multiple: true }),
  },
} as const satisfies CollectionDefinition;

const video = {
  name: 'video',
  singularName: 'video',
  pluralName: 'videos',
  displayName: 'Video',
  description: 'Recorded webinars, trainings and field stories.',
  draftAndPublish: true,
  fields: {
    ...common,
    date: f.date({ required: true }),
    durationSeconds: f.integer({ localized: false, required: true, min: 1 }),
    spokenLanguage: f.string({ localized: false, required: true, pattern: LANGUAGE_TAG_PATTERN, maxLength: 20 }),
    poster: f.component({ component: 'shared.captioned-image', repeatable: false, required: true }),
    videoFile: f.media({
      localized: false,
      multiple: false,
      allowedTypes: ['videos'],
      description: 'Preferred: many readers cannot reach external video hosts.',
    }),
    externalUrl: f.string({
      localized: false,
      pattern: URL_PATTERN,
      format: 'url',
      maxLength: 500,
      description: 'An extra way to watch, never the only one if a file can be uploaded.',
    }),
    captions: f.component({ component: 'shared.caption-track', repeatable: true }),
    transcript: f.richtext({}),
    partners: f.relation({ target: 'partner', multiple: true }),
  },
} as const satisfies CollectionDefinition;

const report = {
  name: 'report',
  singularName: 'report',
  pluralName: 'reports',
  displayName: 'Report',
  description: 'Studies, reviews and proceedings.',
  draftAndPublish: true,
  fields: {
    ...common,
    publicationDate: f.date({ required: true }),
    body: f.richtext({ required: true }),
    cover: f.component({ component: 'shared.captioned-image', repeatable: false, required: true }),
    attachments: f.component({ component: 'shared.file-attachment', repeatable: true, required: true, min: 1 }),
    publisher: f.relation({ target: 'partner', multiple: false, author: true }),
    partners: f.relation({ target: 'partner', multiple: true }),
  },
} as const satisfies CollectionDefinition;

export const POLICY_DOCUMENT_TYPES = ['law', 'policy', 'strategy', 'plan', 'regulation', 'guideline', 'agreement'] as const;

const policy = {
  name: 'policy',
  singularName: 'policy',
  pluralName: 'policies',
  displayName: 'Policy',
  description: 'Laws, strategies and plans of partner countries.',
  draftAndPublish: true,
  fields: {
    ...commonWithoutCountries,
    issuingBody: f.string({ required: true, maxLength: 200, author: true }),
    country: f.relation({ target: 'country', multiple: false, required: true }),
    dateIssued: f.date({ required: true }),
    documentType: f.enum({ required: true, values: POLICY_DOCUMENT_TYPES }),
    body: f.richtext({}),
    attachments: f.component({ component: 'shared.file-attachment', repeatable: true }),
    officialLink: f.string({ localized: false, pattern: URL_PATTERN, format: 'url', maxLength: 500 }),
  },
} as const satisfies CollectionDefinition;

export const COURSE_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

const course = {
  name: 'course',
  singularName: 'course',
  pluralName: 'courses',
  displayName: 'Course',
  description: 'Self-paced courses of the Cloud School.',
  draftAndPublish: true,
  fields: {
    ...common,
    level: f.enum({ required: true, values: COURSE_LEVELS }),
    estimatedHours: f.decimal({ localized: false, required: true, min: 0.25, max: 500 }),
    cover: f.component({ component: 'shared.captioned-image', repeatable: false, required: true }),
    learningOutcomes: f.component({ component: 'course.learning-outcome', repeatable: true, required: true, min: 1 }),
    modules: f.component({ component: 'course.module', repeatable: true, required: true, min: 1 }),
    partnerInstitution: f.relation({ target: 'partner', multiple: false, author: true }),
    certificateOffered: f.boolean({ localized: false, default: false }),
    certificateNote: f.text({ maxLength: 500, description: 'How the certificate of completion is earned.' }),
  },
  uniqueWithinEntry: ['modules.*.lessons.*.slug'],
} as const satisfies CollectionDefinition;

// ---------------------------------------------------------------- the solutions exchange

export const EVIDENCE_LEVELS = ['anecdotal', 'documented', 'evaluated', 'independently-evaluated'] as const;
export const OFFER_MODALITIES = ['expert-deployment', 'study-tour', 'training', 'technology-transfer', 'policy-advice'] as const;
export const DEMAND_STATES = ['open', 'in-discussion', 'met', 'closed'] as const;
export const MATCH_STATES = ['proposed', 'introduced', 'agreed', 'under-way', 'completed', 'declined'] as const;
export const MODERATION_STATES = ['submitted', 'changes-requested', 'rejected', 'approved'] as const;

/** When the record's facts were last checked with its owner: every exchange record shows it, and an old one is marked stale. */
const lastVerified = f.date({ required: true, description: 'The day the facts were last checked with the organization.' });

/**
 * Who submitted an offer or a demand, and its moderation: shared and private, so that
 * it stays in the CMS (never in the content API, the snapshot, the site or the partner API).
 */
const submitterFields = {
  contactName: f.string({ localized: false, private: true, maxLength: 200 }),
  contactEmail: f.string({ localized: false, private: true, maxLength: 254 }),
  contactOrganization: f.string({ localized: false, private: true, maxLength: 200 }),
  reference: f.string({
    localized: false,
    private: true,
    pattern: '^[DO]-[0-9]{4}-[0-9]{5}$',
    maxLength: 12,
    description: 'The number the submitter was given (D-2026-00042, O-2026-00007).',
  }),
  moderation: f.enum({ private: true, values: MODERATION_STATES, description: 'Empty for entries a broker wrote.' }),
  moderationNote: f.text({ localized: false, private: true, maxLength: 2000, description: 'The reason given to the submitter.' }),
} as const;

/** The language-independent list of languages an offer is delivered in or a demand can work in. */
const languageList = (description: string) =>
  f.component({ component: 'exchange.language', repeatable: true, localized: false, required: true, min: 1, description });

const solution = {
  name: 'solution',
  singularName: 'solution',
  pluralName: 'solutions',
  displayName: 'Solution',
  description: 'Good practices of the solutions exchange: what was done, its results and how to replicate it.',
  draftAndPublish: true,
  fields: {
    ...common,
    lastVerified,
    challenge: f.richtext({ required: true }),
    approach: f.richtext({ required: true, description: 'What was done.' }),
    results: f.richtext({ required: true }),
    evidenceLevel: f.enum({ required: true, values: EVIDENCE_LEVELS }),
    evidence: f.richtext({ description: 'The evidence behind the results, with its sources.' }),
    evidenceFiles: f.component({ component: 'shared.file-attachment', repeatable: true }),
    replicationConditions: f.richtext({ description: 'What must be in place to replicate it elsewhere.' }),
    partners: f.relation({ target: 'partner', multiple: true }),
    contactOrganization: f.relation({ target: 'partner', multiple: false, author: true }),
  },
} as const satisfies CollectionDefinition;

const offer = {
  name: 'offer',
  singularName: 'offer',
  pluralName: 'offers',
  displayName: 'Offer',
  description: 'Expertise an organization offers to share through the solutions exchange.',
  draftAndPublish: true,
  fields: {
    ...common,
    lastVerified,
    provider: f.relation({ target: 'partner', multiple: false, author: true }),
    providerName: f.string({ maxLength: 200, author: true, description: 'The providing organization, when it is not a partner (a submission).' }),
    expertise: f.richtext({ required: true, description: 'The expertise offered.' }),
    modality: f.enum({ required: true, values: OFFER_MODALITIES }),
    deliveryLanguages: languageList('The languages it can be delivered in.'),
    capacity: f.text({ maxLength: 600, description: 'How many people, places or deployments, and how often.' }),
    costSharing: f.text({ maxLength: 1000, description: 'Who pays for what.' }),
    validUntil: f.date({ description: 'The offer leaves the open lists after this day.' }),
    ...submitterFields,
  },
} as const satisfies CollectionDefinition;

const demand = {
  name: 'demand',
  singularName: 'demand',
  pluralName: 'demands',
  displayName: 'Demand',
  description: 'A need for help posted by an institution of a partner country.',
  draftAndPublish: true,
  fields: {
    ...common,
    lastVerified,
    institution: f.string({ required: true, maxLength: 200, author: true, description: 'The requesting institution.' }),
    country: f.relation({ target: 'country', multiple: false, required: true, description: "The requesting institution's country." }),
    problem: f.richtext({ required: true }),
    beneficiaries: f.text({ maxLength: 600, description: 'Who would benefit.' }),
    supportSought: f.component({ component: 'exchange.support', repeatable: true, localized: false, required: true, min: 1 }),
    timeframe: f.string({ maxLength: 200 }),
    languages: languageList('The languages the institution can work in.'),
    state: f.enum({ required: true, values: DEMAND_STATES, default: 'open' }),
    ...submitterFields,
  },
} as const satisfies CollectionDefinition;

const match = {
  name: 'match',
  singularName: 'match',
  pluralName: 'matches',
  displayName: 'Match',
  description: 'A brokering case: a demand linked to offers and solutions. Published, once completed, as a short story.',
  draftAndPublish: true,
  fields: {
    ...common,
    demand: f.relation({ target: 'demand', multiple: false, required: true }),
    offers: f.relation({ target: 'offer', multiple: true }),
    solutions: f.relation({ target: 'solution', multiple: true }),
    links: f.component({
      component: 'exchange.link',
      repeatable: true,
      localized: false,
      description: 'Offers and solutions in any language (shared by every translation of the match).',
    }),
    state: f.enum({ required: true, values: MATCH_STATES, default: 'proposed' }),
    proposedOn: f.date({}),
    introducedOn: f.date({}),
    agreedOn: f.date({}),
    startedOn: f.date({}),
    completedOn: f.date({}),
    declinedOn: f.date({}),
    outcome: f.richtext({ description: 'The public outcome summary: required to publish, which only a completed match can be.' }),
    brokerNotes: f.richtext({ localized: false, private: true, description: "The broker's notes: never leave the CMS." }),
  },
} as const satisfies CollectionDefinition;

/**
 * A quiz of the Cloud School: pulled into the snapshot (without its answers) for the
 * lesson pages that show it, but it is no content type: no pages, lists, feeds,
 * search, static JSON API or partner API of its own.
 */
const quiz = {
  name: 'quiz',
  singularName: 'quiz',
  pluralName: 'quizzes',
  displayName: 'Quiz',
  description: 'A quiz of a course lesson, graded by the CMS.',
  draftAndPublish: true,
  fields: {
    slug,
    title: f.string({ required: true, maxLength: 200 }),
    questions: f.component({ component: 'learning.question', repeatable: true, required: true, min: 1 }),
    passMark: f.integer({ localized: false, required: true, min: 0, max: 100, description: 'The score, in percent, that passes the quiz.' }),
    maxAttempts: f.integer({ localized: false, min: 1, description: 'How many times a learner may submit it; empty is unlimited.' }),
  },
} as const satisfies CollectionDefinition;

export const taxonomies = [theme, country, partner] as const;
export const contentTypes = [news, video, report, policy, course, solution, offer, demand, match] as const;
/** Collections that support the content types (quizzes): in the snapshot, never pages of their own. */
export const learningCollections = [quiz] as const;
export const collections = [...taxonomies, ...contentTypes, ...learningCollections] as const;

export type TaxonomyName = (typeof taxonomies)[number]['name'];
export type ContentTypeName = (typeof contentTypes)[number]['name'];
export type CollectionName = (typeof collections)[number]['name'];
export type ComponentName = (typeof components)[number]['name'];

export const contentTypeNames: readonly ContentTypeName[] = contentTypes.map((t) => t.name);

export function getCollection(name: string): CollectionDefinition {
  const found = collections.find((c) => c.name === name);
  if (!found) throw new Error(`Unknown collection "${name}"`);
  return found;
}

export function getComponent(name: string): ComponentDefinition {
  const found = components.find((c) => c.name === name);
  if (!found) throw new Error(`Unknown component "${name}"`);
  return found;
}

/**
 * The values at `path` (`modules.*.lessons.*.slug`) in an entry, each with where it is
 * (`modules.1.lessons.0.slug`).
 */
export function valuesAtPath(entry: unknown, path: string): { at: string; value: unknown }[] {
  const walk = (value: unknown, parts: string[], at: string[]): { at: string; value: unknown }[] => {
    if (!parts.length) return [{ at: at.join('.'), value }];
    const [head, ...rest] = parts;
    if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => walk(v, rest, [...at, String(i)])) : [];
    if (!value || typeof value !== 'object') return [];
    return walk((value as Record<string, unknown>)[head!], rest, [...at, head!]);
  };
  return walk(entry, path.split('.'), []);
}

/** The values repeated at a path of `uniqueWithinEntry`: each later occurrence, with where it is. */
export function repeatedValues(entry: unknown, path: string): { at: string; value: unknown }[] {
  const seen = new Set<unknown>();
  const repeated: { at: string; value: unknown }[] = [];
  for (const found of valuesAtPath(entry, path)) {
    if (found.value === null || found.value === undefined || found.value === '') continue;
    if (seen.has(found.value)) repeated.push(found);
    seen.add(found.value);
  }
  return repeated;
}

/**
 * Where a collection's entries keep their sub-pages (a course's lessons): the
 * components at the first `uniqueWithinEntry` path that ends in a slug
 * (`modules.*.lessons.*`), or undefined when it has none.
 */
export function subPagesPath(collection: CollectionDefinition): string | undefined {
  const slugPath = collection.uniqueWithinEntry?.find((p) => p.endsWith('.slug'));
  return slugPath?.slice(0, -'.slug'.length);
}

/** Strapi's UID for a collection: `api::news-item.news-item`. */
export function strapiUid(collection: CollectionDefinition): `api::${string}.${string}` {
  return `api::${collection.singularName}.${collection.singularName}`;
}

/**
 * The field that dates items of a collection: its first required date field, if it
 * has one. Lists sort by it, feeds and the partner API send it; an item of a type
 * without one is dated by its publication day.
 */
export function itemDateField(collection: CollectionDefinition): string | undefined {
  return Object.entries(collection.fields).find(([, field]) => field.kind === 'date' && field.required)?.[0];
}
