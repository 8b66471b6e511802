/**
 * A match's `links` (offers and solutions by document, in any language) as the site's pages read them
 * (src/lib/content.ts): only those whose target is in the snapshot in some locale, that is published. A link to a draft, an unpublished or a
 * deleted record, or one left out of the release, is dropped here, before any page, list, feed, static API
 * page or search record sees the entry; the snapshot keeps it, so publishing the target later brings it back.
 */
import { collections, EXCHANGE_LINK_COMPONENT, localeCodes, type CollectionName, type Snapshot } from '@ssc/content-schemas';

type Link = { type: string; targetDocumentId: string };

/** Per snapshot: `type:documentId` of every document it holds in any locale. */
const present = new WeakMap<Snapshot, Set<string>>();

function documentsOf(snapshot: Snapshot): Set<string> {
  let found = present.get(snapshot);
  if (!found) {
    found = new Set();
    for (const [type, byLocale] of Object.entries(snapshot.entries))
      for (const locale of localeCodes) for (const entry of byLocale[locale] ?? []) found.add(`${type}:${entry.documentId}`);
    present.set(snapshot, found);
  }
  return found;
}

/** The names of each collection's link fields (the `exchange.link` component), from the model. */
const LINK_FIELDS = new Map<string, string[]>(
  collections.map((c) => [
    c.name,
    Object.entries(c.fields)
      .filter(([, f]) => f.kind === 'component' && f.component === EXCHANGE_LINK_COMPONENT)
      .map(([name]) => name),
  ]),
);
const linkFields = (collection: CollectionName): string[] => LINK_FIELDS.get(collection) ?? [];

/** The entry with its links to documents absent from the snapshot taken out (the entry itself when it has none). */
export function withPublishedLinks<E extends object>(collection: CollectionName, entry: E, snapshot: Snapshot): E {
  const fields = linkFields(collection);
  if (!fields.length) return entry;
  const published = documentsOf(snapshot);
  const record = entry as Record<string, unknown>;
  const kept = Object.fromEntries(
    fields.map((name) => [name, ((record[name] ?? []) as Link[]).filter((l) => published.has(`${l.type}:${l.targetDocumentId}`))]),
  );
  return { ...entry, ...kept };
}
