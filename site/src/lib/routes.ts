/**
 * Every URL of the site is made here. Path segments of content types come from the
 * model (the type's pluralName: news, videos, reports…), never spelled out elsewhere.
 */
import { contentTypes, DEFAULT_SITE_URL, itemPath as itemPathOf, type ContentTypeName, type LocaleCode, type SnapshotMedia } from '@ssc/content-schemas';

/** The URL segment of a content type's pages. */
export function typeSegment(type: ContentTypeName): string {
  const found = contentTypes.find((t) => t.name === type);
  if (!found) throw new Error(`Unknown content type "${type}"`);
  return found.pluralName;
}

/** The content type whose pages live under `segment`, if any. */
export function typeFromSegment(segment: string): ContentTypeName | undefined {
  return contentTypes.find((t) => t.pluralName === segment)?.name;
}

export const homePath = (locale: LocaleCode) => `/${locale}/`;
export const aboutPath = (locale: LocaleCode) => `/${locale}/about/`;
export const notFoundPath = (locale: LocaleCode) => `/${locale}/404/`;
export const searchPath = (locale: LocaleCode) => `/${locale}/search/`;
export const verifyPath = (locale: LocaleCode) => `/${locale}/verify/`;
export const themePath = (locale: LocaleCode, theme: string) => `/${locale}/themes/${theme}/`;

/** A paginated list; page 1 is the list's own URL. */
export function listPath(locale: LocaleCode, type: ContentTypeName, page = 1): string {
  const base = `/${locale}/${typeSegment(type)}/`;
  return page > 1 ? `${base}page/${page}/` : base;
}

/** All items of one type on one theme, paginated like the lists. */
export function themeListPath(locale: LocaleCode, theme: string, type: ContentTypeName, page = 1): string {
  const base = `${themePath(locale, theme)}${typeSegment(type)}/`;
  return page > 1 ? `${base}page/${page}/` : base;
}

export const itemPath = (locale: LocaleCode, type: ContentTypeName, slug: string) => itemPathOf(locale, typeSegment(type), slug);

/** Media files are copied to the same relative path in the output (see lib/snapshot-integration.ts). */
export const mediaPath = (media: SnapshotMedia) => `/${media.path.split('/').map(encodeURIComponent).join('/')}`;

/** An absolute URL on the public site. */
export const absoluteUrl = (site: URL | string | undefined, pathname: string) => new URL(pathname, site ?? DEFAULT_SITE_URL).href;

/** The site's origin in an endpoint (Astro's `site`, which the build always sets). */
export const siteOrigin = (site: URL | undefined): URL => new URL(site ?? DEFAULT_SITE_URL);

/** A lesson of an item (a course): its own page under the item's. */
export const lessonPath = (locale: LocaleCode, type: ContentTypeName, slug: string, lesson: string) => `${itemPath(locale, type, slug)}${lesson}/`;
