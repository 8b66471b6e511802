/**
 * Content for pages, from the content snapshot the build reads (shared with the
 * content layer's loader, see src/loaders/shared-snapshot.ts), with every raster
 * image given its `asset` from the content layer's `images` collection: lookups by
 * document and locale, and the ordering rules of lists. Each collection is indexed
 * once per build by entry id: a lookup of a document in a locale where it is not
 * published is normal (missing translations).
 */
import type { ImageMetadata } from 'astro';
import { getCollection } from 'astro:content';
import { snapshotDir } from 'virtual:ssc/snapshot';
import {
  contentTypes,
  getCollection as getModelCollection,
  isListed,
  itemDateField,
  localeCodes,
  type CollectionName,
  type ContentTypeName,
  type LocaleCode,
  type SnapshotReference,
} from '@ssc/content-schemas';
import { entryId } from '../loaders/entry-id.ts';
import { withPublishedLinks } from '../loaders/exchange-links.ts';
import { sharedSnapshot } from '../loaders/shared-snapshot.ts';
import { withAssets, type SiteEntry, type SiteMedia } from '../loaders/site-media.ts';
import { remember } from './build-memo.ts';
import { exchangeSettings } from './exchange-status.ts';

export type { SiteEntry } from '../loaders/site-media.ts';
/** Any content item (news, video, report, policy or course) in one locale. */
export type Item = { [N in ContentTypeName]: SiteEntry<N> }[ContentTypeName];
export type Theme = SiteEntry<'theme'>;

interface CollectionIndex<N extends CollectionName> {
  byLocale: Record<LocaleCode, SiteEntry<N>[]>;
  byId: Map<string, SiteEntry<N>>;
}

/** The snapshot's raster images as astro:assets knows them, by media path. */
function imageAssets(): Promise<Map<string, ImageMetadata>> {
  return remember('images', async () => new Map((await getCollection('images')).map((image) => [image.id, image.data.asset])));
}

/** Every entry of a collection, grouped by locale and indexed by entry id. */
function indexOf<N extends CollectionName>(type: N): Promise<CollectionIndex<N>> {
  return remember(`index:${type}`, async () => {
    const assets = await imageAssets();
    const snapshot = sharedSnapshot(snapshotDir);
    const index: CollectionIndex<N> = {
      byLocale: Object.fromEntries(localeCodes.map((l) => [l, []])) as unknown as Record<LocaleCode, SiteEntry<N>[]>,
      byId: new Map(),
    };
    for (const locale of localeCodes) {
      for (const entry of snapshot.entries[type][locale]) {
        // A match's links only to published records (exchange-links.ts).
        const data = withAssets(withPublishedLinks(type, entry, snapshot), assets) as SiteEntry<N>;
        index.byLocale[locale].push(data);
        index.byId.set(entryId(locale, entry.documentId), data);
      }
    }
    return index;
  });
}

/** The entries of a collection in one locale, in snapshot order. */
export async function entriesOf<N extends CollectionName>(type: N, locale: LocaleCode): Promise<SiteEntry<N>[]> {
  return (await indexOf(type)).byLocale[locale];
}

/** One document in one locale, or undefined when it is not published there. */
export async function findEntry<N extends CollectionName>(type: N, locale: LocaleCode, documentId: string): Promise<SiteEntry<N> | undefined> {
  return (await indexOf(type)).byId.get(entryId(locale, documentId));
}

/** The locales in which a document really exists, in the model's order. */
export async function localesOf(type: CollectionName, documentId: string): Promise<LocaleCode[]> {
  const found = await Promise.all(localeCodes.map((locale) => findEntry(type, locale, documentId)));
  return localeCodes.filter((_, i) => found[i] !== undefined);
}

/** Resolves references in one locale, leaving out those not published in it. */
export async function resolve<N extends CollectionName>(type: N, locale: LocaleCode, refs: readonly SnapshotReference[]): Promise<SiteEntry<N>[]> {
  const found: (SiteEntry<N> | undefined)[] = await Promise.all(refs.map((r) => findEntry(type, locale, r.documentId)));
  const published: SiteEntry<N>[] = [];
  for (const entry of found) if (entry !== undefined) published.push(entry);
  return published;
}

/** The field that dates items of each type (content-schemas' itemDateField). */
const dateFields = new Map<ContentTypeName, string | undefined>(contentTypes.map((t) => [t.name, itemDateField(t)]));

/** The date an item is listed under (YYYY-MM-DD): its model date, else its publication day. */
export function itemDate(item: Item): string {
  const field = dateFields.get(item.type);
  const value = field ? (item as unknown as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : item.publishedAt.slice(0, 10);
}

/** Newest first; ties broken by publication time, then slug, so builds are stable. */
export function newestFirst<T extends Item>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => itemDate(b).localeCompare(itemDate(a)) || b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug));
}

/** Every published item of one type in one locale, newest first: the static JSON API and the search's choices. */
export function publishedItems(type: ContentTypeName, locale: LocaleCode): Promise<Item[]> {
  return remember(`published:${type}:${locale}`, async () => newestFirst((await entriesOf(type, locale)) as Item[]));
}

/**
 * The items of one type in one locale that lists, feeds, theme pages and the home page
 * show, newest first: every published item but expired offers and closed demands
 * (exchange-status.ts), which keep their own pages.
 */
export function listItems(type: ContentTypeName, locale: LocaleCode): Promise<Item[]> {
  return remember(`list:${type}:${locale}`, async () => (await publishedItems(type, locale)).filter((item) => isListed(item, exchangeSettings().today)));
}

export function themes(locale: LocaleCode): Promise<Theme[]> {
  return remember(`themes:${locale}`, async () =>
    [...(await entriesOf('theme', locale))].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.name.localeCompare(b.name)),
  );
}

/** Items of one type on one theme, in one locale, newest first. */
export function itemsOnTheme(type: ContentTypeName, locale: LocaleCode, theme: Theme): Promise<Item[]> {
  return remember(`theme:${theme.documentId}:${type}:${locale}`, async () =>
    (await listItems(type, locale)).filter((item) => item.themes.some((t) => t.documentId === theme.documentId)),
  );
}

/**
 * An item's links to other content items (news' relatedNews, relatedReports…),
 * found from the model: every top-level relation whose target is a content type.
 * Only those published in the item's locale are returned.
 */
export async function relatedItems(item: Item): Promise<Item[]> {
  const related: Item[] = [];
  for (const [field, def] of Object.entries(getModelCollection(item.type).fields)) {
    if (def.kind !== 'relation') continue;
    const target = contentTypes.find((t) => t.name === def.target);
    if (!target) continue;
    const value = (item as unknown as Record<string, unknown>)[field];
    const refs = (Array.isArray(value) ? value : value ? [value] : []) as SnapshotReference[];
    related.push(...((await resolve(target.name, item.locale, refs)) as Item[]));
  }
  return related;
}

export interface CaptionedImage {
  image: SiteMedia;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** An item's main image (hero, poster or cover): its first captioned-image field in the model. */
export function mainImage(item: Item): CaptionedImage | null {
  for (const [field, def] of Object.entries(getModelCollection(item.type).fields)) {
    if (def.kind === 'component' && def.component === 'shared.captioned-image' && !def.repeatable) {
      return ((item as unknown as Record<string, unknown>)[field] as CaptionedImage | null) ?? null;
    }
  }
  return null;
}

/** An item's body (Markdown), or null/undefined when it has none. */
export async function bodyOf(item: Item): Promise<string | null | undefined> {
  return (item as { body?: string | null }).body;
}
