/**
 * Keeps the change log and the published set partners see (syndication items) in
 * step with the content. It compares, per document and locale, the published row
 * in the database with the item last recorded:
 * - published, no item            → `publish`  (item stored)
 * - published, item of an older version (Strapi re-creates the published row on
 *   every publish, so the row id and its update time make the version) → `update`
 * - not published, item exists    → `unpublish` when a draft is left, else `delete`
 *   (item removed: a tombstone in the log, never its content).
 *
 * It runs after every write of the document service on a content type (publish,
 * unpublish, update, create, delete, discardDraft, in any locale), in the same
 * transaction as the write, and once at boot to catch up with anything written
 * without it (a database restored, content loaded before this existed).
 *
 * Change ids must become visible in id order, or a partner whose cursor passed id
 * 11 would never see id 10 committed later (PostgreSQL hands out sequence values
 * before commit). Writers therefore take a transaction-scoped advisory lock before
 * they insert into the log, so they commit one after another; SQLite has a single
 * writer anyway.
 */
import type { Core, Modules } from '@strapi/strapi';
import { CLOSING_TYPES, lastOpenDay } from '../../generated/exchange-status';
import { collectionByUid, contentCollections, type RuntimeCollection } from '../model';
import { CHANGE_UID, ITEM_UID, type ChangeKind } from './names';
import { serializeEntry, type Entry, type SyndicationItem } from './serialize';
import { markChanged } from './change-signal';

/** Arbitrary constant naming the change-log lock (pg_advisory_xact_lock takes a bigint). */
const CHANGE_LOG_LOCK = 7_310_447_211;
const BATCH = 100;
const WRITE_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

interface Row {
  id: number;
  documentId: string;
  locale: string;
  publishedAt: unknown;
  updatedAt: unknown;
}

interface StoredItemRow {
  id: number;
  itemDocumentId: string;
  itemLocale: string;
  version: string;
}

const key = (documentId: string, locale: string) => `${documentId}\u0000${locale}`;
const time = (value: unknown) => new Date(value as string | number | Date).getTime();
const versionOf = (row: Row) => `${row.id}@${time(row.updatedAt ?? row.publishedAt)}`;
export const itemKey = (collection: RuntimeCollection, documentId: string, locale: string) => `${collection.name}:${documentId}:${locale}`;

/** The part of the transaction (a Knex transaction) that takes the lock. */
interface RawQueryRunner {
  raw(sql: string, bindings: unknown[]): PromiseLike<unknown>;
}

async function lockChangeLog(strapi: Core.Strapi, trx: RawQueryRunner): Promise<void> {
  if (strapi.db.dialect?.client === 'postgres') await trx.raw('select pg_advisory_xact_lock(?)', [CHANGE_LOG_LOCK]);
}

interface Planned {
  kind: ChangeKind;
  documentId: string;
  locale: string;
  row?: Row;
  stored?: StoredItemRow;
}

/** `force`: keys (document id, locale) recorded as updated even when their row is unchanged (a replaced media file). */
function plan(rows: Row[], stored: StoredItemRow[], force?: ReadonlySet<string>): Planned[] {
  const published = new Map<string, Row>();
  const anyRow = new Set<string>();
  for (const row of rows) {
    anyRow.add(key(row.documentId, row.locale));
    if (row.publishedAt) published.set(key(row.documentId, row.locale), row);
  }
  const storedByKey = new Map(stored.map((s) => [key(s.itemDocumentId, s.itemLocale), s]));
  const out: Planned[] = [];
  for (const [k, row] of published) {
    const s = storedByKey.get(k);
    if (!s) out.push({ kind: 'publish', documentId: row.documentId, locale: row.locale, row });
    else if (s.version !== versionOf(row) || force?.has(k)) out.push({ kind: 'update', documentId: row.documentId, locale: row.locale, row, stored: s });
  }
  for (const [k, s] of storedByKey) {
    if (published.has(k)) continue;
    out.push({ kind: anyRow.has(k) ? 'unpublish' : 'delete', documentId: s.itemDocumentId, locale: s.itemLocale, stored: s });
  }
  // A stable order: by document, then locale.
  return out.sort((a, b) => (a.documentId === b.documentId ? a.locale.localeCompare(b.locale) : a.documentId.localeCompare(b.documentId)));
}

/** Reads the published entries of `planned` with their default populate, by id. */
async function loadEntries(strapi: Core.Strapi, collection: RuntimeCollection, planned: Planned[]): Promise<Map<number, SyndicationItem>> {
  const out = new Map<number, SyndicationItem>();
  const byLocale = new Map<string, string[]>();
  for (const p of planned) if (p.row) byLocale.set(p.locale, [...(byLocale.get(p.locale) ?? []), p.documentId]);
  for (const [locale, documentIds] of byLocale) {
    const entries = await strapi.documents(collection.uid).findMany({
      locale,
      status: 'published',
      filters: { documentId: { $in: documentIds } },
      populate: collection.populate as Modules.Documents.Params.Populate.Any<typeof collection.uid>,
      limit: documentIds.length,
    });
    for (const entry of entries as Entry[]) out.set(entry.id, serializeEntry(collection, entry));
  }
  return out;
}

async function syncChunk(strapi: Core.Strapi, collection: RuntimeCollection, documentIds: string[], force?: ReadonlySet<string>): Promise<number> {
  const rows = (await strapi.db.query(collection.uid).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['id', 'documentId', 'locale', 'publishedAt', 'updatedAt'],
  })) as Row[];
  const stored = (await strapi.db.query(ITEM_UID).findMany({
    where: { contentType: collection.name, itemDocumentId: { $in: documentIds } },
    select: ['id', 'itemDocumentId', 'itemLocale', 'version'],
  })) as StoredItemRow[];
  const planned = plan(rows, stored, force);
  if (!planned.length) return 0;
  const items = await loadEntries(strapi, collection, planned);
  const now = new Date();
  for (const p of planned) {
    const change = await strapi.db.query(CHANGE_UID).create({
      data: { kind: p.kind, contentType: collection.name, itemDocumentId: p.documentId, itemLocale: p.locale, occurredAt: now },
      select: ['id'],
    });
    if (p.kind === 'unpublish' || p.kind === 'delete') {
      await strapi.db.query(ITEM_UID).delete({ where: { id: p.stored!.id } });
      continue;
    }
    const item = items.get(p.row!.id);
    if (!item) throw new Error(`syndication: published ${collection.name} ${p.documentId} [${p.locale}] could not be read back`);
    const data = {
      itemKey: itemKey(collection, p.documentId, p.locale),
      contentType: collection.name,
      itemDocumentId: p.documentId,
      itemLocale: p.locale,
      version: versionOf(p.row!),
      seq: Number(change.id),
      itemDate: item.date ?? item.publishedAt.slice(0, 10),
      changedAt: now,
      themes: `|${item.themes.join('|')}|`,
      countries: `|${item.countries.join('|')}|`,
      // The last day a demand or an offer is open (the shared rule), for the `open` filter; null for other types.
      openThrough: lastOpenDay(item) ?? null,
      payload: JSON.stringify({ ...item, updatedAt: now.toISOString() }),
    };
    if (p.stored) await strapi.db.query(ITEM_UID).update({ where: { id: p.stored.id }, data });
    else await strapi.db.query(ITEM_UID).create({ data });
  }
  return planned.length;
}

/** Records what changed for these documents; runs in the caller's transaction when there is one. */
export async function syncDocuments(strapi: Core.Strapi, collection: RuntimeCollection, documentIds: string[], force?: ReadonlySet<string>): Promise<number> {
  const unique = [...new Set(documentIds)];
  let recorded = 0;
  for (let i = 0; i < unique.length; i += BATCH) {
    const chunk = unique.slice(i, i + BATCH);
    recorded += await strapi.db.transaction(async ({ trx }) => {
      await lockChangeLog(strapi, trx);
      return syncChunk(strapi, collection, chunk, force);
    });
  }
  return recorded;
}

/**
 * Records an update for published entries whose content changed without their row
 * changing: a media file they use was replaced, edited or deleted.
 */
export async function recordMediaChange(strapi: Core.Strapi, uses: { uid: string; documentId: string; locale: string }[]): Promise<number> {
  let recorded = 0;
  for (const collection of contentCollections) {
    const mine = uses.filter((u) => u.uid === collection.uid);
    if (!mine.length) continue;
    const force = new Set(mine.map((u) => key(u.documentId, u.locale)));
    recorded += await syncDocuments(
      strapi,
      collection,
      mine.map((u) => u.documentId),
      force,
    );
  }
  if (recorded) markChanged();
  return recorded;
}

/** Brings the log and the items up to date with the database: every document whose published state differs. */
export async function reconcileAll(strapi: Core.Strapi): Promise<number> {
  let recorded = 0;
  for (const collection of contentCollections) {
    const published = (await strapi.db.query(collection.uid).findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'locale', 'publishedAt', 'updatedAt'],
    })) as Row[];
    const stored = (await strapi.db.query(ITEM_UID).findMany({
      where: { contentType: collection.name },
      select: ['id', 'itemDocumentId', 'itemLocale', 'version', 'openThrough'],
    })) as (StoredItemRow & { openThrough: string | null })[];
    const storedVersions = new Map(stored.map((s) => [key(s.itemDocumentId, s.itemLocale), s.version]));
    const stale = new Set<string>();
    // Demands and offers recorded before items carried their status (no last open day): recorded again, as updates.
    const withoutStatus = new Set(
      CLOSING_TYPES.includes(collection.name) ? stored.filter((s) => s.openThrough == null).map((s) => key(s.itemDocumentId, s.itemLocale)) : [],
    );
    for (const row of published) {
      const k = key(row.documentId, row.locale);
      if (storedVersions.get(k) !== versionOf(row) || withoutStatus.has(k)) stale.add(row.documentId);
      storedVersions.delete(k);
    }
    for (const k of storedVersions.keys()) stale.add(k.split('\u0000')[0]);
    if (stale.size) recorded += await syncDocuments(strapi, collection, [...stale], withoutStatus);
  }
  if (recorded) {
    markChanged();
    strapi.log.info(`[syndication] recorded ${recorded} change(s) made while the change recorder was not running`);
  }
  return recorded;
}

/** A document-service middleware that records the changes of every write on a content type. */
export function registerChangeRecorder(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const collection = collectionByUid.get(ctx.uid);
    if (!collection?.isContentType || !WRITE_ACTIONS.has(ctx.action)) return next();
    return strapi.db.transaction(async ({ onCommit }) => {
      const out = await next();
      const documentId = (ctx.params as { documentId?: string }).documentId ?? (out as { documentId?: string } | null)?.documentId;
      // Cached answers are dropped once the outermost transaction (a bulk action's, say) commits.
      if (documentId && (await syncDocuments(strapi, collection, [documentId]))) onCommit(markChanged);
      return out;
    });
  });
}
