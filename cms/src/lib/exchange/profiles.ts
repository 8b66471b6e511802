/**
 * The CMS's side of the matching: reads demands, offers and solutions through the Document Service (every
 * locale a document has) and turns them into the language-independent profiles `rankCandidates` ranks
 * (docs/solutions-exchange.md, "Matching"). The codes are shared fields, so any version gives them; the texts
 * are per locale.
 */
import type { Core } from '@strapi/strapi';
import { collectionByName, localeCodes } from '../model';
import type { ExchangeProfile } from './ranking';

export type ProfiledType = ExchangeProfile['type'];

/** The fields read from a record (one locale's version of a document), as the Document Service returns them. */
export interface ExchangeRecord {
  documentId: string;
  locale: string;
  title?: string | null;
  slug?: string | null;
  themes?: { slug?: string | null }[] | null;
  countries?: PlaceRecord[] | null;
  /** A demand's requesting country. */
  country?: PlaceRecord | null;
  modality?: string | null;
  deliveryLanguages?: { language?: string | null }[] | null;
  languages?: { language?: string | null }[] | null;
  supportSought?: { support?: string | null }[] | null;
  validUntil?: string | null;
  state?: string | null;
  [field: string]: unknown;
}

interface PlaceRecord {
  isoCode?: string | null;
  subregion?: string | null;
}

/** A document's profile, with its title in each locale (for the admin, which lists candidates in any language). */
export interface ProfiledDocument {
  profile: ExchangeProfile;
  titles: Record<string, string>;
}

/** The localized text each type is matched on, beyond its title and summary. */
const TEXT_FIELDS: Record<ProfiledType, readonly string[]> = {
  demand: ['title', 'summary', 'problem', 'beneficiaries'],
  offer: ['title', 'summary', 'expertise'],
  solution: ['title', 'summary', 'challenge', 'approach', 'results'],
};

const PLACE = { fields: ['isoCode', 'subregion'] };

/** What to populate for each type: the taxonomy's codes and the repeatable code lists. */
export const PROFILE_POPULATE: Record<ProfiledType, Record<string, unknown>> = {
  demand: { themes: { fields: ['slug'] }, countries: PLACE, country: PLACE, languages: true, supportSought: true },
  offer: { themes: { fields: ['slug'] }, countries: PLACE, deliveryLanguages: true },
  solution: { themes: { fields: ['slug'] }, countries: PLACE },
};

const present = (values: (string | null | undefined)[]): string[] => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];

/** The profile of one document from its versions (at least one; the codes are shared, so the first gives them). */
export function profileFromRecords(type: ProfiledType, versions: readonly ExchangeRecord[]): ProfiledDocument {
  const first = versions[0];
  if (!first) throw new Error('a profile needs at least one version of the document');
  const places = [...(type === 'demand' && first.country ? [first.country] : []), ...(first.countries ?? [])];
  const codeLanguages = type === 'offer' ? first.deliveryLanguages : type === 'demand' ? first.languages : versions.map((v) => ({ language: v.locale }));
  const texts: Record<string, string> = {};
  const titles: Record<string, string> = {};
  for (const version of versions) {
    const parts = TEXT_FIELDS[type].map((field) => version[field]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (parts.length) texts[version.locale] = parts.join('\n\n');
    titles[version.locale] = version.title || version.slug || version.documentId;
  }
  const profile: ExchangeProfile = {
    type,
    documentId: first.documentId,
    themes: present((first.themes ?? []).map((t) => t.slug)),
    countries: present(places.map((p) => p.isoCode)),
    subregions: present(places.map((p) => p.subregion)),
    modalities: type === 'offer' ? present([first.modality]) : [],
    support: type === 'demand' ? present((first.supportSought ?? []).map((s) => s.support)) : [],
    languages: present((codeLanguages ?? []).map((l) => l.language)),
    texts,
  };
  if (type === 'offer' && first.validUntil) profile.validUntil = first.validUntil;
  if (type === 'demand' && first.state) profile.state = first.state;
  return { profile, titles };
}

type Status = 'draft' | 'published';

/** The Document Service calls the exchange's admin routes make, typed loosely (the uid is known at run time only). */
interface DocumentsApi {
  findMany(params: Record<string, unknown>): Promise<unknown[]>;
  create(params: Record<string, unknown>): Promise<unknown>;
  update(params: Record<string, unknown>): Promise<unknown>;
}

export const exchangeUid = (type: string): string => {
  const uid = collectionByName.get(type)?.uid;
  if (!uid) throw new Error(`no ${type} type in the model`);
  return uid;
};

export const exchangeDocuments = (strapi: Core.Strapi, type: string): DocumentsApi =>
  strapi.documents(exchangeUid(type) as Parameters<Core.Strapi['documents']>[0]) as unknown as DocumentsApi;

/** Every version (one per locale) of the documents of `type` in `status`, optionally only some documents, grouped by document. */
export async function loadVersions(
  strapi: Core.Strapi,
  type: ProfiledType,
  status: Status,
  documentIds?: readonly string[],
): Promise<Map<string, ExchangeRecord[]>> {
  const byDocument = new Map<string, ExchangeRecord[]>();
  for (const locale of localeCodes) {
    const found = (await exchangeDocuments(strapi, type).findMany({
      locale,
      status,
      populate: PROFILE_POPULATE[type],
      ...(documentIds ? { filters: { documentId: { $in: [...documentIds] } } } : {}),
    })) as ExchangeRecord[];
    for (const record of found) byDocument.set(record.documentId, [...(byDocument.get(record.documentId) ?? []), record]);
  }
  return byDocument;
}

/** A demand's profile from its drafts (so a broker sees suggestions before approving it), or null when there is none. */
export async function loadDemandProfile(strapi: Core.Strapi, documentId: string): Promise<ProfiledDocument | null> {
  const versions = (await loadVersions(strapi, 'demand', 'draft', [documentId])).get(documentId);
  return versions?.length ? profileFromRecords('demand', versions) : null;
}

/** The published offers and solutions, each profiled from all its published locales. */
export async function loadCandidateProfiles(strapi: Core.Strapi): Promise<ProfiledDocument[]> {
  const out: ProfiledDocument[] = [];
  for (const type of ['offer', 'solution'] as const) {
    for (const versions of (await loadVersions(strapi, type, 'published')).values()) out.push(profileFromRecords(type, versions));
  }
  return out;
}
