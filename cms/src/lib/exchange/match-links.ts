/**
 * A match's `links` as a broker reads them in its edit view: each linked offer or solution with its title, the
 * locales it is written in and those it is published in (only those reach the site and the partner API), and its
 * edit view. The links are shared by every translation of the match, so any of its drafts gives them.
 */
import type { Core } from '@strapi/strapi';
import { localeCodes } from '../model';
import { editPath } from '../translations/report';
import { exchangeUid } from './profiles';

export interface LinkedRecord {
  type: string;
  documentId: string;
  /** Whether a document with that id exists (the CMS refuses new links to nothing; one may have been deleted since). */
  exists: boolean;
  /** The title in the match's locale when the record has it, else in its first locale. */
  title: string | null;
  /** The locale of that title and of `editPath`. */
  locale: string | null;
  /** The locales it is written in (drafts included) and those it is published in, in the model's order. */
  locales: string[];
  published: string[];
  editPath: string | null;
}

interface Version {
  locale: string;
  title?: string | null;
  publishedAt?: string | null;
}

const inModelOrder = (locales: Iterable<string>) => {
  const set = new Set(locales);
  return localeCodes.filter((l) => set.has(l));
};

async function describe(strapi: Core.Strapi, type: string, documentId: string, locale: string): Promise<LinkedRecord> {
  const uid = exchangeUid(type);
  const versions = (await strapi.db.query(uid).findMany({ where: { documentId }, select: ['locale', 'title', 'publishedAt'] })) as Version[];
  const locales = inModelOrder(versions.map((v) => v.locale));
  const shown = locales.includes(locale) ? locale : (locales[0] ?? null);
  const version = versions.find((v) => v.locale === shown && !v.publishedAt) ?? versions.find((v) => v.locale === shown);
  return {
    type,
    documentId,
    exists: versions.length > 0,
    title: version?.title ?? null,
    locale: shown,
    locales,
    published: inModelOrder(versions.filter((v) => v.publishedAt).map((v) => v.locale)),
    editPath: shown ? editPath(uid, documentId, shown) : null,
  };
}

/** The match's linked records, described for `locale` (the edit view's), or null when there is no such match. */
export async function linkedRecordsOf(strapi: Core.Strapi, matchDocumentId: string, locale: string): Promise<LinkedRecord[] | null> {
  const match = (await strapi.db.query(exchangeUid('match')).findOne({
    // The draft: every published version has one, and it holds the latest links.
    where: { documentId: matchDocumentId, publishedAt: null },
    populate: { links: true },
  })) as { links?: { type: string; targetDocumentId: string }[] } | null;
  if (!match) return null;
  return Promise.all((match.links ?? []).map((link) => describe(strapi, link.type, link.targetDocumentId, locale)));
}
