/**
 * "Newest first" for search results, kept out of Pagefind's index metadata.
 *
 * Pagefind can sort by a `data-pagefind-sort` key, but it stores every sort as a list
 * of all the language's pages inside the metadata that each first search downloads:
 * about 4 KB gzip at 2,000 pages a language, paid by every reader, sorting or not.
 * Instead, this writes one small file per language, `date-order.<language>.json`:
 * the ids of the dated pages (Pagefind's result ids, its fragment names), newest
 * first. The search page fetches it only when the reader asks for the date order,
 * and sorts the results by it. Pages without a date (theme pages) have no place in
 * it and are left out of a date-sorted list, as Pagefind's own sort would.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { RESULT_DATE } from '../src/lib/search-result-fields.ts';

/** The bytes in front of every decoded Pagefind file. */
export const PAGEFIND_SIGNATURE = 'pagefind_dcd';
const FRAGMENT = /^(.+)_([0-9a-f]+)\.pf_fragment$/;

export function dateOrderFile(language: string): string {
  return `date-order.${language}.json`;
}

/** What Pagefind stored about one indexed page (a fragment file), as far as this site reads it. */
export interface StoredPage {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Decodes a fragment file of a Pagefind bundle (gzip, signature, JSON). */
export function readStoredPage(file: string): StoredPage {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).subarray(PAGEFIND_SIGNATURE.length).toString('utf8')) as StoredPage;
}

/**
 * Writes the date order of each language indexed in `bundleDir`; returns how many
 * pages each lists, and the date of every fragment (null for none). Fragment names
 * carry a digest of their content, so a fragment named in `known` (the dates of an
 * earlier bundle) has that date and is not read again.
 */
export function writeDateOrders(
  bundleDir: string,
  known: Record<string, string | null> = {},
): { counts: Record<string, number>; dates: Record<string, string | null> } {
  const fragmentDir = path.join(bundleDir, 'fragment');
  const dated = new Map<string, { id: string; date: string }[]>();
  const dates: Record<string, string | null> = {};
  for (const name of fs.readdirSync(fragmentDir)) {
    const match = FRAGMENT.exec(name);
    if (!match) continue;
    const date = (dates[name] = name in known ? known[name] : (readStoredPage(path.join(fragmentDir, name)).filters[RESULT_DATE]?.[0] ?? null));
    if (!dated.has(match[1])) dated.set(match[1], []);
    if (date) dated.get(match[1])!.push({ id: `${match[1]}_${match[2]}`, date });
  }
  const counts: Record<string, number> = {};
  for (const [language, pages] of dated) {
    pages.sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1));
    fs.writeFileSync(path.join(bundleDir, dateOrderFile(language)), JSON.stringify(pages.map((p) => p.id)));
    counts[language] = pages.length;
  }
  return { counts, dates };
}
