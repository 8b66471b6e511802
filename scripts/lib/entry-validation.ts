/**
 * The validation stage of a release: every entry of the snapshot is checked on its
 * own (the content model's validators, the locale of the file it is in, its media
 * files present), so that one invalid entry is left out instead of failing the
 * whole snapshot. The pull already leaves out what it finds invalid; this catches a
 * snapshot made otherwise, or one read by a newer, stricter model.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listMediaPaths, validateEntry, type SnapshotEntries } from '@ssc/content-schemas';
import type { LeftOutEntry } from './left-out.ts';
import type { RawFile } from './raw-snapshot.ts';

export interface EntriesValidation {
  /** The entries that fail, each with its reason. */
  invalid: LeftOutEntry[];
  /** The entries that pass, as the content model's validators return them (what readSnapshot gives). */
  valid: SnapshotEntries;
}

/** Every entry of the snapshot checked on its own. */
export function validateRawEntries(snapshotDir: string, files: RawFile[]): EntriesValidation {
  const found: LeftOutEntry[] = [];
  const valid = {} as Record<string, Record<string, unknown[]>>;
  for (const { collection, locale, entries } of files) {
    const passed: unknown[] = [];
    (valid[collection] ??= {})[locale] = passed;
    for (const raw of entries) {
      const documentId = typeof raw?.documentId === 'string' ? raw.documentId : '(unknown)';
      const result = validateEntry(collection, raw);
      if (!result.ok) {
        const first = result.problems[0];
        found.push({
          stage: 'validation',
          type: collection,
          documentId,
          locale,
          field: first.field,
          reason: result.problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        });
        continue;
      }
      if (raw.locale !== locale) {
        found.push({
          stage: 'validation',
          type: collection,
          documentId,
          locale,
          field: 'locale',
          reason: `entry of locale ${String(raw.locale)} in the ${locale} file`,
        });
        continue;
      }
      const missing = [...listMediaPaths(raw)].filter((media) => !fs.existsSync(path.join(snapshotDir, media)));
      if (missing.length)
        found.push({ stage: 'validation', type: collection, documentId, locale, reason: `media missing from the snapshot: ${missing.join(', ')}` });
      else passed.push(result.entry);
    }
  }
  return { invalid: found, valid: valid as unknown as SnapshotEntries };
}

/** The entries of the snapshot that fail validation, each with its reason. */
export function invalidEntries(snapshotDir: string, files: RawFile[]): LeftOutEntry[] {
  return validateRawEntries(snapshotDir, files).invalid;
}
