/**
 * The solutions exchange's rules that depend on the build's day: whether a record is
 * stale (its `lastVerified` older than EXCHANGE_STALE_DAYS, 365 by default) and
 * whether it is open (a demand that is open or in discussion, an offer whose
 * `validUntil` has not passed). Only open records are in the lists, feeds and home
 * page; every record keeps its page. Plain TypeScript (no Astro), so that the build's
 * inputs (site/lib/build-inputs.ts) and the tests read the same rules.
 */

/** How old a "last verified" date may be, in days, before the record is marked stale. */
export const DEFAULT_STALE_DAYS = 365;

/** The states in which a demand is still open to offers. */
export const OPEN_DEMAND_STATES: readonly string[] = ['open', 'in-discussion'];

export interface ExchangeSettings {
  /** The build's day, YYYY-MM-DD (UTC). */
  today: string;
  staleDays: number;
}

/** EXCHANGE_STALE_DAYS (a whole number of days, default 365) and SSC_BUILD_DAY (YYYY-MM-DD, default today in UTC). */
export function exchangeSettingsFrom(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): ExchangeSettings {
  const rawDays = env.EXCHANGE_STALE_DAYS?.trim();
  if (rawDays && !/^\d+$/.test(rawDays)) throw new Error(`EXCHANGE_STALE_DAYS must be a whole number of days, not "${rawDays}"`);
  const rawDay = env.SSC_BUILD_DAY?.trim();
  if (rawDay && !/^\d{4}-\d{2}-\d{2}$/.test(rawDay)) throw new Error(`SSC_BUILD_DAY must be a day as YYYY-MM-DD, not "${rawDay}"`);
  return { today: rawDay || now.toISOString().slice(0, 10), staleDays: rawDays ? Number(rawDays) : DEFAULT_STALE_DAYS };
}

let current: ExchangeSettings | undefined;
/** The settings of this build, read once. */
export const exchangeSettings = (): ExchangeSettings => (current ??= exchangeSettingsFrom());

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Is a record last verified on `lastVerified` stale on `today`? */
export function isStale(lastVerified: string, settings: ExchangeSettings): boolean {
  return dayNumber(settings.today) - dayNumber(lastVerified) > settings.staleDays;
}

/** The fields of an entry these rules read; other types have none of them. */
interface ExchangeFields {
  type: string;
  lastVerified?: unknown;
  state?: unknown;
  validUntil?: unknown;
}

/** Is an offer past its `validUntil` day? */
export const isExpired = (entry: ExchangeFields, settings: ExchangeSettings): boolean =>
  entry.type === 'offer' && typeof entry.validUntil === 'string' && entry.validUntil < settings.today;

/** Is a demand met or closed? */
export const isClosedDemand = (entry: ExchangeFields): boolean => entry.type === 'demand' && !OPEN_DEMAND_STATES.includes(String(entry.state));

/** Is an entry in the lists, feeds and home page: everything but expired offers and closed demands. */
export const isListed = (entry: ExchangeFields, settings: ExchangeSettings): boolean => !isExpired(entry, settings) && !isClosedDemand(entry);

export interface ExchangeStatus {
  /** Verified longer ago than the stale age (only entries with a `lastVerified`). */
  stale: boolean;
  listed: boolean;
}

/** What an entry's pages show that depends on the build's day; undefined for entries these rules do not touch. */
export function exchangeStatus(entry: ExchangeFields, settings: ExchangeSettings): ExchangeStatus | undefined {
  if (typeof entry.lastVerified !== 'string' && entry.type !== 'offer' && entry.type !== 'demand') return undefined;
  return { stale: typeof entry.lastVerified === 'string' && isStale(entry.lastVerified, settings), listed: isListed(entry, settings) };
}
