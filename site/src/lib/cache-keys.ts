/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): each
 * page from getStaticPaths() carries a key made of exactly the data it shows, so a
 * rebuild re-renders a page only when that data changed (Astro also re-renders it
 * when its code changed). Keys are digests of the content layer's entries:
 *
 * - an entry's digest is a hash of its stored data (what pages read);
 * - an item's key adds the digests of every entry it links to in its locale (themes,
 *   countries, partners, related items, lesson videos: whatever it shows of them),
 *   a match's links in the locale each leads to (lib/exchange-links.ts), and the
 *   locales where it exists (its language switcher and hreflang);
 * - a list's key is the keys of the items on that page plus what its switcher shows;
 * - the few pages per locale that summarise everything (home, about, search, feeds
 *   index) use the digest of the whole locale.
 *
 * Every key starts with the build salt: the UI strings, the site URL and a format
 * number, so a change to any of them re-renders every page even where Astro's own
 * code and configuration hashes would not notice.
 */
import { createHash } from 'node:crypto';
import { collections, localeCodes, type CollectionName, type LocaleCode } from '@ssc/content-schemas';
import { remember } from './build-memo.ts';
import { entriesOf, localesOf, type Item, type Theme } from './content.ts';
import { linkTargets } from './exchange-links.ts';
import { exchangeSettings, exchangeStatus } from './exchange-status.ts';
import { uiStrings } from './i18n.ts';

/** Bump when what a key covers changes, so every cached page is rendered again. */
const KEY_FORMAT = 2;

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

/** A key made of parts (strings, numbers, arrays of them), each part kept apart from its neighbours. */
export function keyOf(...parts: unknown[]): string {
  return hash(JSON.stringify([salt(), ...parts]));
}

let buildSalt: string | undefined;
/** What every page depends on besides its data: UI strings, site URL, key format. */
function salt(): string {
  buildSalt ??= hash(JSON.stringify([KEY_FORMAT, import.meta.env.SITE ?? '', uiStrings()]));
  return buildSalt;
}

/** Per locale: entry id (`<documentId>`) → digest of its data, over every collection. */
function digestsOf(locale: LocaleCode): Promise<Map<string, string>> {
  return remember(`digests:${locale}`, async () => {
    const map = new Map<string, string>();
    for (const collection of collections) {
      for (const entry of await entriesOf(collection.name as CollectionName, locale)) {
        // What the build's day changes on an exchange record (stale, in the open lists) counts as its data.
        const status = exchangeStatus(entry as Parameters<typeof exchangeStatus>[0], exchangeSettings());
        map.set(`${collection.name}:${entry.documentId}`, hash(JSON.stringify(status ? [entry, status] : entry)));
        // References carry only a document id; the id alone finds the entry whatever its collection.
        map.set(entry.documentId, map.get(`${collection.name}:${entry.documentId}`)!);
      }
    }
    return map;
  });
}

/** The digest of one entry's data in one locale ('-' when it is not published there). */
export async function entryDigest(type: CollectionName, locale: LocaleCode, documentId: string): Promise<string> {
  return (await digestsOf(locale)).get(`${type}:${documentId}`) ?? '-';
}

/** Every document id an entry links to, anywhere in its data (relations, components). */
function linkedIds(value: unknown, found: Set<string>, root = true): Set<string> {
  if (Array.isArray(value)) for (const v of value) linkedIds(v, found, false);
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (!root && typeof obj.documentId === 'string') found.add(obj.documentId);
    for (const v of Object.values(obj)) linkedIds(v, found, false);
  }
  return found;
}

/**
 * The key of an item as any page shows it: its own data, the data of everything it
 * links to in its locale, and the locales where it exists.
 */
export function itemKey(item: Item): Promise<string> {
  return remember(`itemKey:${item.locale}/${item.type}/${item.documentId}`, async () => {
    const all = await digestsOf(item.locale);
    const links = [...linkedIds(item, new Set())].sort().map((documentId) => [documentId, all.get(documentId) ?? '-']);
    // A match's shared links may lead to another locale: what the page shows is the target there.
    const elsewhere =
      item.type === 'match'
        ? await Promise.all((await linkTargets(item)).map(async (t) => [t.documentId, t.locale, await entryDigest(t.type, t.locale, t.documentId)]))
        : [];
    return hash(JSON.stringify([all.get(`${item.type}:${item.documentId}`), links, elsewhere, await localesOf(item.type, item.documentId)]));
  });
}

/** The keys of several items, in order. */
export const itemKeysOf = (items: readonly Item[]) => Promise.all(items.map(itemKey));

/** The digest of everything published in a locale. */
export function localeKey(locale: LocaleCode): Promise<string> {
  return remember(`localeKey:${locale}`, async () => hash(JSON.stringify([...(await digestsOf(locale))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
}

/** A theme as its pages and lists show it: its data, and the locales where it exists. */
export async function themeKey(theme: Theme): Promise<string> {
  const where = await Promise.all(localeCodes.map((l) => entryDigest('theme', l, theme.documentId)));
  return hash(JSON.stringify([await entryDigest('theme', theme.locale, theme.documentId), where.map((d) => d !== '-')]));
}
