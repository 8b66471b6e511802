/** The scheduler's settings, from the environment. */

/** How often each CMS node looks for due schedules: SCHEDULER_POLL_SECONDS (default 5, 1 to 300). */
export function pollIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SCHEDULER_POLL_SECONDS;
  if (raw === undefined || raw.trim() === '') return 5_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 300) {
    throw new Error(`SCHEDULER_POLL_SECONDS must be a number of seconds from 1 to 300, not "${raw}"`);
  }
  return Math.round(seconds * 1000);
}

/** SCHEDULER_ENABLED=false stops this node from running schedules (it still stores them). */
export const schedulerEnabled = (env: Record<string, string | undefined> = process.env): boolean =>
  !['false', '0', 'no', 'off'].includes((env.SCHEDULER_ENABLED ?? '').trim().toLowerCase());
