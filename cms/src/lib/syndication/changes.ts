/**
 * `GET /api/syndication/changes?since=<cursor>`: the change log in order. Publish and
 * update entries carry the item when they are its latest change (an earlier one is
 * `superseded`: a later entry of the feed covers it); unpublish and delete entries
 * are tombstones and never carry content. The cursor is the id of the last entry.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { utcDay } from '../../generated/exchange-status';
import { CHANGE_UID, ITEM_UID } from './names';
import { positiveInt, single } from './query-params';
import { withPublishedLinks } from './links';
import { publicItem, type SyndicationItem } from './serialize';
import type { SyndicationSettings } from './settings';

export interface ChangesQuery {
  since: number;
  limit: number;
  /** The day of the request (YYYY-MM-DD, UTC): the items' `open` is computed for it. */
  today: string;
}

export function parseChangesQuery(query: Record<string, unknown>, settings: SyndicationSettings, now: Date = new Date()): ChangesQuery {
  const since = single('since', query.since) ?? '0';
  if (!/^\d{1,15}$/.test(since)) throw new errors.ValidationError('since: a cursor this API returned (or 0 to start from the beginning)');
  return { since: Number(since), limit: positiveInt('limit', query.limit, settings.maxChanges) ?? settings.maxChanges, today: utcDay(now) };
}

export const changesQueryKey = (q: ChangesQuery) => `changes ${q.since} ${q.limit} ${q.today}`;

interface ChangeRow {
  id: number;
  kind: string;
  contentType: string;
  itemDocumentId: string;
  itemLocale: string;
  occurredAt: unknown;
}

export async function findChanges(strapi: Core.Strapi, q: ChangesQuery, settings: SyndicationSettings) {
  const rows = (await strapi.db.query(CHANGE_UID).findMany({
    where: { id: { $gt: q.since } },
    select: ['id', 'kind', 'contentType', 'itemDocumentId', 'itemLocale', 'occurredAt'],
    orderBy: { id: 'asc' },
    limit: q.limit + 1,
  })) as ChangeRow[];
  const page = rows.slice(0, q.limit);
  const live = page.filter((r) => r.kind === 'publish' || r.kind === 'update');
  const keys = [...new Set(live.map((r) => `${r.contentType}:${r.itemDocumentId}:${r.itemLocale}`))];
  const items = keys.length
    ? ((await strapi.db.query(ITEM_UID).findMany({ where: { itemKey: { $in: keys } }, select: ['itemKey', 'seq', 'payload'] })) as {
        itemKey: string;
        seq: number;
        payload: string;
      }[])
    : [];
  const parsed = await withPublishedLinks(
    strapi,
    items.map((i) => JSON.parse(i.payload) as SyndicationItem),
  );
  const current = new Map(items.map((i, n) => [i.itemKey, { seq: i.seq, item: parsed[n]! }]));
  const data = page.map((r) => {
    const entry: Record<string, unknown> = {
      cursor: String(r.id),
      kind: r.kind,
      type: r.contentType,
      documentId: r.itemDocumentId,
      locale: r.itemLocale,
      at: new Date(r.occurredAt as string).toISOString(),
    };
    if (r.kind === 'publish' || r.kind === 'update') {
      const item = current.get(`${r.contentType}:${r.itemDocumentId}:${r.itemLocale}`);
      const latest = item && Number(item.seq) === Number(r.id);
      entry.superseded = !latest;
      entry.item = latest ? publicItem(item.item, settings, q.today) : null;
    }
    return entry;
  });
  return {
    data,
    meta: { since: String(q.since), nextCursor: page.length ? String(page[page.length - 1].id) : String(q.since), hasMore: rows.length > q.limit },
  };
}
