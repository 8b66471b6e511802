/** /api/{locale}/{type}/{n}.json: one page of published entries of a type in a locale, newest first. */
import type { APIRoute } from 'astro';
import { contentTypes, localeCodes, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { publishedItems } from '../../../../lib/content.ts';
import { siteOrigin, typeSegment } from '../../../../lib/routes.ts';
import { API_PAGE_SIZE, apiJson, apiPage, apiPageCount } from '../../../../lib/static-api.ts';
import { itemKeysOf, keyOf } from '../../../../lib/cache-keys.ts';
import { planned } from '../../../../lib/build-plan.ts';

interface Props {
  locale: LocaleCode;
  type: ContentTypeName;
  page: number;
}

async function allPaths() {
  const paths = [];
  for (const locale of localeCodes)
    for (const t of contentTypes) {
      const items = await publishedItems(t.name, locale);
      const pages = apiPageCount(items.length);
      for (let page = 1; page <= pages; page++) {
        // A page holds its items, the total and links to its neighbours.
        const shown = await itemKeysOf(items.slice((page - 1) * API_PAGE_SIZE, page * API_PAGE_SIZE));
        paths.push({
          params: { locale, type: typeSegment(t.name), page: String(page) },
          props: { locale, type: t.name, page },
          cacheKey: keyOf('api', locale, t.name, page, items.length, shown),
        });
      }
    }
  return paths;
}

export const getStaticPaths = () => planned('api/[locale]/[type]/[page].json', allPaths());

export const GET: APIRoute<Props> = async ({ props, site }) => apiJson(await apiPage(siteOrigin(site), props.locale, props.type, props.page));
