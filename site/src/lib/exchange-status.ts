/**
 * The solutions exchange on a build: the build's day and stale age, and what an entry's pages show that depends
 * on them. The rules themselves (when a record is open, when stale) are content-schemas' exchange-status.ts, which
 * the CMS's partner API follows too. Only open records are in the lists, feeds and home page; every record keeps
 * its page. Plain TypeScript (no Astro), so that the build's inputs (site/lib/build-inputs.ts) and the tests read
 * the same settings.
 */
import { DEFAULT_STALE_DAYS, isListed, isStale, type ExchangeRecord } from '@ssc/content-schemas';

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

export interface ExchangeStatus {
  /** Verified longer ago than the stale age (only entries with a `lastVerified`). */
  stale: boolean;
  listed: boolean;
}

/** What an entry's pages show that depends on the build's day; undefined for entries these rules do not touch. */
export function exchangeStatus(entry: ExchangeRecord & { lastVerified?: unknown }, settings: ExchangeSettings): ExchangeStatus | undefined {
  if (typeof entry.lastVerified !== 'string' && entry.type !== 'offer' && entry.type !== 'demand') return undefined;
  return {
    stale: typeof entry.lastVerified === 'string' && isStale(entry.lastVerified, settings.today, settings.staleDays),
    listed: isListed(entry, settings.today),
  };
}
