/**
 * The fields of the two public submission forms (docs/solutions-exchange.md,
 * "Submissions"): what a visitor may fill of a demand or an offer, in the order the
 * form shows them. Lengths and choices are the model's (a unit test compares them with
 * content-schemas); long texts the model leaves unbounded get `LONG_TEXT_MAX`.
 */
export const SUBMISSION_KINDS = ['demand', 'offer'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/** The hidden field a person leaves empty; a bot that fills it gets a fake success. */
export const HONEYPOT_FIELD = 'website';

/** The most a long text (problem, expertise) may hold. */
export const LONG_TEXT_MAX = 5000;

import { OFFER_MODALITIES, EXCHANGE_SUPPORT_KINDS as SUPPORT_KINDS } from '../../../generated/exchange-codes';

export { OFFER_MODALITIES, SUPPORT_KINDS };

export type FieldSpec =
  /** One line or a text area. */
  | { name: string; kind: 'text' | 'textarea' | 'email'; required: boolean; max: number }
  /** A date (YYYY-MM-DD), today or later. */
  | { name: string; kind: 'date'; required: boolean }
  /** One value of a fixed list (`choices`) or of the taxonomy (`taxonomy`, by slug). */
  | { name: string; kind: 'choice'; required: boolean; choices?: readonly string[]; taxonomy?: 'country' }
  /** Several values: at least one when required. */
  | { name: string; kind: 'choices'; required: boolean; choices?: readonly string[]; taxonomy?: 'theme'; languages?: true };

const contact: FieldSpec[] = [
  { name: 'contactName', kind: 'text', required: true, max: 200 },
  { name: 'contactEmail', kind: 'email', required: true, max: 254 },
  { name: 'contactOrganization', kind: 'text', required: false, max: 200 },
];

export const SUBMISSION_FIELDS: Record<SubmissionKind, FieldSpec[]> = {
  demand: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'summary', kind: 'textarea', required: true, max: 600 },
    { name: 'institution', kind: 'text', required: true, max: 200 },
    { name: 'country', kind: 'choice', required: true, taxonomy: 'country' },
    { name: 'problem', kind: 'textarea', required: true, max: LONG_TEXT_MAX },
    { name: 'beneficiaries', kind: 'textarea', required: false, max: 600 },
    { name: 'supportSought', kind: 'choices', required: true, choices: SUPPORT_KINDS },
    { name: 'themes', kind: 'choices', required: false, taxonomy: 'theme' },
    { name: 'languages', kind: 'choices', required: true, languages: true },
    { name: 'timeframe', kind: 'text', required: false, max: 200 },
    ...contact,
  ],
  offer: [
    { name: 'title', kind: 'text', required: true, max: 200 },
    { name: 'summary', kind: 'textarea', required: true, max: 600 },
    { name: 'providerName', kind: 'text', required: true, max: 200 },
    { name: 'expertise', kind: 'textarea', required: true, max: LONG_TEXT_MAX },
    { name: 'modality', kind: 'choice', required: true, choices: OFFER_MODALITIES },
    { name: 'themes', kind: 'choices', required: false, taxonomy: 'theme' },
    { name: 'deliveryLanguages', kind: 'choices', required: true, languages: true },
    { name: 'capacity', kind: 'textarea', required: false, max: 600 },
    { name: 'costSharing', kind: 'textarea', required: false, max: 1000 },
    { name: 'validUntil', kind: 'date', required: false },
    ...contact,
  ],
};

export const isSubmissionKind = (value: unknown): value is SubmissionKind => SUBMISSION_KINDS.includes(value as SubmissionKind);
