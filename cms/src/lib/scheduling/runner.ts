/**
 * Runs due schedules, on every CMS node, without a per-process decision about who
 * runs what: each node polls the table every SCHEDULER_POLL_SECONDS and, for each
 * due schedule, opens one database transaction in which it claims the schedule with a
 * conditional update, publishes or unpublishes through the document service, and
 * marks it done. Another node's claim of the same row waits for that transaction and
 * then finds nothing to claim, so each schedule runs once; a node that dies mid-way
 * leaves the transaction rolled back and the schedule pending for the next poll.
 * Schedules live in the database, so they survive restarts: one due while every
 * node was down runs at the next start.
 *
 * Before acting, the job goes through the content manager's checks for the editor
 * who made it, with their roles as they are now. Whatever stops it (the right
 * withdrawn, the account gone, the entry deleted or invalid) marks it failed with
 * the reason, after the transaction is rolled back.
 *
 * The document service emits entry.publish / entry.unpublish once the transaction
 * commits, so the "Site rebuild" webhook and the partner change log (a document
 * middleware) see a scheduled publish as they see one made by hand.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Core } from '@strapi/strapi';
import { collectionByUid } from '../model';
import { failureReason } from './failure-reason';
import { abilityOf, editorName, findAdminUser, mayAct } from './permissions';
import { claimSchedule, dueScheduleIds, failPendingSchedule, findSchedule, finishSchedule, type ScheduleRow } from './store';

/** A reason a job is refused before it acts. */
export class ScheduleRefused extends Error {}

const BATCH = 20;

/** This process's name in `claimedBy`: host, process id and a random suffix. */
export const nodeName = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

type Documents = {
  findOne(params: { documentId: string; locale: string; status: 'draft' | 'published' }): Promise<(Record<string, unknown> & { locale: string }) | null>;
  publish(params: { documentId: string; locale: string }): Promise<unknown>;
  unpublish(params: { documentId: string; locale: string }): Promise<unknown>;
};

const documents = (strapi: Core.Strapi, uid: string) => strapi.documents(uid as Parameters<Core.Strapi['documents']>[0]) as unknown as Documents;

/** Checks the job as its editor, then acts. Returns the result message; throws ScheduleRefused or the document service's error. */
async function perform(strapi: Core.Strapi, job: ScheduleRow): Promise<string> {
  const collection = collectionByUid.get(job.entryUid);
  if (!collection) throw new ScheduleRefused(`${job.entryUid} is no longer a content type of the site`);
  const user = await findAdminUser(strapi, job.editorId);
  const who = user ? editorName(user) : (job.editorName ?? `admin user ${job.editorId}`);
  if (!user) throw new ScheduleRefused(`the account of ${who}, who scheduled it, no longer exists`);
  if (user.isActive !== true) throw new ScheduleRefused(`the account of ${who}, who scheduled it, is no longer active`);
  const ability = await abilityOf(strapi, user);
  const docs = documents(strapi, job.entryUid);
  const where = { documentId: job.entryDocumentId, locale: job.entryLocale };
  const place = `${collection.name} ${job.entryDocumentId} in the "${job.entryLocale}" locale`;
  if (job.action === 'publish') {
    const draft = await docs.findOne({ ...where, status: 'draft' });
    if (!draft) throw new ScheduleRefused(`the entry no longer exists: ${place}`);
    if (!mayAct(strapi, ability, job.entryUid, 'publish', draft)) throw new ScheduleRefused(`${who} may no longer publish ${place}`);
    await docs.publish(where);
    return `Published by the scheduler for ${who}`;
  }
  const published = await docs.findOne({ ...where, status: 'published' });
  if (!published) {
    const draft = await docs.findOne({ ...where, status: 'draft' });
    throw new ScheduleRefused(draft ? `it was not published: ${place}` : `the entry no longer exists: ${place}`);
  }
  if (!mayAct(strapi, ability, job.entryUid, 'unpublish', published)) throw new ScheduleRefused(`${who} may no longer unpublish ${place}`);
  await docs.unpublish(where);
  return `Unpublished by the scheduler for ${who}`;
}

export type RunOutcome = 'done' | 'failed' | 'skipped';

/** Runs one schedule if this node gets it: claim, checks, action and result in one transaction. */
export async function runSchedule(strapi: Core.Strapi, id: number, node = nodeName, now = new Date()): Promise<RunOutcome> {
  try {
    const ran = await strapi.db.transaction(async () => {
      if (!(await claimSchedule(strapi, id, node, now))) return false;
      const job = await findSchedule(strapi, id);
      if (!job) return false;
      await finishSchedule(strapi, id, await perform(strapi, job));
      return true;
    });
    return ran ? 'done' : 'skipped';
  } catch (error) {
    const reason = failureReason(error);
    // The transaction was rolled back: the schedule is pending again, unless another node or a cancel settled it.
    const failed = await failPendingSchedule(strapi, id, node, reason);
    if (failed) strapi.log.warn(`[scheduler] schedule ${id} failed: ${reason}`);
    return failed ? 'failed' : 'skipped';
  }
}

/** Runs every schedule due now, in due order, as far as this node claims them. */
export async function runDueSchedules(strapi: Core.Strapi, node = nodeName): Promise<Record<RunOutcome, number>> {
  const counts: Record<RunOutcome, number> = { done: 0, failed: 0, skipped: 0 };
  // A bounded number of batches per poll: whatever is left waits for the next one.
  for (let batch = 0; batch < 10; batch++) {
    const now = new Date();
    const ids = await dueScheduleIds(strapi, now, BATCH);
    for (const id of ids) counts[await runSchedule(strapi, id, node, now)]++;
    if (ids.length < BATCH) break;
  }
  return counts;
}

export interface SchedulerLoop {
  stop(): Promise<void>;
}

/** Polls every `intervalMs` (one poll at a time; the timer never keeps the process alive). */
export function startSchedulerLoop(strapi: Core.Strapi, intervalMs: number, node = nodeName): SchedulerLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;
  const tick = () => {
    current = runDueSchedules(strapi, node)
      .then((c) => {
        if (c.done || c.failed) strapi.log.info(`[scheduler] ${node}: ${c.done} done, ${c.failed} failed`);
      })
      .catch((error: unknown) => void strapi.log.error(`[scheduler] poll failed: ${failureReason(error)}`))
      .finally(() => {
        current = null;
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
