/**
 * `GET /api/syndication/items`: the published set across all content types, from
 * the syndication items (one row per published entry and locale). Filters combine
 * with AND; the values of one filter combine with OR. Cursor pages are keyset pages
 * on (sort value, item key), so entries published while a partner pages through
 * never shift the others: nothing is skipped or repeated. `page` numbers are offset
 * pages, for browsing. `open` filters on the shared rule's last open day of demands
 * and offers (stored with each item as `openThrough`) against the day of the request.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { utcDay } from '../../generated/exchange-status';
import { contentCollections, localeCodes, model, SLUG } from '../model';
import { ITEM_UID } from './names';
import { decodeCursor, encodeCursor } from './cursor';
import { list, oneOf, positiveInt, single } from './query-params';
import { withPublishedLinks } from './links';
import { publicItem, type SyndicationItem } from './serialize';
import type { SyndicationSettings } from './settings';

/** The orders of the model (content-schemas' PARTNER_API_SORTS), the default first. */
export type Sort = `${'date' | 'updatedAt'}:${'asc' | 'desc'}`;
export const SORTS = model.partnerApi.sorts as Sort[];
/** The values of the `open` filter: `true`, `false`. */
const OPEN_VALUES = model.partnerApi.openFilterValues;

export interface ItemsQuery {
  locales: string[];
  types: string[];
  themes: string[];
  countries: string[];
  /** Only demands and offers open (true) or closed (false) on `today`; null: no such filter. */
  open: boolean | null;
  /** The day of the request (YYYY-MM-DD, UTC): what `open` is computed for, in the filter and in each item. */
  today: string;
  updatedSince: string | null;
  sort: Sort;
  pageSize: number;
  cursor: string | null;
  page: number | null;
}

function slugs(name: string, value: unknown): string[] {
  const values = list(name, value);
  for (const v of values) if (!SLUG.test(v)) throw new errors.ValidationError(`${name}: "${v}" is not a slug`);
  return [...new Set(values)].sort();
}

function openFilter(value: unknown): boolean | null {
  const text = single('open', value);
  if (text === undefined || text === '') return null;
  return oneOf('open', [text], OPEN_VALUES)[0] === 'true';
}

export function parseItemsQuery(query: Record<string, unknown>, settings: SyndicationSettings, now: Date = new Date()): ItemsQuery {
  const locales = list('locale', query.locale);
  const all = locales.length === 0 || locales.includes('all') || locales.includes('*');
  const updatedSince = single('updatedSince', query.updatedSince);
  if (updatedSince !== undefined && Number.isNaN(Date.parse(updatedSince))) throw new errors.ValidationError('updatedSince: an ISO 8601 date-time');
  const cursor = single('cursor', query.cursor) || null;
  const page = positiveInt('page', query.page, 1_000_000) ?? null;
  if (cursor && page) throw new errors.ValidationError('give either cursor or page, not both');
  return {
    locales: all ? [] : [...new Set(oneOf('locale', locales, localeCodes))].sort(),
    types: [
      ...new Set(
        oneOf(
          'type',
          list('type', query.type),
          contentCollections.map((c) => c.name),
        ),
      ),
    ].sort(),
    themes: slugs('theme', query.theme),
    countries: slugs('country', query.country),
    open: openFilter(query.open),
    today: utcDay(now),
    updatedSince: updatedSince ? new Date(updatedSince).toISOString() : null,
    sort: oneOf('sort', [single('sort', query.sort) ?? SORTS[0]], SORTS)[0],
    pageSize: positiveInt('pageSize', query.pageSize, settings.maxPageSize) ?? settings.defaultPageSize,
    cursor,
    page,
  };
}

/** One key per distinct query, for the response cache. */
export const itemsQueryKey = (q: ItemsQuery) => `items ${JSON.stringify(q)}`;

type Position = { d: string; k: string } | { s: number };
const isPosition = (v: unknown): v is Position => {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return (typeof p.d === 'string' && typeof p.k === 'string') || Number.isInteger(p.s);
};

function filters(q: ItemsQuery): Record<string, unknown>[] {
  const where: Record<string, unknown>[] = [];
  if (q.locales.length) where.push({ itemLocale: { $in: q.locales } });
  if (q.types.length) where.push({ contentType: { $in: q.types } });
  if (q.themes.length) where.push({ $or: q.themes.map((t) => ({ themes: { $contains: `|${t}|` } })) });
  if (q.countries.length) where.push({ $or: q.countries.map((c) => ({ countries: { $contains: `|${c}|` } })) });
  if (q.open !== null) where.push({ openThrough: { [q.open ? '$gte' : '$lt']: q.today } });
  if (q.updatedSince) where.push({ changedAt: { $gte: q.updatedSince } });
  return where;
}

function order(sort: Sort): Record<string, 'asc' | 'desc'>[] {
  const [field, direction] = sort.split(':') as ['date' | 'updatedAt', 'asc' | 'desc'];
  return field === 'date' ? [{ itemDate: direction }, { itemKey: direction }] : [{ seq: direction }];
}

function after(sort: Sort, position: Position): Record<string, unknown> {
  const op = sort.endsWith(':asc') ? '$gt' : '$lt';
  if (sort.startsWith('date:')) {
    if (!('d' in position)) throw new errors.ValidationError('cursor: made for another sort');
    return { $or: [{ itemDate: { [op]: position.d } }, { itemDate: position.d, itemKey: { [op]: position.k } }] };
  }
  if (!('s' in position)) throw new errors.ValidationError('cursor: made for another sort');
  return { seq: { [op]: position.s } };
}

interface Row {
  payload: string;
  itemDate: string;
  itemKey: string;
  seq: number;
}

const positionOf = (sort: Sort, row: Row): Position => (sort.startsWith('date:') ? { d: row.itemDate, k: row.itemKey } : { s: Number(row.seq) });

export async function findItems(strapi: Core.Strapi, q: ItemsQuery, settings: SyndicationSettings) {
  const where = filters(q);
  const query = strapi.db.query(ITEM_UID);
  if (q.cursor) where.push(after(q.sort, decodeCursor(q.cursor, isPosition)));
  const rows = (await query.findMany({
    where: { $and: where },
    select: ['payload', 'itemDate', 'itemKey', 'seq'],
    orderBy: order(q.sort),
    limit: q.pageSize + 1,
    offset: q.page ? (q.page - 1) * q.pageSize : 0,
  })) as Row[];
  const pageRows = rows.slice(0, q.pageSize);
  const hasMore = rows.length > q.pageSize;
  const data = (
    await withPublishedLinks(
      strapi,
      pageRows.map((r) => JSON.parse(r.payload) as SyndicationItem),
    )
  ).map((item) => publicItem(item, settings, q.today));
  const meta: Record<string, unknown> = {
    sort: q.sort,
    pageSize: q.pageSize,
    nextCursor: hasMore && !q.page ? encodeCursor(positionOf(q.sort, pageRows[pageRows.length - 1])) : null,
  };
  if (q.page) {
    const total = await query.count({ where: { $and: filters(q) } });
    Object.assign(meta, { page: q.page, pageCount: Math.ceil(total / q.pageSize), total });
  }
  return { data, meta };
}

/** One published item in one locale as sent on `today`, or null. */
export async function findItem(strapi: Core.Strapi, documentId: string, locale: string, settings: SyndicationSettings, today: string) {
  const row = await strapi.db.query(ITEM_UID).findOne({ where: { itemDocumentId: documentId, itemLocale: locale }, select: ['payload'] });
  if (!row) return null;
  const [item] = await withPublishedLinks(strapi, [JSON.parse(row.payload) as SyndicationItem]);
  return { data: publicItem(item!, settings, today) };
}
