/**
 * The cheap half of an incremental pull: the version of every published entry,
 * listed from the content API without content (`fields` = documentId and
 * updatedAt, and an empty `populate`, so the CMS's default populate of whole
 * entries is not applied), 100 to a page, a few requests at a time.
 */
import { collections, localeCodes } from '@ssc/content-schemas';
import { getJson, mapLimited } from './cms-read.ts';
import { entryKey, type EntryVersions } from './pull-changes.ts';

export interface ListingOptions {
  cmsUrl: string;
  token: string;
  pageSize?: number;
  concurrency?: number;
}

async function listOne(options: ListingOptions, pluralName: string, locale: string): Promise<{ documentId: string; version: string }[]> {
  const out: { documentId: string; version: string }[] = [];
  const pageSize = options.pageSize ?? 100;
  for (let page = 1; ; page++) {
    const url = `${options.cmsUrl}/api/${pluralName}?locale=${locale}&status=published&fields[0]=documentId&fields[1]=updatedAt&populate=&pagination[page]=${page}&pagination[pageSize]=${pageSize}&sort[0]=documentId:asc`;
    const body = await getJson(url, options.token);
    for (const row of body.data) out.push({ documentId: row.documentId, version: `${row.id}@${row.updatedAt}` });
    if (page >= (body.meta?.pagination?.pageCount ?? 1)) return out;
  }
}

/** Every published entry's version, by entry key. */
export async function listEntryVersions(options: ListingOptions): Promise<EntryVersions> {
  const jobs = collections.flatMap((c) => localeCodes.map((locale) => ({ c, locale })));
  const lists = await mapLimited(jobs, options.concurrency ?? 3, ({ c, locale }) => listOne(options, c.pluralName, locale));
  const versions: EntryVersions = {};
  jobs.forEach(({ c, locale }, i) => {
    for (const { documentId, version } of lists[i]) versions[entryKey(c.name, locale, documentId)] = version;
  });
  return versions;
}
