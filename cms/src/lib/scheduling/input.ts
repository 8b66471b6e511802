/**
 * Checks what an editor sends to make or change a schedule (pure: no database).
 * The due time must be a real instant in the future, the time zone one the
 * runtime knows, the type one with drafts, the locale one of the model's.
 */
import { collectionByUid, localeCodes } from '../model';
import type { ScheduleAction } from './types';

export interface NewSchedule {
  uid: string;
  documentId: string;
  locale: string;
  action: ScheduleAction;
  dueAt: Date;
  timeZone: string;
}

export type ScheduleChange = Partial<Pick<NewSchedule, 'action' | 'dueAt' | 'timeZone'>>;

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const ACTIONS: readonly string[] = ['publish', 'unpublish'] satisfies ScheduleAction[];

/** Whether a type can be scheduled: one of the model's content types with drafts. */
export const isSchedulable = (uid: string): boolean => {
  const collection = collectionByUid.get(uid);
  return !!collection && collection.isContentType && collection.draftAndPublish;
};

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

type Body = Record<string, unknown>;

const text = (body: Body, key: string): string | undefined => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined);

function checkAction(value: unknown): Checked<ScheduleAction> {
  return typeof value === 'string' && ACTIONS.includes(value)
    ? { ok: true, value: value as ScheduleAction }
    : { ok: false, error: 'action must be "publish" or "unpublish"' };
}

/** A due time: an ISO 8601 instant with its offset (or Z), later than `now`. */
export function checkDueAt(value: unknown, now: Date): Checked<Date> {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    return { ok: false, error: 'dueAt must be an ISO 8601 time with its offset, e.g. 2027-03-01T09:00:00+01:00' };
  }
  const due = new Date(value);
  if (Number.isNaN(due.getTime())) return { ok: false, error: `dueAt "${value}" is not a real time` };
  if (due.getTime() <= now.getTime()) return { ok: false, error: 'dueAt must be in the future' };
  return { ok: true, value: due };
}

function checkTimeZone(value: unknown): Checked<string> {
  if (value === undefined || value === null || value === '') return { ok: true, value: 'UTC' };
  return typeof value === 'string' && value.length <= 64 && isTimeZone(value)
    ? { ok: true, value }
    : { ok: false, error: `timeZone "${String(value)}" is not a time zone (e.g. Europe/Paris)` };
}

export function checkNewSchedule(body: unknown, now: Date): Checked<NewSchedule> {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const uid = text(b, 'uid');
  if (!uid || !isSchedulable(uid)) return { ok: false, error: `uid "${String(b.uid)}" is not a content type with drafts` };
  const documentId = text(b, 'documentId');
  if (!documentId || documentId.length > 64) return { ok: false, error: 'documentId is required' };
  const locale = text(b, 'locale');
  if (!locale || !localeCodes.includes(locale)) return { ok: false, error: `locale "${String(b.locale)}" is not one of ${localeCodes.join(', ')}` };
  const action = checkAction(b.action);
  if (!action.ok) return action;
  const dueAt = checkDueAt(b.dueAt, now);
  if (!dueAt.ok) return dueAt;
  const timeZone = checkTimeZone(b.timeZone);
  if (!timeZone.ok) return timeZone;
  return { ok: true, value: { uid, documentId, locale, action: action.value, dueAt: dueAt.value, timeZone: timeZone.value } };
}

/** A change to a pending schedule: any of action, dueAt and timeZone, at least one. */
export function checkScheduleChange(body: unknown, now: Date): Checked<ScheduleChange> {
  const b = (body && typeof body === 'object' ? body : {}) as Body;
  const change: ScheduleChange = {};
  if (b.action !== undefined) {
    const action = checkAction(b.action);
    if (!action.ok) return action;
    change.action = action.value;
  }
  if (b.dueAt !== undefined) {
    const dueAt = checkDueAt(b.dueAt, now);
    if (!dueAt.ok) return dueAt;
    change.dueAt = dueAt.value;
  }
  if (b.timeZone !== undefined) {
    const timeZone = checkTimeZone(b.timeZone);
    if (!timeZone.ok) return timeZone;
    change.timeZone = timeZone.value;
  }
  if (!Object.keys(change).length) return { ok: false, error: 'give action, dueAt or timeZone' };
  return { ok: true, value: change };
}
