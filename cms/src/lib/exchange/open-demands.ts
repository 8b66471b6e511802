/**
 * The brokers' queue: every demand that is open or in discussion, drafts included (a submission waits as a
 * draft until a broker publishes it), with its moderation state, newest first. One row per document.
 */
import type { Core } from '@strapi/strapi';
import { localeCodes } from '../model';
import { editPath } from '../translations/report';
import { exchangeDocuments, exchangeUid } from './profiles';

export const OPEN_DEMAND_STATES = ['open', 'in-discussion'];

export interface OpenDemand {
  documentId: string;
  title: string;
  /** The locale of `title`: the document's first. */
  locale: string;
  locales: string[];
  /** The locales with a published version. */
  published: string[];
  state: string;
  institution: string | null;
  moderation: string | null;
  moderationNote: string | null;
  reference: string | null;
  updatedAt: string;
  /** The demand in its first locale in the content manager (where a broker approves it by publishing). */
  editPath: string;
}

interface DemandRow {
  documentId: string;
  locale: string;
  title?: string;
  state?: string;
  institution?: string | null;
  moderation?: string | null;
  moderationNote?: string | null;
  reference?: string | null;
  updatedAt?: string;
}

const FIELDS = ['title', 'state', 'institution', 'moderation', 'moderationNote', 'reference', 'updatedAt'];

export async function listOpenDemands(strapi: Core.Strapi): Promise<OpenDemand[]> {
  const byId = new Map<string, OpenDemand>();
  const documents = exchangeDocuments(strapi, 'demand');
  for (const locale of localeCodes) {
    const drafts = (await documents.findMany({ locale, status: 'draft', fields: FIELDS, filters: { state: { $in: OPEN_DEMAND_STATES } } })) as DemandRow[];
    for (const row of drafts) {
      const known = byId.get(row.documentId);
      if (known) {
        known.locales.push(locale);
        continue;
      }
      byId.set(row.documentId, {
        documentId: row.documentId,
        title: row.title ?? row.documentId,
        locale,
        locales: [locale],
        published: [],
        state: row.state ?? 'open',
        institution: row.institution ?? null,
        moderation: row.moderation ?? null,
        moderationNote: row.moderationNote ?? null,
        reference: row.reference ?? null,
        updatedAt: String(row.updatedAt ?? ''),
        editPath: editPath(exchangeUid('demand'), row.documentId, locale),
      });
    }
    const published = (await documents.findMany({
      locale,
      status: 'published',
      fields: ['updatedAt'],
      filters: { documentId: { $in: [...byId.keys()] } },
    })) as DemandRow[];
    for (const row of published) byId.get(row.documentId)?.published.push(locale);
  }
  return [...byId.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
