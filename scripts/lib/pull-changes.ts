/**
 * What an incremental pull must fetch again, worked out from plain data (no I/O).
 *
 * A pull records, next to its snapshot, the version of every published entry it
 * listed: `<type>:<locale>:<documentId>` → `<row id>@<updatedAt>` (Strapi 5 makes
 * a new published row on every publish, so the row id changes even when the time
 * would not). The next pull lists the same versions again, cheaply, and compares:
 * a document whose set of versions differs in any way (an edit, a publish or
 * unpublish of any locale, a delete) is fetched again in every locale, since the
 * other locales' `translations` depend on it. Everything else is copied from the
 * previous snapshot.
 */
import { getComponent, type CollectionDefinition, type Fields } from '@ssc/content-schemas';

/** Entry key → version, for every published entry the CMS listed. */
export type EntryVersions = Record<string, string>;

/** Written into each snapshot by the pull, read by the next incremental pull. */
export interface PullState {
  formatVersion: 1;
  /** The CMS the snapshot was pulled from: a pull from another one starts over. */
  source: string;
  versions: EntryVersions;
}

export const PULL_STATE_FILE = 'pull-state.json';

export const entryKey = (type: string, locale: string, documentId: string) => `${type}:${locale}:${documentId}`;
export const documentKey = (type: string, documentId: string) => `${type}:${documentId}`;

/** `type:locale:documentId` → `type:documentId`. */
export function documentOfEntry(key: string): string {
  const [type, , ...rest] = key.split(':');
  return documentKey(type, rest.join(':'));
}

/** Documents with any entry added, removed or at another version between two listings. */
export function changedDocuments(previous: EntryVersions, current: EntryVersions): Set<string> {
  const changed = new Set<string>();
  for (const [key, version] of Object.entries(current)) if (previous[key] !== version) changed.add(documentOfEntry(key));
  for (const key of Object.keys(previous)) if (!(key in current)) changed.add(documentOfEntry(key));
  return changed;
}

/** The documents an entry links to, as `type:documentId`, with the slug the entry holds for each. */
export function linkedDocuments(collection: CollectionDefinition, entry: Record<string, any>): { document: string; slug: unknown }[] {
  const found: { document: string; slug: unknown }[] = [];
  const walk = (fields: Fields, value: Record<string, any> | null | undefined) => {
    for (const [name, field] of Object.entries(fields)) {
      const v = value?.[name];
      if (field.kind === 'relation') {
        for (const ref of field.multiple ? (v ?? []) : v ? [v] : []) found.push({ document: documentKey(field.target, ref.documentId), slug: ref.slug });
      } else if (field.kind === 'component') {
        const inner = getComponent(field.component).fields;
        for (const c of field.repeatable ? (v ?? []) : v ? [v] : []) walk(inner, c);
      }
    }
  };
  walk(collection.fields, entry);
  return found;
}

/**
 * Documents whose kept entries embed a slug that is no longer the linked
 * document's slug: they must be fetched again too (a renamed theme slug, say).
 * `slugs` holds the current slug of each document fetched in this pull.
 */
export function documentsWithStaleLinks(
  kept: Iterable<{ collection: CollectionDefinition; entry: Record<string, any> }>,
  slugs: ReadonlyMap<string, unknown>,
): Set<string> {
  const stale = new Set<string>();
  for (const { collection, entry } of kept) {
    const self = documentKey(collection.name, entry.documentId);
    if (stale.has(self)) continue;
    for (const link of linkedDocuments(collection, entry)) {
      if (slugs.has(link.document) && slugs.get(link.document) !== link.slug) {
        stale.add(self);
        break;
      }
    }
  }
  return stale;
}

/** Orders entries as every pull writes them: by document id, in code-point order. */
export function byDocumentId(a: { documentId?: unknown }, b: { documentId?: unknown }): number {
  const x = String(a.documentId);
  const y = String(b.documentId);
  return x < y ? -1 : x > y ? 1 : 0;
}
