/**
 * The brokers' queues, one row per document, newest change first, drafts included (a submission waits as a draft
 * until a broker publishes it):
 * - the open demands: every demand whose state is open (the shared rule's OPEN_DEMAND_STATES), with its moderation state;
 * - the submissions awaiting moderation: offers and demands `submitted` or `changes-requested` and not published.
 * Never the submitter's contact details.
 */
import type { Core } from '@strapi/strapi';
import { OPEN_DEMAND_STATES } from '../../generated/exchange-status';
import { localeCodes } from '../model';
import { editPath } from '../translations/report';
import { exchangeDocuments, exchangeUid } from './profiles';

/** The moderation states of a submission a broker has yet to publish or reject. */
export const AWAITING_MODERATION = ['submitted', 'changes-requested'];

export interface QueuedDocument {
  type: 'offer' | 'demand';
  documentId: string;
  title: string;
  /** The locale of `title`: the document's first. */
  locale: string;
  locales: string[];
  /** The locales with a published version. */
  published: string[];
  /** A demand's state (open, in discussion, …); null for an offer. */
  state: string | null;
  /** A demand's institution, an offer's provider (when not a partner). */
  organization: string | null;
  moderation: string | null;
  moderationNote: string | null;
  reference: string | null;
  updatedAt: string;
  /** The document in its first locale in the content manager (where a broker approves it by publishing). */
  editPath: string;
}

interface Row {
  documentId: string;
  title?: string;
  state?: string;
  institution?: string | null;
  providerName?: string | null;
  moderation?: string | null;
  moderationNote?: string | null;
  reference?: string | null;
  updatedAt?: string;
}

const FIELDS: Record<QueuedDocument['type'], string[]> = {
  demand: ['title', 'state', 'institution', 'moderation', 'moderationNote', 'reference', 'updatedAt'],
  offer: ['title', 'providerName', 'moderation', 'moderationNote', 'reference', 'updatedAt'],
};

/** The documents of `type` whose drafts match `filters`, one row each, with the locales they are published in. */
async function queued(strapi: Core.Strapi, type: QueuedDocument['type'], filters: Record<string, unknown>): Promise<QueuedDocument[]> {
  const byId = new Map<string, QueuedDocument>();
  const documents = exchangeDocuments(strapi, type);
  for (const locale of localeCodes) {
    const drafts = (await documents.findMany({ locale, status: 'draft', fields: FIELDS[type], filters })) as Row[];
    for (const row of drafts) {
      const known = byId.get(row.documentId);
      if (known) {
        known.locales.push(locale);
        continue;
      }
      byId.set(row.documentId, {
        type,
        documentId: row.documentId,
        title: row.title || row.documentId,
        locale,
        locales: [locale],
        published: [],
        state: row.state ?? null,
        organization: (type === 'demand' ? row.institution : row.providerName) ?? null,
        moderation: row.moderation ?? null,
        moderationNote: row.moderationNote ?? null,
        reference: row.reference ?? null,
        updatedAt: String(row.updatedAt ?? ''),
        editPath: editPath(exchangeUid(type), row.documentId, locale),
      });
    }
    const published = (await documents.findMany({
      locale,
      status: 'published',
      fields: ['updatedAt'],
      filters: { documentId: { $in: [...byId.keys()] } },
    })) as Row[];
    for (const row of published) byId.get(row.documentId)?.published.push(locale);
  }
  return [...byId.values()];
}

const newestFirst = (rows: QueuedDocument[]) => rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

export async function listOpenDemands(strapi: Core.Strapi): Promise<QueuedDocument[]> {
  return newestFirst(await queued(strapi, 'demand', { state: { $in: [...OPEN_DEMAND_STATES] } }));
}

/** Offers and demands a submitter sent that no broker has published or rejected yet. */
export async function listAwaitingSubmissions(strapi: Core.Strapi): Promise<QueuedDocument[]> {
  const filters = { moderation: { $in: AWAITING_MODERATION } };
  const rows = [...(await queued(strapi, 'offer', filters)), ...(await queued(strapi, 'demand', filters))];
  return newestFirst(rows.filter((row) => !row.published.length));
}
