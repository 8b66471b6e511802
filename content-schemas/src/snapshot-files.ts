/**
 * The snapshot on disk:
 *
 *   <snapshot>/manifest.json                    time, source, locales, counts, warnings
 *   <snapshot>/entries/<collection>.<locale>.json  array of entries (one document in one locale each)
 *   <snapshot>/media/<file>                     every file the entries reference (`path` is relative to <snapshot>)
 *
 * The pull step writes it; the site reads it with `readSnapshot`, which validates
 * every entry again so that a hand-made or stale snapshot fails loudly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localeCodes, type LocaleCode } from './locales.ts';
import { collections, type CollectionName } from './model.ts';
import { formatProblem, manifestSchema, validateEntry, type EntryProblem, type SnapshotEntry, type SnapshotManifest } from './snapshot.ts';

export const MANIFEST_FILE = 'manifest.json';
export const ENTRIES_DIR = 'entries';
export const MEDIA_DIR = 'media';

export const entriesFile = (collection: string, locale: string) => path.join(ENTRIES_DIR, `${collection}.${locale}.json`);

export type SnapshotEntries = { [N in CollectionName]: Record<LocaleCode, SnapshotEntry<N>[]> };

export interface Snapshot {
  dir: string;
  manifest: SnapshotManifest;
  entries: SnapshotEntries;
}

export class SnapshotError extends Error {
  readonly problems: EntryProblem[];
  constructor(message: string, problems: EntryProblem[] = []) {
    super(problems.length ? `${message}\n  ${problems.map(formatProblem).join('\n  ')}` : message);
    this.name = 'SnapshotError';
    this.problems = problems;
  }
}

/** Reads and validates a snapshot's manifest only (time, source, counts, warnings). */
export function readManifest(dir: string): SnapshotManifest {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath)) throw new SnapshotError(`No snapshot at ${dir}: ${MANIFEST_FILE} is missing`);
  const manifest = manifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestPath, 'utf8')));
  if (!manifest.success) throw new SnapshotError(`Invalid ${manifestPath}: ${manifest.error.message}`);
  return manifest.data;
}

/** Reads and validates a whole snapshot; throws a SnapshotError naming every problem. */
export function readSnapshot(dir: string): Snapshot {
  const manifest = readManifest(dir);
  const problems: EntryProblem[] = [];
  const entries = {} as Record<string, Record<string, unknown[]>>;
  for (const collection of collections) {
    entries[collection.name] = {};
    for (const locale of localeCodes) {
      const file = path.join(dir, entriesFile(collection.name, locale));
      const raw: unknown[] = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
      const valid: unknown[] = [];
      for (const item of raw) {
        const result = validateEntry(collection.name, item);
        if (!result.ok) problems.push(...result.problems);
        else if (result.entry.locale !== locale) {
          problems.push({
            type: collection.name,
            documentId: String(result.entry.documentId),
            locale,
            field: 'locale',
            message: `entry in ${file} has locale ${String(result.entry.locale)}`,
          });
        } else valid.push(result.entry);
      }
      entries[collection.name][locale] = valid;
    }
  }
  for (const media of listMediaPaths(entries)) {
    if (!fs.existsSync(path.join(dir, media)))
      problems.push({ type: 'media', documentId: '-', locale: '-', field: media, message: 'file is missing from the snapshot' });
  }
  if (problems.length) throw new SnapshotError(`Snapshot ${dir} is invalid`, problems);
  return { dir, manifest, entries: entries as unknown as SnapshotEntries };
}

/** Every media `path` referenced anywhere in the entries. */
export function listMediaPaths(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) listMediaPaths(v, found);
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.path === 'string' && typeof obj.mime === 'string' && 'sizeBytes' in obj) found.add(obj.path);
    else for (const v of Object.values(obj)) listMediaPaths(v, found);
  }
  return found;
}
