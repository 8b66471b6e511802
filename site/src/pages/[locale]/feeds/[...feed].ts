/** Every feed of every locale: /{locale}/feeds/{all | type | themes/theme}.{rss.xml | atom.xml | json}. */
import type { APIRoute } from 'astro';
import { localeCodes, type LocaleCode } from '@ssc/content-schemas';
import { FEED_FORMATS, feedFormats, type FeedFormat } from '../../../lib/feeds/feed-model.ts';
import { feedScopes, renderFeed, scopeSlug, type FeedScope } from '../../../lib/feeds/site-feeds.ts';

interface Props {
  locale: LocaleCode;
  scope: FeedScope;
  format: FeedFormat;
}

export async function getStaticPaths() {
  const paths = [];
  for (const locale of localeCodes)
    for (const scope of await feedScopes(locale))
      for (const format of feedFormats) paths.push({ params: { locale, feed: `${scopeSlug(scope)}.${FEED_FORMATS[format].extension}` }, props: { locale, scope, format } });
  return paths;
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const body = await renderFeed(props.locale, props.scope, props.format, new URL(site ?? 'http://127.0.0.1:4321'));
  return new Response(body, { headers: { 'Content-Type': `${FEED_FORMATS[props.format].mime}; charset=utf-8` } });
};
