/** Every feed of every locale: /{locale}/feeds/{all | type | themes/theme}.{rss.xml | atom.xml | json}. */
import type { APIRoute } from 'astro';
import { localeCodes, type LocaleCode } from '@ssc/content-schemas';
import { FEED_FORMATS, feedFormats, type FeedFormat } from '../../../lib/feeds/feed-model.ts';
import { FEED_SIZE, feedScopes, renderFeed, scopeItems, scopeSlug, type FeedScope } from '../../../lib/feeds/site-feeds.ts';
import { itemKeysOf, keyOf, themeKey } from '../../../lib/cache-keys.ts';
import { planned } from '../../../lib/build-plan.ts';
import { siteOrigin } from '../../../lib/routes.ts';

interface Props {
  locale: LocaleCode;
  scope: FeedScope;
  format: FeedFormat;
}

async function allPaths() {
  const paths = [];
  for (const locale of localeCodes)
    for (const scope of await feedScopes(locale)) {
      // A feed shows its newest FEED_SIZE items (and a theme feed its theme).
      const data = [scope.kind === 'theme' ? await themeKey(scope.theme) : '', await itemKeysOf((await scopeItems(locale, scope)).slice(0, FEED_SIZE))];
      for (const format of feedFormats)
        paths.push({
          params: { locale, feed: `${scopeSlug(scope)}.${FEED_FORMATS[format].extension}` },
          props: { locale, scope, format },
          cacheKey: keyOf('feed', locale, scopeSlug(scope), format, data),
        });
    }
  return paths;
}

export const getStaticPaths = () => planned('[locale]/feeds/[...feed]', allPaths());

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const body = await renderFeed(props.locale, props.scope, props.format, siteOrigin(site));
  return new Response(body, { headers: { 'Content-Type': `${FEED_FORMATS[props.format].mime}; charset=utf-8` } });
};
