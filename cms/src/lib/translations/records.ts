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

/** The draft row of a version (the only row of a type without drafts): when it was made and saved, and its title. */
export interface DraftRow {
  documentId: string;
  locale: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  [field: string]: unknown;
}

/** What the report needs of a document's source version: its text's hash, title, last save and themes. */
export interface SourceVersion {
  locale: string;
  hash: string;
  title: string;
  updatedAt: string | null;
  themes: string[];
}

export const titleField = (collection: RuntimeCollection) => (collection.fields.title ? 'title' : 'name');

const draftsOnly = (collection: RuntimeCollection): Record<string, unknown> => (collection.draftAndPublish ? { publishedAt: { $null: true } } : {});

/** The draft (or only) rows of `documentIds` (all documents when omitted), without their text. */
export async function draftRows(strapi: Core.Strapi, collection: RuntimeCollection, documentIds?: string[]): Promise<DraftRow[]> {
  const where = draftsOnly(collection);
  if (documentIds) where.documentId = { $in: documentIds };
  const select = ['documentId', 'locale', 'createdAt', 'updatedAt', 'publishedAt'];
  return (await query(strapi, collection.uid).findMany({ where, select })) as DraftRow[];
}

/** How many source versions are read (with their text) at once: memory stays bounded at any number of documents. */
const SOURCE_BATCH = 100;

/** The source versions of documents (documentId → source locale), read in batches, reduced to their hash, title and themes. */
export async function sourceVersions(strapi: Core.Strapi, collection: RuntimeCollection, sources: Map<string, string>): Promise<Map<string, SourceVersion>> {
  const spec = textSpec(strapi, collection.uid);
  const populate: Record<string, unknown> = { ...populateFor(spec) };
  if (collection.fields.themes) populate.themes = { select: ['documentId'] };
  const byLocale = new Map<string, string[]>();
  for (const [documentId, locale] of sources) byLocale.set(locale, [...(byLocale.get(locale) ?? []), documentId]);
  const out = new Map<string, SourceVersion>();
  for (const [locale, ids] of byLocale) {
    for (let i = 0; i < ids.length; i += SOURCE_BATCH) {
      const where = { ...draftsOnly(collection), locale, documentId: { $in: ids.slice(i, i + SOURCE_BATCH) } };
      const rows = (await query(strapi, collection.uid).findMany({ where, populate })) as DraftRow[];
      for (const row of rows) {
        out.set(row.documentId, {
          locale,
          hash: textHash(spec, row),
          title: String(row[titleField(collection)] ?? row.documentId),
          updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
          themes: Array.isArray(row.themes) ? (row.themes as { documentId: string }[]).map((t) => t.documentId) : [],
        });
      }
    }
  }
  return out;
}

/** The published rows' update times, by `documentId:locale`. */
export async function publishedTimes(strapi: Core.Strapi, collection: RuntimeCollection, documentIds?: string[]): Promise<Map<string, string>> {
  if (!collection.draftAndPublish) return new Map();
  const where: Record<string, unknown> = { publishedAt: { $notNull: true } };
  if (documentIds) where.documentId = { $in: documentIds };
  const rows = (await query(strapi, collection.uid).findMany({ where, select: ['documentId', 'locale', 'updatedAt'] })) as DraftRow[];
  return new Map(rows.map((r) => [`${r.documentId}:${r.locale}`, r.updatedAt]));
}

/** The source locale of a document: the one marked in its records, or the one it was created in. */
export const sourceLocaleFrom = (drafts: DraftRow[], records: RecordRow[]): string | null =>
  sourceLocaleOf(drafts, records.find((r) => r.markedSource)?.itemLocale ?? null, localeOrder);

/** One document's versions, its records, its source locale and the hash of the source's current text. */
export interface DocumentTranslations {
  collection: RuntimeCollection;
  documentId: string;
  drafts: DraftRow[];
  records: RecordRow[];
  sourceLocale: string | null;
  sourceHash: string | null;
}

export async function loadDocument(strapi: Core.Strapi, uid: string, documentId: string): Promise<DocumentTranslations | null> {
  const collection = collectionByUid.get(uid);
  if (!collection) return null;
  const [drafts, records] = await Promise.all([draftRows(strapi, collection, [documentId]), recordsOf(strapi, uid, [documentId])]);
  const sourceLocale = sourceLocaleFrom(drafts, records);
  const source = sourceLocale ? (await sourceVersions(strapi, collection, new Map([[documentId, sourceLocale]]))).get(documentId) : undefined;
  return { collection, documentId, drafts, records, sourceLocale, sourceHash: source?.hash ?? null };
}
