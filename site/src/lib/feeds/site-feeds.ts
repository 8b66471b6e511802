/**
 * The site's feeds: for each locale, one of all content, one per content type and
 * one per theme, each in RSS 2.0, Atom 1.0 and JSON Feed 1.1, with the newest
 * FEED_SIZE items. Entries carry the stable id, canonical URL, dates, summary,
 * categories (type, themes, countries), author or publisher, language, licence and
 * attribution, and the item's files.
 */
import { contentTypes, getLocale, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { findEntry, listItems, newestFirst, resolve, themes, type Item, type Theme } from '../content.ts';
import { translator } from '../i18n.ts';
import { licenseUrl } from '../license.ts';
import { authorFieldsOf, filesOf, referencesTo } from '../model-fields.ts';
import { absoluteUrl, homePath, itemPath, listPath, mediaPath, themePath, typeSegment } from '../routes.ts';
import { atomFeed } from './atom.ts';
import { FEED_FORMATS, type FeedAttachment, type FeedDocument, type FeedEntry, type FeedFormat } from './feed-model.ts';
import { jsonFeed } from './json-feed.ts';
import { rssFeed } from './rss.ts';

/** How many items a feed carries (the newest). */
export const FEED_SIZE = 50;

export type FeedScope = { kind: 'all' } | { kind: 'type'; type: ContentTypeName } | { kind: 'theme'; theme: Theme };

/** The part of a feed's path that names its scope: `all`, a type's segment, or `themes/<slug>`. */
export function scopeSlug(scope: FeedScope): string {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'type') return typeSegment(scope.type);
  return `themes/${scope.theme.slug}`;
}

export const feedsPath = (locale: LocaleCode) => `/${locale}/feeds/`;
export const feedPath = (locale: LocaleCode, scope: FeedScope, format: FeedFormat) =>
  `${feedsPath(locale)}${scopeSlug(scope)}.${FEED_FORMATS[format].extension}`;

/** Every feed scope of a locale: all content, each type, each theme published in it. */
export async function feedScopes(locale: LocaleCode): Promise<FeedScope[]> {
  return [
    { kind: 'all' },
    ...contentTypes.map((t): FeedScope => ({ kind: 'type', type: t.name })),
    ...(await themes(locale)).map((theme): FeedScope => ({ kind: 'theme', theme })),
  ];
}

/** A scope's feed title in its locale. */
export function feedTitle(locale: LocaleCode, scope: FeedScope): string {
  const t = translator(locale);
  if (scope.kind === 'all') return t('site.name');
  const part = scope.kind === 'type' ? t(`types.${scope.type}.plural`) : scope.theme.name;
  return `${t('site.name')} · ${part}`;
}

/** The items of a scope in a locale, newest first (all of them; feeds take the first FEED_SIZE). */
export async function scopeItems(locale: LocaleCode, scope: FeedScope): Promise<Item[]> {
  if (scope.kind === 'type') return listItems(scope.type, locale);
  const all = newestFirst((await Promise.all(contentTypes.map((t) => listItems(t.name, locale)))).flat());
  if (scope.kind === 'all') return all;
  return all.filter((item) => item.themes.some((t) => t.documentId === scope.theme.documentId));
}

/** The stable id of an item in one locale: a tag URI (RFC 4151) on the site's host. */
export function feedItemId(site: URL | string, documentId: string, locale: LocaleCode): string {
  return `tag:${new URL(site).hostname},2026:${documentId}/${locale}`;
}

/** The item's files, from the model (model-fields.ts): a report's or policy's attachments, a video's file and captions. */
function attachmentsOf(item: Item, site: URL): FeedAttachment[] {
  return filesOf(item).map((f) => ({
    url: absoluteUrl(site, mediaPath(f.file)),
    mime: f.file.mime,
    sizeBytes: f.sizeBytes,
    title: f.title,
    language: f.language,
  }));
}

/** Who wrote or published the item: its fields marked `author` in the model (a policy's issuing body, a report's publisher…). */
async function authorsOf(item: Item): Promise<string[]> {
  const names = await Promise.all(
    authorFieldsOf(item).map(async (a) => {
      if ('text' in a) return a.text;
      const entry = (await findEntry(a.target, item.locale, a.ref.documentId)) as { name?: string; title?: string } | undefined;
      return entry?.name ?? entry?.title;
    }),
  );
  return names.filter((n): n is string => Boolean(n));
}

export async function feedEntry(item: Item, site: URL): Promise<FeedEntry> {
  const locale = item.locale;
  const t = translator(locale);
  const [itemThemes, countries, authors] = await Promise.all([
    resolve('theme', locale, item.themes),
    resolve('country', locale, referencesTo(item, 'country')),
    authorsOf(item),
  ]);
  return {
    id: feedItemId(site, item.documentId, locale),
    url: absoluteUrl(site, itemPath(locale, item.type, item.slug)),
    title: item.title,
    summary: item.summary,
    published: item.publishedAt,
    updated: item.updatedAt,
    language: getLocale(locale).tag,
    categories: [
      { term: item.type, label: t(`types.${item.type}.plural`), scheme: absoluteUrl(site, listPath(locale, item.type)) },
      ...itemThemes.map((theme) => ({ term: theme.slug, label: theme.name, scheme: absoluteUrl(site, themePath(locale, theme.slug)) })),
      ...countries.map((c) => ({ term: c.isoCode, label: c.name, scheme: 'urn:iso:std:iso:3166:-1' })),
    ],
    authors,
    license: { id: item.license, name: t(`license.${item.license}`), url: licenseUrl(item.license, locale) },
    attribution: item.attribution,
    attachments: attachmentsOf(item, site),
  };
}

function homeOf(locale: LocaleCode, scope: FeedScope): string {
  if (scope.kind === 'all') return homePath(locale);
  return scope.kind === 'type' ? listPath(locale, scope.type) : themePath(locale, scope.theme.slug);
}

export async function feedDocument(locale: LocaleCode, scope: FeedScope, format: FeedFormat, site: URL): Promise<FeedDocument> {
  const items = (await scopeItems(locale, scope)).slice(0, FEED_SIZE);
  const entries = await Promise.all(items.map((item) => feedEntry(item, site)));
  const updated =
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  return {
    title: feedTitle(locale, scope),
    description: scope.kind === 'theme' ? scope.theme.description : translator(locale)('site.tagline'),
    language: getLocale(locale).tag,
    homeUrl: absoluteUrl(site, homeOf(locale, scope)),
    selfUrl: absoluteUrl(site, feedPath(locale, scope, format)),
    updated,
    publisher: translator(locale)('site.name'),
    entries,
  };
}

const writers: Record<FeedFormat, (feed: FeedDocument) => string> = { rss: rssFeed, atom: atomFeed, json: jsonFeed };

/** One feed, written in its format. */
export async function renderFeed(locale: LocaleCode, scope: FeedScope, format: FeedFormat, site: URL): Promise<string> {
  return writers[format](await feedDocument(locale, scope, format, site));
}
