/**
 * A submission in the database: the taxonomy its form offers, and the draft it
 * becomes, with a reference counted in the database (the highest of its kind and
 * year, plus one). Submissions are stored one at a time on a node; should two nodes
 * give the same number at once, the document created later takes the next one.
 */
import type { Core } from '@strapi/strapi';
import { collectionByName } from '../../model';
import { draftData, formatReference, referenceNumber, referencePrefix, submissionSlug, type Links } from './record';
import type { SubmissionKind } from './spec';
import type { Values } from './validate';

type Uid = Parameters<Core.Strapi['documents']>[0];

const uidOf = (name: string): Uid => {
  const collection = collectionByName.get(name);
  if (!collection) throw new Error(`the model has no "${name}"`);
  return collection.uid as Uid;
};

export interface TaxonomyEntry {
  documentId: string;
  slug: string;
  name: string;
}

/** The countries or themes that exist in `locale`, by name. */
export async function taxonomyIn(strapi: Core.Strapi, type: 'country' | 'theme', locale: string): Promise<TaxonomyEntry[]> {
  const rows = (await strapi.documents(uidOf(type)).findMany({ locale, fields: ['slug', 'name'], limit: 10_000 } as never)) as unknown as TaxonomyEntry[];
  return rows.filter((r) => r.slug).sort((a, b) => (a.name ?? a.slug).localeCompare(b.name ?? b.slug, locale));
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs `task` after every task queued before it on this node. */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function highestNumber(strapi: Core.Strapi, uid: Uid, prefix: string): Promise<number> {
  const rows = (await strapi.db.query(uid).findMany({
    where: { reference: { $startsWith: prefix } },
    select: ['reference'],
    orderBy: { reference: 'desc' },
    limit: 1,
  })) as { reference: string }[];
  return referenceNumber(rows[0]?.reference, prefix);
}

/** Another document holds the same reference and was created first (its documentId sorts first). */
async function lostTheNumber(strapi: Core.Strapi, uid: Uid, reference: string, documentId: string): Promise<boolean> {
  const rows = (await strapi.db.query(uid).findMany({ where: { reference }, select: ['documentId'] })) as { documentId: string }[];
  return rows.some((r) => r.documentId !== documentId && r.documentId < documentId);
}

export interface StoreInput {
  kind: SubmissionKind;
  locale: string;
  values: Values;
  links: Links;
  now: Date;
}

/** Creates the draft and returns its reference. */
export function storeSubmission(strapi: Core.Strapi, input: StoreInput): Promise<{ reference: string; documentId: string }> {
  const uid = uidOf(input.kind);
  const prefix = referencePrefix(input.kind, input.now.getUTCFullYear());
  const today = input.now.toISOString().slice(0, 10);
  return oneAtATime(async () => {
    let reference = formatReference(prefix, (await highestNumber(strapi, uid, prefix)) + 1);
    const slug = submissionSlug(String(input.values.title ?? ''), input.kind);
    const data = draftData(input.kind, input.values, input.links, { slug, reference, today });
    const created = (await strapi.documents(uid).create({ locale: input.locale, status: 'draft', data } as never)) as unknown as { documentId: string };
    while (await lostTheNumber(strapi, uid, reference, created.documentId)) {
      reference = formatReference(prefix, (await highestNumber(strapi, uid, prefix)) + 1);
      await strapi.db.query(uid).updateMany({ where: { documentId: created.documentId }, data: { reference } });
    }
    return { reference, documentId: created.documentId };
  });
}
