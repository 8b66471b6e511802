/**
 * A snapshot's entries as they are on disk, before validation: what the release
 * step needs to judge each entry on its own and to write a copy without some.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collections, entriesFile, localeCodes, type CollectionName, type LocaleCode } from '@ssc/content-schemas';

export type RawEntry = Record<string, unknown> & { documentId: string; locale: string };

export interface RawFile {
  collection: CollectionName;
  locale: LocaleCode;
  entries: RawEntry[];
}

/** Every entries/<collection>.<locale>.json of the snapshot at `dir` (missing files are empty). */
export function readRawEntries(dir: string): RawFile[] {
  const files: RawFile[] = [];
  for (const collection of collections) {
    for (const locale of localeCodes) {
      const file = path.join(dir, entriesFile(collection.name, locale));
      const entries = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RawEntry[]) : [];
      files.push({ collection: collection.name, locale, entries });
    }
  }
  return files;
}
