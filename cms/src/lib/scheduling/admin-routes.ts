/**
 * The admin API of schedules, at `/ssc-schedules` (admin routes: an admin session is
 * required). Everyone with an admin session sees every schedule, each locale's
 * included; making, changing or cancelling one needs the right to publish that entry
 * in that locale, as the content manager would check it, so a language editor
 * schedules only in their own locale.
 *
 *   GET  /ssc-schedules?uid=&documentId=&locale=&state=   list (ScheduleList)
 *   POST /ssc-schedules                 { uid, documentId, locale, action, dueAt, timeZone }
 *   PUT  /ssc-schedules/:id             { action?, dueAt?, timeZone? } (pending only)
 *   POST /ssc-schedules/:id/cancel      (pending only)
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../koa';
import { registerAdminRoutes, type AdminRoute } from '../admin-routes';
import { collectionByUid } from '../model';
import { checkNewSchedule, checkScheduleChange } from './input';
import { editorName, mayAct, type AdminUserRecord, type UserAbility } from './permissions';
import { cancelPendingSchedule, changePendingSchedule, createSchedule, findSchedule, listSchedules, type ScheduleFilter, type ScheduleRow } from './store';
import type { ScheduleAction, ScheduleList, ScheduleState, ScheduleView } from './types';

const STATES: readonly string[] = ['pending', 'done', 'failed', 'cancelled'] satisfies ScheduleState[];

const iso = (value: string | Date | null): string | null => (value === null || value === undefined ? null : new Date(value).toISOString());

const editPath = (uid: string, documentId: string, locale: string) => `/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`;

function fail(ctx: Context, status: number, message: string): void {
  const names: Record<number, string> = { 400: 'ValidationError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError' };
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: names[status] ?? 'Error', message } };
}

const userOf = (ctx: Context) => ctx.state.user as AdminUserRecord;
const abilityOf = (ctx: Context) => ctx.state.userAbility as UserAbility;

/** The title of each listed entry in its locale (its latest version, the draft), keyed `uid documentId locale`. */
async function titles(strapi: Core.Strapi, rows: ScheduleRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const byUid = new Map<string, Set<string>>();
  for (const r of rows) byUid.set(r.entryUid, (byUid.get(r.entryUid) ?? new Set()).add(r.entryDocumentId));
  for (const [uid, ids] of byUid) {
    const collection = collectionByUid.get(uid);
    if (!collection) continue;
    const field = collection.fields.title ? 'title' : 'slug';
    const entries = (await strapi.db.query(uid).findMany({
      where: { documentId: { $in: [...ids] }, publishedAt: null },
      select: ['documentId', 'locale', field],
    })) as Record<string, string>[];
    for (const e of entries) out.set(`${uid} ${e.documentId} ${e.locale}`, e[field]);
  }
  return out;
}

function view(strapi: Core.Strapi, ctx: Context, row: ScheduleRow, title: string | undefined): ScheduleView {
  return {
    id: row.id,
    uid: row.entryUid,
    type: collectionByUid.get(row.entryUid)?.name ?? row.entryUid,
    documentId: row.entryDocumentId,
    locale: row.entryLocale,
    title: title ?? null,
    action: row.action,
    dueAt: iso(row.dueAt)!,
    timeZone: row.timeZone,
    editor: { id: row.editorId, name: row.editorName ?? `admin user ${row.editorId}` },
    state: row.state,
    message: row.message,
    finishedAt: iso(row.finishedAt),
    claimedBy: row.claimedBy,
    createdAt: iso(row.createdAt)!,
    editPath: editPath(row.entryUid, row.entryDocumentId, row.entryLocale),
    canChange: row.state === 'pending' && mayChange(strapi, ctx, row.entryUid, row.action, row.entryLocale),
  };
}

const mayChange = (strapi: Core.Strapi, ctx: Context, uid: string, action: ScheduleAction, locale: string) =>
  !!collectionByUid.get(uid) && mayAct(strapi, abilityOf(ctx), uid, action, { locale });

async function views(strapi: Core.Strapi, ctx: Context, rows: ScheduleRow[]): Promise<ScheduleView[]> {
  const names = await titles(strapi, rows);
  return rows.map((r) => view(strapi, ctx, r, names.get(`${r.entryUid} ${r.entryDocumentId} ${r.entryLocale}`)));
}

async function list(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const q = ctx.query as Record<string, string | undefined>;
  if (q.state && !STATES.includes(q.state)) return fail(ctx, 400, `state must be one of ${STATES.join(', ')}`);
  const filter: ScheduleFilter = { uid: q.uid, documentId: q.documentId, locale: q.locale, state: q.state as ScheduleState | undefined };
  const rows = await listSchedules(strapi, filter);
  const canSchedule = q.uid && q.locale ? mayChange(strapi, ctx, q.uid, 'publish', q.locale) : null;
  const body: ScheduleList = { schedules: await views(strapi, ctx, rows), canSchedule };
  ctx.body = body;
}

async function create(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const checked = checkNewSchedule(ctx.request.body, new Date());
  if (!checked.ok) return fail(ctx, 400, checked.error);
  const input = checked.value;
  const entry = (await strapi.db.query(input.uid).findOne({
    where: { documentId: input.documentId, locale: input.locale, publishedAt: null },
    select: ['id', 'documentId', 'locale'],
  })) as { locale: string } | null;
  if (!entry) return fail(ctx, 404, `There is no ${collectionByUid.get(input.uid)!.name} ${input.documentId} in the "${input.locale}" locale: save it first`);
  if (!mayAct(strapi, abilityOf(ctx), input.uid, input.action, entry)) {
    return fail(ctx, 403, `Your role may not ${input.action} ${collectionByUid.get(input.uid)!.name} in the "${input.locale}" locale`);
  }
  const user = userOf(ctx);
  const row = await createSchedule(strapi, input, { id: user.id, name: editorName(user) });
  ctx.status = 201;
  ctx.body = { data: (await views(strapi, ctx, [row]))[0] };
}

/** Why the user may not change this schedule (status and message), or null when they may. */
function refusal(strapi: Core.Strapi, ctx: Context, row: ScheduleRow | null): [number, string] | null {
  if (!row) return [404, 'No such schedule'];
  if (!mayChange(strapi, ctx, row.entryUid, row.action, row.entryLocale)) return [403, `Your role may not ${row.action} in the "${row.entryLocale}" locale`];
  if (row.state !== 'pending') return [409, `The schedule is ${row.state}; only a pending one can be changed`];
  return null;
}

/** The schedule named in the path, once the user may change it; null when a refusal was sent. */
async function changeable(strapi: Core.Strapi, ctx: Context): Promise<ScheduleRow | null> {
  const id = Number((ctx.params as { id?: string }).id);
  const row = Number.isInteger(id) ? await findSchedule(strapi, id) : null;
  const refused = refusal(strapi, ctx, row);
  if (refused) fail(ctx, ...refused);
  return refused ? null : row;
}

async function change(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const row = await changeable(strapi, ctx);
  if (!row) return;
  const checked = checkScheduleChange(ctx.request.body, new Date());
  if (!checked.ok) return fail(ctx, 400, checked.error);
  if (checked.value.action && !mayChange(strapi, ctx, row.entryUid, checked.value.action, row.entryLocale)) {
    return fail(ctx, 403, `Your role may not ${checked.value.action} in the "${row.entryLocale}" locale`);
  }
  if (!(await changePendingSchedule(strapi, row.id, checked.value))) return fail(ctx, 409, 'The schedule ran or was cancelled meanwhile');
  ctx.body = { data: (await views(strapi, ctx, [(await findSchedule(strapi, row.id))!]))[0] };
}

async function cancel(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const row = await changeable(strapi, ctx);
  if (!row) return;
  if (!(await cancelPendingSchedule(strapi, row.id, editorName(userOf(ctx))))) return fail(ctx, 409, 'The schedule ran or was cancelled meanwhile');
  ctx.body = { data: (await views(strapi, ctx, [(await findSchedule(strapi, row.id))!]))[0] };
}

/** Registers the admin routes; call in `register`. */
export function registerScheduleAdminRoutes(strapi: Core.Strapi): void {
  const route = (method: AdminRoute['method'], path: string, handle: (strapi: Core.Strapi, ctx: Context) => Promise<void>): AdminRoute => ({
    method,
    path,
    handler: (ctx: Context) => handle(strapi, ctx),
  });
  registerAdminRoutes(strapi, 'ssc-schedules', '/ssc-schedules', [
    route('GET', '/', list),
    route('POST', '/', create),
    route('PUT', '/:id', change),
    route('POST', '/:id/cancel', cancel),
  ]);
}
