/**
 * The snapshot a draft preview is rendered from: a copy of the live snapshot in
 * which one entry, read from the CMS as it stands in the edit view (its draft, or
 * the published version when that is what the editor looks at), takes the place of
 * its published version, or is added when that locale was never published. It is
 * written into the preview service's own folder, never among the snapshots: no
 * pull, build or release ever reads it.
 *
 * The entry goes through the pull's own mapping (media brought in, `translations`
 * from the locales it is published in) and validation. Links to documents not
 * published in its locale are dropped, as the live site would (snapshot-without.ts);
 * a draft that cannot be shown (invalid, or a required link to such a document)
 * gives its problems instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getCollection, itemPath, MEDIA_DIR, validateEntry, type CollectionName, type EntryProblem } from '@ssc/content-schemas';
import { linkOrCopy } from './file-links.ts';
import { entryKey, type LeftOutEntry } from './left-out.ts';
import type { MediaStore } from './media-store.ts';
import { MediaCopier, missingLinks, snapshotEntry } from './pull.ts';
import { readRawEntries, type RawEntry, type RawFile } from './raw-snapshot.ts';
import { writeSnapshotWithout } from './snapshot-without.ts';

export interface PreviewSnapshotOptions {
  /** The snapshot the live site is built from (`snapshots/latest`). */
  liveSnapshotDir: string;
  /** Where the preview snapshot goes (replaced whole). */
  targetDir: string;
  /** The CMS the entry's media are downloaded from. */
  cmsUrl: string;
  /** The preview service's own media store (never the pull's). */
  store: MediaStore;
  type: CollectionName;
  /** The entry as the CMS's preview route gives it (a content-API shaped read). */
  raw: Record<string, any>;
}

export type PreviewSnapshot = { ok: true; dir: string; page: string } | { ok: false; problems: EntryProblem[] };

/** The output file of an item's page, e.g. `ar/news/some-slug/index.html`. */
export const itemPageFile = (type: CollectionName, locale: string, slug: string) =>
  `${itemPath(locale, getCollection(type).pluralName, slug).slice(1)}index.html`;

/** `files` with `entry` in place of its published version (or added), and its locale among its translations' `translations`. */
function withEntry(files: RawFile[], entry: RawEntry, type: CollectionName): RawFile[] {
  return files.map((file) => {
    if (file.collection !== type) return file;
    const others = file.entries.filter((e) => e.documentId !== entry.documentId);
    const translations = (e: RawEntry) => ({ ...e, translations: [...new Set([...((e.translations as string[]) ?? []), entry.locale])] });
    const mine = file.entries.filter((e) => e.documentId === entry.documentId).map(translations);
    return { ...file, entries: file.locale === entry.locale ? [...others, entry] : [...others, ...mine] };
  });
}

export async function writePreviewSnapshot(options: PreviewSnapshotOptions): Promise<PreviewSnapshot> {
  const collection = getCollection(options.type);
  // The entry's own media go to a folder beside the target first: writing the target starts by emptying it.
  const mediaDir = `${options.targetDir}.media`;
  fs.rmSync(mediaDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(mediaDir, MEDIA_DIR), { recursive: true });
  try {
    const media = new MediaCopier({ cmsUrl: options.cmsUrl }, mediaDir, options.store);
    const raw = { ...options.raw, publishedAt: options.raw.publishedAt ?? new Date().toISOString() };
    const entry = await snapshotEntry(collection, raw, media);
    const valid = validateEntry(options.type as never, entry);
    if (!valid.ok) return { ok: false, problems: valid.problems };

    const files = withEntry(readRawEntries(options.liveSnapshotDir), valid.entry as RawEntry, options.type);
    const present = new Set(files.flatMap((f) => f.entries.map((e) => entryKey({ type: f.collection, locale: f.locale, documentId: e.documentId }))));
    // Documents it links to that are not on the site in its locale: the links go, as on the live site.
    const leftOut: LeftOutEntry[] = missingLinks(collection, valid.entry, present).map(({ field, target }) => ({
      stage: 'validation',
      type: target.type,
      documentId: target.documentId,
      locale: entry.locale,
      field,
      reason: `not published in ${entry.locale}`,
    }));
    writeSnapshotWithout(options.liveSnapshotDir, options.targetDir, leftOut, files);
    const self = leftOut.find((e) => entryKey(e) === entryKey({ type: options.type, locale: entry.locale, documentId: entry.documentId }));
    if (self)
      return {
        ok: false,
        problems: [{ type: options.type, documentId: entry.documentId, locale: entry.locale, field: self.field ?? '-', message: self.reason }],
      };

    for (const name of fs.readdirSync(path.join(mediaDir, MEDIA_DIR))) {
      const target = path.join(options.targetDir, MEDIA_DIR, name);
      if (!fs.existsSync(target)) linkOrCopy(path.join(mediaDir, MEDIA_DIR, name), target);
    }
    options.store.save();
    return { ok: true, dir: options.targetDir, page: itemPageFile(options.type, entry.locale, entry.slug as string) };
  } finally {
    fs.rmSync(mediaDir, { recursive: true, force: true });
  }
}
