/**
 * The static JSON API (shapes in content-schemas' static-api.ts): per locale and
 * content type, pages of PAGE_SIZE published entries, newest first, plus an index
 * document and the JSON Schemas of both, all plain files a CDN can serve.
 */
import { contentTypes, getLocale, localeCodes, STATIC_API_VERSION, type ContentTypeName, type LocaleCode, type StaticApiIndex } from '@ssc/content-schemas';
import { bodyOf, publishedItems, type Item } from './content.ts';
import { absoluteUrl, itemPath, typeSegment } from './routes.ts';

export const API_PAGE_SIZE = 100;

export const apiIndexPath = '/api/index.json';
export const apiPagePath = (locale: LocaleCode, type: ContentTypeName, page: number) => `/api/${locale}/${typeSegment(type)}/${page}.json`;
export const apiSchemaPath = (name: string) => `/api/schemas/${name}.schema.json`;

/** How many pages a list of `total` entries takes (an empty list still has its page 1). */
export const apiPageCount = (total: number) => Math.max(1, Math.ceil(total / API_PAGE_SIZE));

/**
 * A page or index as JSON text. Entries keep the snapshot's shape: the `asset` the
 * site adds to images (astro:assets metadata) is its own business and is left out.
 */
export function apiJson(body: unknown): Response {
  const text = JSON.stringify(body, (key, value) => (key === 'asset' ? undefined : value));
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

export async function apiPage(site: URL, locale: LocaleCode, type: ContentTypeName, page: number) {
  const items = await publishedItems(type, locale);
  const pages = apiPageCount(items.length);
  const link = (n: number) => (n >= 1 && n <= pages ? absoluteUrl(site, apiPagePath(locale, type, n)) : null);
  return {
    version: STATIC_API_VERSION,
    locale,
    type,
    page,
    pages,
    pageSize: API_PAGE_SIZE,
    total: items.length,
    prev: link(page - 1),
    next: link(page + 1),
    // The entry as the snapshot has it, its body included (the content layer keeps only the body's digest).
    items: await Promise.all(
      items
        .slice((page - 1) * API_PAGE_SIZE, page * API_PAGE_SIZE)
        .map(async (item: Item) => ({ url: absoluteUrl(site, itemPath(locale, type, item.slug)), entry: { ...item, body: await bodyOf(item) } })),
    ),
  };
}

export async function apiIndex(site: URL): Promise<StaticApiIndex> {
  return {
    version: STATIC_API_VERSION,
    locales: await Promise.all(
      localeCodes.map(async (locale) => ({
        locale,
        tag: getLocale(locale).tag,
        types: await Promise.all(
          contentTypes.map(async (t) => {
            const total = (await publishedItems(t.name, locale)).length;
            return {
              type: t.name,
              total,
              pageSize: API_PAGE_SIZE,
              pages: Array.from({ length: apiPageCount(total) }, (_, i) => absoluteUrl(site, apiPagePath(locale, t.name, i + 1))),
              schema: absoluteUrl(site, apiSchemaPath(`${t.name}-page`)),
            };
          }),
        ),
      })),
    ),
  };
}
