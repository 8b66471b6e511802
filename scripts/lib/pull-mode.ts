/**
 * Whether a rebuild may pull incrementally (see pull.ts `previous`). Only entry
 * events are known to move an entry's version; a replaced or deleted media file
 * changes entries without touching them, and a bare call ("Rebuild now", the
 * webhook's Trigger button) is someone asking for a fresh look: those pull in full.
 * SSC_INCREMENTAL_PULL=false turns incremental pulls off altogether.
 */
export function mayPullIncrementally(events: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (/^(0|false|no|off)$/i.test(env.SSC_INCREMENTAL_PULL ?? '')) return false;
  return events.length > 0 && events.every((e) => /^entry\.(publish|unpublish|delete|update|create)\b/.test(e));
}
