/**
 * Entries a release leaves out: one document in one locale that failed validation,
 * failed to render, or whose page failed the audit. The rest of the site goes live
 * without it (and without every link to it); the build report names each one.
 */
import type { EntryProblem, LeftOutSummary } from '@ssc/content-schemas';

/** Where the build leaves an entry out (the pull's own problems are warnings of the snapshot). */
export type LeftOutStage = Exclude<LeftOutSummary['stage'], 'pull'>;

export interface LeftOutEntry {
  stage: LeftOutStage;
  type: string;
  documentId: string;
  locale: string;
  /** The field at fault, when it is known. */
  field?: string;
  /** The page the problem was found on (render and audit), when there is one. */
  page?: string;
  reason: string;
}

/** The key of one entry: `<type>:<locale>:<documentId>`. */
export const entryKey = (e: { type: string; locale: string; documentId: string }) => `${e.type}:${e.locale}:${e.documentId}`;

export function formatLeftOut(e: LeftOutEntry): string {
  return `${e.stage}: ${e.type} ${e.documentId} [${e.locale}]${e.field ? ` ${e.field}` : ''}${e.page ? ` (${e.page})` : ''}: ${e.reason}`;
}

/** As a manifest warning of the snapshot the release was built from. */
export const asWarning = (e: LeftOutEntry): EntryProblem => ({
  type: e.type,
  documentId: e.documentId,
  locale: e.locale,
  field: e.field ?? '(entry)',
  message: `left out of the release (${e.stage}): ${e.reason}`,
});

/** Adds the entries of `more` not yet in `list`; returns those added. */
export function addLeftOut(list: LeftOutEntry[], more: LeftOutEntry[]): LeftOutEntry[] {
  const known = new Set(list.map(entryKey));
  const added: LeftOutEntry[] = [];
  for (const e of more) {
    if (known.has(entryKey(e))) continue;
    known.add(entryKey(e));
    list.push(e);
    added.push(e);
  }
  return added;
}
