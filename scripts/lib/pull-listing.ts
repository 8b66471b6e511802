/**
 * The cheap half of an incremental pull: the version of every published entry, in
 * one answer from the CMS's `/api/pipeline/versions` (cms/src/api/pipeline/), which the
 * read-only build token may call.
 */
import { PullError, getJson } from './cms-read.ts';
import type { EntryVersions } from './pull-changes.ts';

export interface ListingOptions {
  cmsUrl: string;
  token: string;
}

/** Every published entry's version, by entry key (`<type>:<locale>:<documentId>`). */
export async function listEntryVersions(options: ListingOptions): Promise<EntryVersions> {
  const body = (await getJson(`${options.cmsUrl}/api/pipeline/versions`, options.token)) as { data?: unknown };
  const data = body?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.values(data).every((v) => typeof v === 'string'))
    throw new PullError(`the CMS's entry versions (${options.cmsUrl}/api/pipeline/versions) are not a map of versions`);
  return data as EntryVersions;
}
