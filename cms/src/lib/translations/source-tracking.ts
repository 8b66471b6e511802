/**
 * Keeps the translation records up to date as documents are written, and the two
 * editor actions on them: "no translation needed" and choosing the source locale.
 *
 * - Saving a translation records the source locale and the hash of the source's
 *   current text: the text it was made from.
 * - Saving the source records its own text hash and where its current edit started
 *   (see states.ts); publishing the source or saving a translation ends the edit.
 */
import type { Core } from '@strapi/strapi';
import { collectionByUid } from '../model';
import { afterSourceSave, closeEdit, markNoTranslationNeeded } from './states';
import { draftRows, loadDocument, RECORD_UID, recordsOf, saveRecord, sourceRecordOf, type DocumentTranslations } from './records';

const SAVES = new Set(['create', 'update', 'clone']);

/** Records one save (or publish) of `locale` of a document. */
export async function recordWrite(strapi: Core.Strapi, uid: string, documentId: string, locale: string, action: string): Promise<void> {
  const doc = await loadDocument(strapi, uid, documentId);
  if (!doc?.sourceLocale || !doc.sourceHash) return;
  const sourceRow = doc.records.find((r) => r.itemLocale === doc.sourceLocale);
  const source = sourceRecordOf(sourceRow);
  if (locale === doc.sourceLocale) {
    const next = action === 'publish' ? closeEdit(afterSourceSave(source, doc.sourceHash)) : afterSourceSave(source, doc.sourceHash);
    if (!sourceRow || next !== source) await saveRecord(strapi, uid, documentId, locale, next);
    return;
  }
  if (!SAVES.has(action)) return;
  await saveRecord(strapi, uid, documentId, locale, { sourceLocale: doc.sourceLocale, sourceHash: doc.sourceHash });
  // The source's text as it is now has been translated from: the next source save is a new edit.
  await saveRecord(strapi, uid, documentId, doc.sourceLocale, closeEdit(source.textHash ? source : afterSourceSave(source, doc.sourceHash)));
}

function writtenLocales(params: { locale?: unknown }, result: unknown): string[] {
  const fromResult = (result as { locale?: unknown; entries?: { locale?: unknown }[] } | null) ?? {};
  if (typeof fromResult.locale === 'string') return [fromResult.locale];
  if (Array.isArray(fromResult.entries)) return [...new Set(fromResult.entries.map((e) => e.locale).filter((l): l is string => typeof l === 'string'))];
  return typeof params.locale === 'string' && params.locale !== '*' ? [params.locale] : [];
}

/**
 * Versions saved before records were kept (an older database, or rows written outside
 * the document service) are taken as translated from the source as it is before this
 * write, so the write itself, if it changes the source, makes them outdated.
 */
async function recordUnrecordedVersions(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const collection = collectionByUid.get(uid)!;
  const [drafts, records] = await Promise.all([draftRows(strapi, collection, [documentId]), recordsOf(strapi, uid, [documentId])]);
  const unrecorded = drafts.filter((d) => !records.some((r) => r.itemLocale === d.locale));
  if (!unrecorded.length) return;
  const doc = await loadDocument(strapi, uid, documentId);
  if (!doc?.sourceLocale || !doc.sourceHash) return;
  for (const { locale } of unrecorded) {
    const data =
      locale === doc.sourceLocale
        ? closeEdit(afterSourceSave(sourceRecordOf(undefined), doc.sourceHash))
        : { sourceLocale: doc.sourceLocale, sourceHash: doc.sourceHash };
    await saveRecord(strapi, uid, documentId, locale, data);
  }
}

/** Runs `task`; a failure is logged, never thrown: the content is saved either way, and a missing record only makes the status less precise. */
async function quietly(strapi: Core.Strapi, what: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    strapi.log.warn(`[translations] could not record ${what}: ${(error as Error).message}`);
  }
}

/** Drops the records of versions that no longer exist (after a delete). */
async function dropRecordsOfDeletedVersions(strapi: Core.Strapi, uid: string, documentId: string): Promise<void> {
  const collection = collectionByUid.get(uid)!;
  const [drafts, records] = await Promise.all([draftRows(strapi, collection, [documentId]), recordsOf(strapi, uid, [documentId])]);
  const gone = records.filter((r) => !drafts.some((d) => d.locale === r.itemLocale));
  if (gone.length) await strapi.db.query(RECORD_UID as never).deleteMany({ where: { id: { $in: gone.map((r) => r.id) } } });
}

/** The document-service middleware that records saves and publishes of every localized collection of the model. */
export function registerSourceTracking(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const params = ctx.params as { documentId?: string; locale?: unknown };
    if (ctx.action === 'delete' && collectionByUid.has(ctx.uid) && params.documentId) {
      const result = await next();
      await quietly(strapi, `the delete of ${ctx.uid} ${params.documentId}`, () => dropRecordsOfDeletedVersions(strapi, ctx.uid, params.documentId!));
      return result;
    }
    if (!collectionByUid.has(ctx.uid) || !(SAVES.has(ctx.action) || ctx.action === 'publish')) return next();
    if (params.documentId)
      await quietly(strapi, `the versions of ${ctx.uid} ${params.documentId}`, () => recordUnrecordedVersions(strapi, ctx.uid, params.documentId!));
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
    if (!documentId) return result;
    await quietly(strapi, `the ${ctx.action} of ${ctx.uid} ${documentId}`, async () => {
      for (const locale of writtenLocales(params, result)) await recordWrite(strapi, ctx.uid, documentId, locale, ctx.action);
    });
    return result;
  });
}

/** "No translation needed": the source's current edit does not make its translations outdated. */
export async function markSourceEditNeedsNoTranslation(strapi: Core.Strapi, doc: DocumentTranslations): Promise<void> {
  if (!doc.sourceLocale || !doc.sourceHash) return;
  const source = sourceRecordOf(doc.records.find((r) => r.itemLocale === doc.sourceLocale));
  await saveRecord(strapi, doc.collection.uid, doc.documentId, doc.sourceLocale, markNoTranslationNeeded(source, doc.sourceHash));
}

/**
 * Makes `locale` the document's source. Every existing translation is taken as made
 * from the new source's current text, since nothing records which of its versions
 * they match.
 */
export async function chooseSourceLocale(strapi: Core.Strapi, doc: DocumentTranslations, locale: string): Promise<DocumentTranslations | null> {
  const uid = doc.collection.uid;
  for (const r of doc.records)
    if (r.markedSource && r.itemLocale !== locale) await saveRecord(strapi, uid, doc.documentId, r.itemLocale, { markedSource: false });
  await saveRecord(strapi, uid, doc.documentId, locale, {
    markedSource: true,
    sourceLocale: null,
    sourceHash: null,
    textHash: null,
    editBaseHash: null,
    editOpen: false,
    aliases: {},
  });
  const updated = await loadDocument(strapi, uid, doc.documentId);
  if (!updated?.sourceHash) return updated;
  await saveRecord(strapi, uid, doc.documentId, locale, { textHash: updated.sourceHash, editBaseHash: updated.sourceHash });
  for (const d of updated.drafts) {
    if (d.locale !== locale) await saveRecord(strapi, uid, doc.documentId, d.locale, { sourceLocale: locale, sourceHash: updated.sourceHash });
  }
  return loadDocument(strapi, uid, doc.documentId);
}
