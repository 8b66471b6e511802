/**
 * The translation records (an internal table, `api::translation-status.translation-record`,
 * never exposed through the content API) and the versions of one document the
 * translation state is decided from.
 */
import type { Core } from '@strapi/strapi';
import { collectionByUid, model, type RuntimeCollection } from '../model';
import { type HashAliases, type SourceRecord, sourceLocaleOf } from './states';
import { populateFor, textHash, textSpecOf, type SchemaAttributes, type TextSpec } from './text-hash';

export const RECORD_UID = 'api::translation-status.translation-record';

export interface RecordRow {
  id: number;
  contentType: string;
  itemDocumentId: string;
  itemLocale: string;
  sourceLocale: string | null;
  sourceHash: string | null;
  textHash: string | null;
  editBaseHash: string | null;
  editOpen: boolean | null;
  markedSource: boolean | null;
  aliases: HashAliases | null;
}

export const localeOrder = [model.defaultLocale, ...model.locales.map((l) => l.code).filter((c) => c !== model.defaultLocale)];

const specs = new Map<string, TextSpec>();

/** The text fields of a collection, read from Strapi's schemas. */
export function textSpec(strapi: Core.Strapi, uid: string): TextSpec {
  let spec = specs.get(uid);
  if (!spec) {
    const components = Object.fromEntries(Object.entries(strapi.components).map(([name, c]) => [name, c.attributes as unknown as SchemaAttributes]));
    const schema = (strapi.contentTypes as unknown as Record<string, { attributes: SchemaAttributes }>)[uid];
    spec = textSpecOf(schema.attributes, components);
    specs.set(uid, spec);
  }
  return spec;
}

type Query = ReturnType<Core.Strapi['db']['query']>;
const query = (strapi: Core.Strapi, uid: string): Query => strapi.db.query(uid as never);

export async function recordsOf(strapi: Core.Strapi, uid: string, documentIds?: string[]): Promise<RecordRow[]> {
  const where: Record<string, unknown> = { contentType: uid };
  if (documentIds) where.itemDocumentId = { $in: documentIds };
  return (await query(strapi, RECORD_UID).findMany({ where })) as RecordRow[];
}

export async function saveRecord(strapi: Core.Strapi, uid: string, documentId: string, locale: string, data: Partial<Omit<RecordRow, 'id'>>): Promise<void> {
  const q = query(strapi, RECORD_UID);
  const existing = (await q.findOne({ where: { contentType: uid, itemDocumentId: documentId, itemLocale: locale }, select: ['id'] })) as { id: number } | null;
  const values = { ...data, savedAt: new Date() };
  if (existing) await q.update({ where: { id: existing.id }, data: values });
  else await q.create({ data: { contentType: uid, itemDocumentId: documentId, itemLocale: locale, ...values } });
}

export const sourceRecordOf = (row: RecordRow | undefined): SourceRecord => ({
  textHash: row?.textHash ?? null,
  editBaseHash: row?.editBaseHash ?? null,
  editOpen: !!row?.editOpen,
  aliases: row?.aliases ?? {},
});

/** The draft row of a version (the only row of a type without drafts). */
export interface DraftRow {
  documentId: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  [field: string]: unknown;
}

/** The draft (or only) rows of `documentIds` (all documents when omitted), with their text and themes. */
export async function draftRows(strapi: Core.Strapi, collection: RuntimeCollection, documentIds?: string[]): Promise<DraftRow[]> {
  const where: Record<string, unknown> = collection.draftAndPublish ? { publishedAt: { $null: true } } : {};
  if (documentIds) where.documentId = { $in: documentIds };
  const populate: Record<string, unknown> = { ...populateFor(textSpec(strapi, collection.uid)) };
  if (collection.fields.themes) populate.themes = { select: ['documentId'] };
  return (await query(strapi, collection.uid).findMany({ where, populate })) as DraftRow[];
}

/** The published rows' update times, by `documentId:locale`. */
export async function publishedTimes(strapi: Core.Strapi, collection: RuntimeCollection, documentIds?: string[]): Promise<Map<string, string>> {
  if (!collection.draftAndPublish) return new Map();
  const where: Record<string, unknown> = { publishedAt: { $notNull: true } };
  if (documentIds) where.documentId = { $in: documentIds };
  const rows = (await query(strapi, collection.uid).findMany({ where, select: ['documentId', 'locale', 'updatedAt'] })) as DraftRow[];
  return new Map(rows.map((r) => [`${r.documentId}:${r.locale}`, r.updatedAt]));
}

/** One document's versions, its records, its source locale and the hash of the source's current text. */
export interface DocumentTranslations {
  collection: RuntimeCollection;
  documentId: string;
  drafts: DraftRow[];
  records: RecordRow[];
  sourceLocale: string | null;
  sourceHash: string | null;
}

export function describeDocument(
  strapi: Core.Strapi,
  collection: RuntimeCollection,
  documentId: string,
  drafts: DraftRow[],
  records: RecordRow[],
): DocumentTranslations {
  const marked = records.find((r) => r.markedSource)?.itemLocale ?? null;
  const sourceLocale = sourceLocaleOf(drafts, marked, localeOrder);
  const source = drafts.find((d) => d.locale === sourceLocale);
  return { collection, documentId, drafts, records, sourceLocale, sourceHash: source ? textHash(textSpec(strapi, collection.uid), source) : null };
}

export async function loadDocument(strapi: Core.Strapi, uid: string, documentId: string): Promise<DocumentTranslations | null> {
  const collection = collectionByUid.get(uid);
  if (!collection) return null;
  const [drafts, records] = await Promise.all([draftRows(strapi, collection, [documentId]), recordsOf(strapi, uid, [documentId])]);
  return describeDocument(strapi, collection, documentId, drafts, records);
}
