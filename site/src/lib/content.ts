/**
 * Read access to the content snapshot for pages: one validated read per build,
 * lookups by document and locale, and the ordering rules of lists.
 */
import {
  contentTypes,
  getCollection,
  localeCodes,
  readSnapshot,
  type CollectionName,
  type ContentTypeName,
  type LocaleCode,
  type Snapshot,
  type SnapshotEntry,
  type SnapshotMedia,
  type SnapshotReference,
} from '@ssc/content-schemas';
import { snapshotDir } from 'virtual:ssc/snapshot';

/** Any content item (news, video, report, policy or course) in one locale. */
export type Item = { [N in ContentTypeName]: SnapshotEntry<N> }[ContentTypeName];
export type Theme = SnapshotEntry<'theme'>;

let snapshot: Snapshot | undefined;
export function getSnapshot(): Snapshot {
  snapshot ??= readSnapshot(snapshotDir);
  return snapshot;
}

export function entriesOf<N extends CollectionName>(type: N, locale: LocaleCode): SnapshotEntry<N>[] {
  return getSnapshot().entries[type][locale];
}

const byId = new Map<string, Map<string, unknown>>();
/** One document in one locale, or undefined when it is not published there. */
export function findEntry<N extends CollectionName>(type: N, locale: LocaleCode, documentId: string): SnapshotEntry<N> | undefined {
  const key = `${type}:${locale}`;
  let index = byId.get(key);
  if (!index) {
    index = new Map(entriesOf(type, locale).map((e) => [e.documentId, e]));
    byId.set(key, index);
  }
  return index.get(documentId) as SnapshotEntry<N> | undefined;
}

/** The locales in which a document really exists in this snapshot, in the model's order. */
export function localesOf(type: CollectionName, documentId: string): LocaleCode[] {
  return localeCodes.filter((locale) => findEntry(type, locale, documentId) !== undefined);
}

/** Resolves references in one locale, leaving out those not published in it. */
export function resolve<N extends CollectionName>(type: N, locale: LocaleCode, refs: readonly SnapshotReference[]): SnapshotEntry<N>[] {
  return refs.map((r) => findEntry(type, locale, r.documentId)).filter((e): e is SnapshotEntry<N> => e !== undefined);
}

/** The field that dates items of a type: its first required date field in the model. */
const dateFields = new Map<ContentTypeName, string | undefined>(
  contentTypes.map((t) => [t.name, Object.entries(getCollection(t.name).fields).find(([, f]) => f.kind === 'date' && f.required)?.[0]]),
);

/** The date an item is listed under (YYYY-MM-DD): its model date, else its publication day. */
export function itemDate(item: Item): string {
  const field = dateFields.get(item.type);
  const value = field ? (item as unknown as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : item.publishedAt.slice(0, 10);
}

/** Newest first; ties broken by publication time, then slug, so builds are stable. */
export function newestFirst<T extends Item>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => itemDate(b).localeCompare(itemDate(a)) || b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug),
  );
}

/** Memoizes a computed list for the length of the build (the snapshot never changes in it). */
const memo = new Map<string, unknown>();
function remember<T>(key: string, compute: () => T): T {
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/** Items of one type in one locale, newest first. */
export function listItems(type: ContentTypeName, locale: LocaleCode): Item[] {
  return remember(`list:${type}:${locale}`, () => newestFirst(entriesOf(type, locale) as Item[]));
}

export function themes(locale: LocaleCode): Theme[] {
  return remember(`themes:${locale}`, () =>
    [...entriesOf('theme', locale)].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name)),
  );
}

/** Items of one type on one theme, in one locale, newest first. */
export function itemsOnTheme(type: ContentTypeName, locale: LocaleCode, theme: Theme): Item[] {
  return remember(`theme:${theme.documentId}:${type}:${locale}`, () =>
    listItems(type, locale).filter((item) => item.themes.some((t) => t.documentId === theme.documentId)),
  );
}

/**
 * An item's links to other content items (news' relatedNews, relatedReports…),
 * found from the model: every top-level relation whose target is a content type.
 * Only those published in the item's locale are returned.
 */
export function relatedItems(item: Item): Item[] {
  const related: Item[] = [];
  for (const [field, def] of Object.entries(getCollection(item.type).fields)) {
    if (def.kind !== 'relation') continue;
    const target = contentTypes.find((t) => t.name === def.target);
    if (!target) continue;
    const value = (item as unknown as Record<string, unknown>)[field];
    const refs = (Array.isArray(value) ? value : value ? [value] : []) as SnapshotReference[];
    related.push(...(resolve(target.name, item.locale, refs) as Item[]));
  }
  return related;
}

export interface CaptionedImage {
  image: SnapshotMedia;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** An item's main image (hero, poster or cover): its first captioned-image field in the model. */
export function mainImage(item: Item): CaptionedImage | null {
  for (const [field, def] of Object.entries(getCollection(item.type).fields)) {
    if (def.kind === 'component' && def.component === 'shared.captioned-image' && !def.repeatable) {
      return ((item as unknown as Record<string, unknown>)[field] as CaptionedImage | null) ?? null;
    }
  }
  return null;
}
