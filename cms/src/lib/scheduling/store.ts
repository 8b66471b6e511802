/**
 * The schedules table (api::scheduling.schedule): internal, hidden from the content
 * manager, with no content-API route, and outside snapshots, feeds and the partner
 * API, which read only the model's collections. Every change of state is a
 * conditional update (`... WHERE id = ? AND state = 'pending'`), so two CMS nodes,
 * an editor's cancel and the runner never overwrite one another.
 */
import type { Core } from '@strapi/strapi';
import type { NewSchedule, ScheduleChange } from './input';
import type { ScheduleAction, ScheduleState } from './types';

export const SCHEDULE_UID = 'api::scheduling.schedule';

export interface ScheduleRow {
  id: number;
  entryUid: string;
  entryDocumentId: string;
  entryLocale: string;
  action: ScheduleAction;
  dueAt: string | Date;
  timeZone: string;
  editorId: number;
  editorName: string | null;
  state: ScheduleState;
  claimedBy: string | null;
  finishedAt: string | Date | null;
  message: string | null;
  createdAt: string | Date;
}

export interface ScheduleFilter {
  uid?: string;
  documentId?: string;
  locale?: string;
  state?: ScheduleState;
}

const query = (strapi: Core.Strapi) => strapi.db.query(SCHEDULE_UID);

export async function createSchedule(strapi: Core.Strapi, input: NewSchedule, editor: { id: number; name: string }): Promise<ScheduleRow> {
  return (await query(strapi).create({
    data: {
      entryUid: input.uid,
      entryDocumentId: input.documentId,
      entryLocale: input.locale,
      action: input.action,
      dueAt: input.dueAt,
      timeZone: input.timeZone,
      editorId: editor.id,
      editorName: editor.name,
      state: 'pending',
    },
  })) as ScheduleRow;
}

export async function findSchedule(strapi: Core.Strapi, id: number): Promise<ScheduleRow | null> {
  return ((await query(strapi).findOne({ where: { id } })) as ScheduleRow | null) ?? null;
}

/** Pending ones first (soonest due first), then the rest, most recent first. */
export async function listSchedules(strapi: Core.Strapi, filter: ScheduleFilter, limit = 500): Promise<ScheduleRow[]> {
  const where: Record<string, unknown> = {};
  if (filter.uid) where.entryUid = filter.uid;
  if (filter.documentId) where.entryDocumentId = filter.documentId;
  if (filter.locale) where.entryLocale = filter.locale;
  const pending =
    !filter.state || filter.state === 'pending'
      ? await query(strapi).findMany({ where: { ...where, state: 'pending' }, orderBy: { dueAt: 'asc' }, limit })
      : [];
  const others =
    filter.state === 'pending'
      ? []
      : await query(strapi).findMany({ where: { ...where, state: filter.state ?? { $ne: 'pending' } }, orderBy: { dueAt: 'desc' }, limit });
  return [...pending, ...others] as ScheduleRow[];
}

/** Changes a pending schedule; false when it is no longer pending. */
export async function changePendingSchedule(strapi: Core.Strapi, id: number, change: ScheduleChange): Promise<boolean> {
  const { count } = await query(strapi).updateMany({ where: { id, state: 'pending' }, data: change });
  return count === 1;
}

export async function cancelPendingSchedule(strapi: Core.Strapi, id: number, by: string): Promise<boolean> {
  const { count } = await query(strapi).updateMany({
    where: { id, state: 'pending' },
    data: { state: 'cancelled', finishedAt: new Date(), message: `Cancelled by ${by}` },
  });
  return count === 1;
}

/** The ids of pending schedules due at `now`, soonest first. */
export async function dueScheduleIds(strapi: Core.Strapi, now: Date, limit: number): Promise<number[]> {
  const rows = (await query(strapi).findMany({
    where: { state: 'pending', dueAt: { $lte: now } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    select: ['id'],
    limit,
  })) as { id: number }[];
  return rows.map((r) => r.id);
}

/**
 * Takes a due, pending schedule for `node`: one conditional UPDATE, true only when it
 * changed the row. Called inside the transaction that runs the job: on PostgreSQL the
 * row stays locked until that transaction ends, so another node's claim waits and
 * then finds the schedule no longer pending.
 */
export async function claimSchedule(strapi: Core.Strapi, id: number, node: string, now: Date): Promise<boolean> {
  const { count } = await query(strapi).updateMany({
    where: { id, state: 'pending', dueAt: { $lte: now } },
    data: { state: 'running', claimedBy: node },
  });
  return count === 1;
}

export async function finishSchedule(strapi: Core.Strapi, id: number, message: string): Promise<void> {
  await query(strapi).update({ where: { id }, data: { state: 'done', finishedAt: new Date(), message } });
}

/** Marks a schedule failed with its reason, unless something else (a cancel, another node) settled it first. */
export async function failPendingSchedule(strapi: Core.Strapi, id: number, node: string, reason: string): Promise<boolean> {
  const { count } = await query(strapi).updateMany({
    where: { id, state: 'pending' },
    data: { state: 'failed', claimedBy: node, finishedAt: new Date(), message: reason },
  });
  return count === 1;
}
