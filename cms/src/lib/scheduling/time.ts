/** Showing and entering due times (pure; used by the admin panel and its tests). */

/** `iso` as a date and time in `timeZone`, with the zone's name and offset: "2 Dec 2026, 09:00:00 Europe/Paris (GMT+1)". */
export function formatInZone(iso: string, timeZone: string, locale = 'en-GB'): string {
  const date = new Date(iso);
  const clock = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  const offset =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${clock} ${timeZone}${offset ? ` (${offset})` : ''}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The value of an `<input type="datetime-local" step="1">` showing `date` in the runtime's own time zone. */
export function toDateTimeLocalValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** An `<input type="datetime-local">` value, read in the runtime's own time zone, as an ISO instant; null when empty or invalid. */
export function fromDateTimeLocalValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The runtime's own IANA time zone (the browser's, in the admin panel). */
export const ownTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
