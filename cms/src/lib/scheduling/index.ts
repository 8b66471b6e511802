/**
 * Scheduled publishing and unpublishing, per entry and locale: the admin API
 * (admin-routes.ts) and the runner (runner.ts), started once the HTTP server
 * listens, so tools that load the CMS without serving (seed, tokens) never run
 * schedules.
 */
import type { Core } from '@strapi/strapi';
import { startSchedulerLoop, type SchedulerLoop } from './runner';
import { pollIntervalMs, schedulerEnabled } from './settings';

export { registerScheduleAdminRoutes } from './admin-routes';

let loop: SchedulerLoop | null = null;

/** Call in `bootstrap`: the runner starts when the server listens (unless SCHEDULER_ENABLED=false). */
export function startSchedulerWhenListening(strapi: Core.Strapi): void {
  if (!schedulerEnabled()) return;
  const intervalMs = pollIntervalMs();
  strapi.server.httpServer.once('listening', () => {
    loop = startSchedulerLoop(strapi, intervalMs);
    strapi.log.info(`[scheduler] running due schedules every ${intervalMs / 1000} s`);
  });
}

/** Call in `destroy`: waits for a poll in progress, then stops. */
export async function stopScheduler(): Promise<void> {
  await loop?.stop();
  loop = null;
}
