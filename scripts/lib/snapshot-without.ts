/**
 * A copy of a snapshot without some entries: the view a release is built from when
 * entries are left out. The pulled snapshot is never changed. In the copy,
 *
 * - each left-out entry is gone from entries/<type>.<locale>.json;
 * - no other entry links to it: relations to it are dropped (as if it were not
 *   published), and its locale is dropped from its translations' `translations`,
 *   so no page, list, feed, hreflang or search record points at it;
 * - an entry that becomes invalid that way (a required relation to it) is left out
 *   too, and said so;
 * - the manifest counts what is left and lists every left-out entry as a warning;
 * - media files are hard links to the snapshot's (copies across file systems).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CREDENTIALS_DIR,
  ENTRIES_DIR,
  entriesFile,
  getCollection,
  getComponent,
  MANIFEST_FILE,
  MEDIA_DIR,
  readManifest,
  validateEntry,
  type Fields,
} from '@ssc/content-schemas';
import { addLeftOut, asWarning, entryKey, type LeftOutEntry } from './left-out.ts';
import { readRawEntries, type RawEntry, type RawFile } from './raw-snapshot.ts';

type Json = Record<string, unknown>;
interface Reference {
  documentId: string;
  slug: string;
}

/** `value` without its relations to documents in `gone` (keys `<type>:<locale>:<documentId>`); the names of the fields that lost one. */
function withoutLinksTo(fields: Fields, value: Json, locale: string, gone: Set<string>, at = ''): { value: Json; dropped: string[] } {
  const out: Json = { ...value };
  const dropped: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const v = value[name];
    if (field.kind === 'relation') {
      const isGone = (ref: Reference) => gone.has(entryKey({ type: field.target, locale, documentId: ref.documentId }));
      if (field.multiple && Array.isArray(v)) {
        const kept = (v as Reference[]).filter((ref) => !isGone(ref));
        if (kept.length !== v.length) dropped.push(`${at}${name}`);
        out[name] = kept;
      } else if (v && isGone(v as Reference)) {
        dropped.push(`${at}${name}`);
        out[name] = null;
      }
    } else if (field.kind === 'component' && v) {
      const inner = getComponent(field.component).fields;
      if (field.repeatable && Array.isArray(v)) {
        out[name] = v.map((c: Json, i: number) => {
          const r = withoutLinksTo(inner, c, locale, gone, `${at}${name}.${i}.`);
          dropped.push(...r.dropped);
          return r.value;
        });
      } else if (!field.repeatable) {
        const r = withoutLinksTo(inner, v as Json, locale, gone, `${at}${name}.`);
        dropped.push(...r.dropped);
        out[name] = r.value;
      }
    }
  }
  return { value: out, dropped };
}

/** Every entry but the left-out ones, with no link to them; entries that this makes invalid are added to `leftOut`. */
export function entriesWithout(files: RawFile[], leftOut: LeftOutEntry[]): RawFile[] {
  for (;;) {
    const gone = new Set(leftOut.map(entryKey));
    const kept: RawFile[] = [];
    const invalid: LeftOutEntry[] = [];
    for (const file of files) {
      const fields = getCollection(file.collection).fields;
      const entries: RawEntry[] = [];
      for (const raw of file.entries) {
        // (An entry too broken to have a document id was named '(unknown)' by the validation stage.)
        const documentId = typeof raw?.documentId === 'string' ? raw.documentId : '(unknown)';
        if (!raw || typeof raw !== 'object' || gone.has(entryKey({ type: file.collection, locale: file.locale, documentId }))) continue;
        const { value, dropped } = withoutLinksTo(fields, raw, file.locale, gone);
        if (Array.isArray(raw.translations)) {
          value.translations = (raw.translations as string[]).filter(
            (l) => !gone.has(entryKey({ type: file.collection, locale: l, documentId: raw.documentId })),
          );
        }
        const check = dropped.length ? validateEntry(file.collection, value) : { ok: true as const };
        if (!check.ok) {
          const field = check.problems.map((p) => p.field).find((f) => dropped.includes(f)) ?? check.problems[0].field;
          invalid.push({
            stage: 'validation',
            type: file.collection,
            documentId,
            locale: file.locale,
            field,
            reason: `its required link ${field} points at an entry that was left out`,
          });
        }
        entries.push(value as RawEntry);
      }
      kept.push({ ...file, entries });
    }
    if (!addLeftOut(leftOut, invalid).length) return kept;
  }
}

/** Hard-links (or copies) every file of `from` into `to`. */
function linkFiles(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.linkSync(source, target);
    } catch {
      fs.copyFileSync(source, target);
    }
  }
}

/**
 * Writes to `targetDir` the snapshot at `sourceDir` without the entries of `leftOut`
 * (which grows by the entries that lose a required link). Returns `targetDir`.
 */
export function writeSnapshotWithout(sourceDir: string, targetDir: string, leftOut: LeftOutEntry[], files: RawFile[] = readRawEntries(sourceDir)): string {
  const manifest = readManifest(sourceDir);
  const kept = entriesWithout(files, leftOut);
  fs.rmSync(targetDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(targetDir, ENTRIES_DIR), { recursive: true });
  const counts: Record<string, Record<string, number>> = {};
  for (const file of kept) {
    fs.writeFileSync(path.join(targetDir, entriesFile(file.collection, file.locale)), JSON.stringify(file.entries));
    (counts[file.collection] ??= {})[file.locale] = file.entries.length;
  }
  const derived = { ...manifest, counts, warnings: [...manifest.warnings, ...leftOut.map(asWarning)] };
  fs.writeFileSync(path.join(targetDir, MANIFEST_FILE), JSON.stringify(derived, null, 2));
  linkFiles(path.join(sourceDir, MEDIA_DIR), path.join(targetDir, MEDIA_DIR));
  // The issuer profile and revocation list the site publishes (no entry's data: kept whole).
  linkFiles(path.join(sourceDir, CREDENTIALS_DIR), path.join(targetDir, CREDENTIALS_DIR));
  return targetDir;
}
