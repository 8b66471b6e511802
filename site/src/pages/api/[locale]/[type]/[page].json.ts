/** /api/{locale}/{type}/{n}.json: one page of published entries of a type in a locale, newest first. */
import type { APIRoute } from 'astro';
import { contentTypes, localeCodes, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { listItems } from '../../../../lib/content.ts';
import { typeSegment } from '../../../../lib/routes.ts';
import { apiJson, apiPage, apiPageCount } from '../../../../lib/static-api.ts';

interface Props {
  locale: LocaleCode;
  type: ContentTypeName;
  page: number;
}

export async function getStaticPaths() {
  const paths = [];
  for (const locale of localeCodes)
    for (const t of contentTypes) {
      const pages = apiPageCount((await listItems(t.name, locale)).length);
      for (let page = 1; page <= pages; page++) paths.push({ params: { locale, type: typeSegment(t.name), page: String(page) }, props: { locale, type: t.name, page } });
    }
  return paths;
}

export const GET: APIRoute<Props> = async ({ props, site }) => apiJson(await apiPage(new URL(site ?? 'http://127.0.0.1:4321'), props.locale, props.type, props.page));
