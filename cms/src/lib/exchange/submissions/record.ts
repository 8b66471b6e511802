/**
 * What a checked submission becomes in the CMS, with no Strapi: its slug (the title
 * in ASCII words plus a random suffix), its reference's format, and the draft's data
 * (the public fields, the submitter's private ones, `moderation: submitted`).
 */
import crypto from 'node:crypto';
import type { SubmissionKind } from './spec';
import type { Values } from './validate';

const REFERENCE_LETTER: Record<SubmissionKind, string> = { demand: 'D', offer: 'O' };

/** `D-2026-` / `O-2026-`: a reference is this and a five-digit number, counted per kind and year. */
export const referencePrefix = (kind: SubmissionKind, year: number): string => `${REFERENCE_LETTER[kind]}-${year}-`;

export const formatReference = (prefix: string, n: number): string => `${prefix}${String(n).padStart(5, '0')}`;

/** The number of a reference with this prefix, or 0. */
export const referenceNumber = (reference: unknown, prefix: string): number =>
  typeof reference === 'string' && reference.startsWith(prefix) ? Number(reference.slice(prefix.length)) || 0 : 0;

/** A reference that looks real, for a bot that filled the honeypot: nothing is stored under it. */
export const fakeReference = (kind: SubmissionKind, year: number): string => formatReference(referencePrefix(kind, year), crypto.randomInt(1, 100_000));

/** `maize-storage-losses-3f9a2c1b`: the title's ASCII words (the kind's name when none), a hyphen and 8 random hex digits. */
export function submissionSlug(title: string, kind: SubmissionKind, suffix: string = crypto.randomBytes(4).toString('hex')): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${words || kind}-${suffix}`;
}

export interface Links {
  /** The requesting country's documentId (a demand). */
  country?: string;
  /** The chosen themes' documentIds. */
  themes: string[];
}

export interface Meta {
  slug: string;
  reference: string;
  /** The day of the submission, YYYY-MM-DD: the facts' first "last verified". */
  today: string;
}

const str = (v: Values[string] | undefined): string | null => (typeof v === 'string' && v ? v : null);
const list = (v: Values[string] | undefined): string[] => (Array.isArray(v) ? v : []);

/** The draft's data for the Document Service. */
export function draftData(kind: SubmissionKind, values: Values, links: Links, meta: Meta): Record<string, unknown> {
  const shared = {
    slug: meta.slug,
    title: str(values.title),
    summary: str(values.summary),
    themes: links.themes,
    lastVerified: meta.today,
    contactName: str(values.contactName),
    contactEmail: str(values.contactEmail),
    contactOrganization: str(values.contactOrganization),
    reference: meta.reference,
    moderation: 'submitted',
  };
  if (kind === 'demand') {
    return {
      ...shared,
      attribution: str(values.institution),
      institution: str(values.institution),
      country: links.country ?? null,
      problem: str(values.problem),
      beneficiaries: str(values.beneficiaries),
      supportSought: list(values.supportSought).map((support) => ({ support })),
      languages: list(values.languages).map((language) => ({ language })),
      timeframe: str(values.timeframe),
      state: 'open',
    };
  }
  return {
    ...shared,
    attribution: str(values.providerName),
    providerName: str(values.providerName),
    expertise: str(values.expertise),
    modality: str(values.modality),
    deliveryLanguages: list(values.deliveryLanguages).map((language) => ({ language })),
    capacity: str(values.capacity),
    costSharing: str(values.costSharing),
    validUntil: str(values.validUntil),
  };
}
