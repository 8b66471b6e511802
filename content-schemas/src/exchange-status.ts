/**
 * When a solutions-exchange record is open, and when it is stale: the one rule the site (its lists, feeds, home
 * page and stale marks) and the CMS (the partner API's `open` field and filter, the brokers' queue of open demands,
 * the ranking's validity) both follow.
 *
 * - A demand is open while its `state` is `open` or `in-discussion`; `met` and `closed` close it for good.
 * - An offer is open up to and including its `validUntil` day; without one it never expires.
 * - Other types neither open nor close: the rule says nothing of them (undefined).
 * - A record whose `lastVerified` is more than the stale age (365 days by default) before the day is stale.
 *
 * Days are `YYYY-MM-DD` (UTC), compared as text. The file has no imports, so that `npm run generate` can copy it as
 * it is into cms/src/generated/exchange-status.ts (the CMS's build cannot import content-schemas); the drift test
 * keeps that copy equal to this file. content-schemas/test/exchange-status.test.ts holds it to the model's enums.
 */

/** The field each type's openness is read from: a demand's state, an offer's last valid day. */
export const OPEN_RULE_FIELDS: Readonly<Record<string, 'state' | 'validUntil'>> = { demand: 'state', offer: 'validUntil' };

/** The types whose records open and close. */
export const CLOSING_TYPES: readonly string[] = Object.keys(OPEN_RULE_FIELDS);

/** The states in which a demand is still open to offers (of the model's DEMAND_STATES). */
export const OPEN_DEMAND_STATES: readonly string[] = ['open', 'in-discussion'];

/** The last open day of a record open with no end: an open demand, an offer without `validUntil`. */
export const OPEN_WITHOUT_END = '9999-12-31';

/** The last open day of a record closed whatever the day: a met or closed demand. */
export const CLOSED_FOR_GOOD = '0000-01-01';

/** How old a "last verified" day may be, in days, before the record is stale. */
export const DEFAULT_STALE_DAYS = 365;

/** The fields of a record these rules read (an entry of the snapshot, an item of the partner API, a profile). */
export interface ExchangeRecord {
  type: string;
  state?: unknown;
  validUntil?: unknown;
}

/** The day (YYYY-MM-DD, UTC) of an instant. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/**
 * The last day (YYYY-MM-DD) on which a record is open: OPEN_WITHOUT_END, CLOSED_FOR_GOOD or an offer's `validUntil`;
 * undefined for types that do not close. A record is open on a day when this is that day or later.
 */
export function lastOpenDay(record: ExchangeRecord): string | undefined {
  if (record.type === 'demand') return OPEN_DEMAND_STATES.includes(String(record.state)) ? OPEN_WITHOUT_END : CLOSED_FOR_GOOD;
  if (record.type === 'offer') return typeof record.validUntil === 'string' && record.validUntil ? record.validUntil.slice(0, 10) : OPEN_WITHOUT_END;
  return undefined;
}

/** Is the record open on `today` (YYYY-MM-DD)? undefined for types that do not close. */
export function isOpenOn(record: ExchangeRecord, today: string): boolean | undefined {
  const last = lastOpenDay(record);
  return last === undefined ? undefined : last >= today;
}

/** Is the record an offer past its `validUntil` day? */
export const isExpired = (record: ExchangeRecord, today: string): boolean => record.type === 'offer' && isOpenOn(record, today) === false;

/** Is the record a met or closed demand? */
export const isClosedDemand = (record: ExchangeRecord): boolean => record.type === 'demand' && lastOpenDay(record) === CLOSED_FOR_GOOD;

/** Does the record belong in open lists on `today`: everything but expired offers and met or closed demands. */
export const isListed = (record: ExchangeRecord, today: string): boolean => isOpenOn(record, today) !== false;

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** Is a record last verified on `lastVerified` stale on `today`, more than `staleDays` days later? */
export function isStale(lastVerified: string, today: string, staleDays: number = DEFAULT_STALE_DAYS): boolean {
  return dayNumber(today) - dayNumber(lastVerified) > staleDays;
}
