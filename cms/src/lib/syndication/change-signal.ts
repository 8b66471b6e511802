/**
 * Where this node stands in the change log. Responses are cached per node and stay
 * valid while the newest change id is the same. A node learns of its own writes at
 * once (`markChanged`), and of other nodes' writes by reading the newest id again
 * when its last reading is older than SYNDICATION_FRESHNESS_MS.
 */
import type { Core } from '@strapi/strapi';
import { CHANGE_UID } from './names';

let known: { seq: number; readAt: number } | undefined;
let pending: Promise<number> | undefined;
let generation = 0;

/** Called after this node committed changes: the next request reads the log again. */
export function markChanged(): void {
  generation += 1;
  known = undefined;
  pending = undefined;
}

async function readNewestSeq(strapi: Core.Strapi): Promise<number> {
  const newest = await strapi.db.query(CHANGE_UID).findOne({ select: ['id'], orderBy: { id: 'desc' } });
  return newest ? Number(newest.id) : 0;
}

/** The newest change id, read from the database at most once per `freshnessMs`. */
export async function newestSeq(strapi: Core.Strapi, freshnessMs: number): Promise<number> {
  if (known && Date.now() - known.readAt < freshnessMs) return known.seq;
  if (!pending) {
    // One reading at a time, shared by the requests that wait for it; a reading
    // that started before a local change is not kept.
    const startedIn = generation;
    const readAt = Date.now();
    const reading = readNewestSeq(strapi).then((seq) => {
      if (startedIn === generation) known = { seq, readAt };
      return seq;
    });
    pending = reading.finally(() => {
      if (pending === settled) pending = undefined;
    });
    const settled = pending;
  }
  return pending;
}
