/**
 * Scheduled publishing: the shapes the admin API returns and the admin panel shows.
 * Type-only, so the admin panel imports it without server code.
 */
export type ScheduleAction = 'publish' | 'unpublish';

/** `running` lives only inside the transaction that runs a job: it is never committed. */
export type ScheduleState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/** One schedule as the admin API lists it. */
export interface ScheduleView {
  id: number;
  uid: string;
  /** The model's name of the type (news, report…). */
  type: string;
  documentId: string;
  locale: string;
  /** The entry's title in that locale (its latest version), or null when it is gone. */
  title: string | null;
  action: ScheduleAction;
  /** When it is due, as an ISO instant. */
  dueAt: string;
  /** The IANA time zone the editor chose the time in, used to show it. */
  timeZone: string;
  editor: { id: number; name: string };
  state: ScheduleState;
  /** What happened: the result, or why it failed or was cancelled. */
  message: string | null;
  finishedAt: string | null;
  /** The CMS node that ran it. */
  claimedBy: string | null;
  createdAt: string;
  /** The admin path of the entry's edit view in that locale. */
  editPath: string;
  /** Whether the user asking may change or cancel it (pending, and a locale they may publish in). */
  canChange: boolean;
}

export interface ScheduleList {
  schedules: ScheduleView[];
  /** Whether the user asking may make a schedule for the entry and locale the list was filtered on. */
  canSchedule: boolean | null;
}
