/**
 * The snapshot the site tests build: the hand-made fixture (fixtures/snapshot),
 * completed for the model's locales. A locale the model has and the fixture lacks
 * gets a copy of every English entry, as if each were translated, so a new language
 * is built and tested like the others without new fixture files. (A new content type
 * without fixture entries simply has none: its lists and feeds are empty.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collections, defaultLocale, entriesFile, localeCodes, MANIFEST_FILE, type SnapshotManifest } from '@ssc/content-schemas';

export const fixtureSnapshot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'snapshot');

type Entry = { documentId: string; locale: string; translations: string[] } & Record<string, unknown>;

/**
 * The fixture at `source` if it has every locale of the model; else a copy of it in
 * `target` with the missing locales added from English. Returns the folder to build.
 */
export function completeFixture(target: string, source = fixtureSnapshot): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(source, MANIFEST_FILE), 'utf8')) as SnapshotManifest;
  const missing = localeCodes.filter((l) => !manifest.locales.includes(l));
  if (missing.length === 0) return source;
  fs.cpSync(source, target, { recursive: true });
  const read = (collection: string, locale: string): Entry[] => {
    const file = path.join(target, entriesFile(collection, locale));
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Entry[]) : [];
  };
  const write = (collection: string, locale: string, entries: Entry[]) =>
    fs.writeFileSync(path.join(target, entriesFile(collection, locale)), `${JSON.stringify(entries, null, 2)}\n`);
  for (const { name } of collections) {
    const english = new Set(read(name, defaultLocale).map((e) => e.documentId));
    // Every existing translation of a document published in English now lists the new locales too.
    for (const locale of manifest.locales) {
      write(
        name,
        locale,
        read(name, locale).map((e) => (english.has(e.documentId) ? { ...e, translations: [...e.translations, ...missing] } : e)),
      );
    }
    const copies = read(name, defaultLocale);
    for (const locale of missing)
      write(
        name,
        locale,
        copies.map((e) => ({ ...structuredClone(e), locale })),
      );
    for (const locale of missing) (manifest.counts[name] ??= {})[locale] = copies.length;
  }
  manifest.locales = [...manifest.locales, ...missing];
  fs.writeFileSync(path.join(target, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}
