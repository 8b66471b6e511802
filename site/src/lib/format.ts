/**
 * Dates, numbers, sizes, durations and language names, formatted with Intl in the
 * page's locale (its BCP-47 tag from the model's locale list).
 */
import { getLocale, type LocaleCode } from '@ssc/content-schemas';

const tagOf = (locale: LocaleCode) => getLocale(locale).tag;

/**
 * Intl formatters are costly to make and a build formats the same few ways tens of
 * thousands of times (a date on every list entry): each is made once per locale and
 * set of options.
 */
const formatters = new Map<string, { format(value: never): string }>();
function formatter<F extends { format(value: never): string }>(kind: string, locale: LocaleCode, options: object, make: (tag: string) => F): F {
  const key = `${kind}\0${locale}\0${JSON.stringify(options)}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) {
    found = make(tagOf(locale));
    formatters.set(key, found);
  }
  return found;
}
const numberFormat = (locale: LocaleCode, options: Intl.NumberFormatOptions = {}) =>
  formatter('number', locale, options, (tag) => new Intl.NumberFormat(tag, options));

/** A calendar date (YYYY-MM-DD) in long form. Formatted in UTC so the day never shifts. */
export function formatDate(locale: LocaleCode, isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
  return formatter('date', locale, options, (tag) => new Intl.DateTimeFormat(tag, options)).format(date);
}

export function formatNumber(locale: LocaleCode, value: number): string {
  return numberFormat(locale).format(value);
}

/** A file size in decimal units (kB, MB, GB), e.g. "1.2 MB" or "1,2 Mo". */
export function formatBytes(locale: LocaleCode, bytes: number): string {
  const units = [
    ['gigabyte', 1e9],
    ['megabyte', 1e6],
    ['kilobyte', 1e3],
  ] as const;
  const [unit, size] = units.find(([, s]) => bytes >= s) ?? ['byte', 1];
  const value = bytes / size;
  return numberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0,
  }).format(value);
}

/** A number of hours, e.g. "4 hours" or "1.5 horas". */
export function formatHours(locale: LocaleCode, hours: number): string {
  return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 2 }).format(hours);
}

export function formatMinutes(locale: LocaleCode, minutes: number): string {
  return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(minutes);
}

/** The part of Intl.DurationFormat used here (not yet in TypeScript's ES2023 lib). */
interface DurationFormatter {
  format(duration: { hours?: number; minutes?: number; seconds?: number }): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: 'short' | 'long' | 'narrow' | 'digital' }) => DurationFormatter;

/** A video length, e.g. "1 hr, 2 min"; falls back to minutes where DurationFormat is missing. */
export function formatDuration(locale: LocaleCode, totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (!DurationFormat) return formatMinutes(locale, Math.max(1, Math.round(totalSeconds / 60)));
  const parts = { ...(hours ? { hours } : {}), ...(minutes ? { minutes } : {}), ...(seconds || totalSeconds === 0 ? { seconds } : {}) };
  return formatter('duration', locale, { style: 'short' }, (tag) => new DurationFormat(tag, { style: 'short' })).format(parts);
}

/** A language's name in the page's language, e.g. "chinois simplifié" on a French page. */
export function languageName(locale: LocaleCode, languageTag: string): string {
  try {
    return new Intl.DisplayNames([tagOf(locale)], { type: 'language' }).of(languageTag) ?? languageTag;
  } catch {
    return languageTag;
  }
}

/** A short format label from a MIME type or file name: "PDF", "MP4", "VTT". */
export function formatLabel(mime: string, name: string): string {
  const extension = /\.([a-z0-9]{2,5})$/i.exec(name)?.[1];
  if (extension) return extension.toUpperCase();
  const subtype = mime.split('/')[1] ?? mime;
  return subtype
    .replace(/^x-/, '')
    .split(/[.+;-]/)[0]
    .toUpperCase();
}

/** A list of names joined the way the page's language does ("a, b and c", "甲、乙和丙"). */
export function formatList(locale: LocaleCode, values: readonly string[]): string {
  return new Intl.ListFormat(tagOf(locale), { style: 'long', type: 'conjunction' }).format(values);
}

export type ListPart = { kind: 'item'; index: number } | { kind: 'literal'; value: string };

/** The separators of a list of `count` elements, for lists whose elements are links. */
export function listParts(locale: LocaleCode, count: number): ListPart[] {
  const placeholders = Array.from({ length: count }, (_, i) => `\u0000${i}\u0000`);
  let next = 0;
  return new Intl.ListFormat(tagOf(locale), { style: 'long', type: 'conjunction' })
    .formatToParts(placeholders)
    .map((part): ListPart => (part.type === 'element' ? { kind: 'item', index: next++ } : { kind: 'literal', value: part.value }));
}
