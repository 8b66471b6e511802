/**
 * CORS of the partner API: any origin may read it (GET, HEAD) cross-origin,
 * without cookies (the partner token travels in the Authorization header). It
 * answers its own preflights, so that `strapi::cors`, which follows CORS_ORIGINS
 * for every other route, never applies to these paths.
 */
import type { Context, Next } from '../lib/koa';

export const SYNDICATION_PREFIX = '/api/syndication/';

export default () => {
  return async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(SYNDICATION_PREFIX)) return next();
    const origin = ctx.get('Origin');
    if (origin) {
      ctx.set('Access-Control-Allow-Origin', '*');
      ctx.set('Access-Control-Expose-Headers', 'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset');
    }
    if (ctx.method === 'OPTIONS' && origin && ctx.get('Access-Control-Request-Method')) {
      ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', 'Authorization, If-None-Match, Accept');
      ctx.set('Access-Control-Max-Age', '86400');
      ctx.status = 204;
      return;
    }
    return next();
  };
};
