/**
 * Route middleware of the partner API: a valid, unrevoked partner token
 * (`Authorization: Bearer <key>`) or 401; then the token's rate limit or 429 with
 * Retry-After. Strapi's own API tokens and users are not accepted here.
 */
import type { Core } from '@strapi/strapi';
import { findToken } from '../../../lib/syndication/tokens';
import { consume } from '../../../lib/syndication/rate-limit';
import { settings } from '../../../lib/syndication/settings';
import type { Context, Next } from '../../../lib/koa';

function unauthorized(ctx: Context, message: string): void {
  ctx.status = 401;
  ctx.set('WWW-Authenticate', 'Bearer realm="syndication"');
  ctx.body = { data: null, error: { status: 401, name: 'UnauthorizedError', message } };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('Authorization') ?? '');
    if (!match) return unauthorized(ctx, 'A partner token is required: Authorization: Bearer <token>');
    const token = await findToken(strapi, match[1]);
    if (!token || token.revoked) return unauthorized(ctx, 'This partner token is not valid or has been revoked');
    const { rateLimit, rateWindowSeconds } = settings(strapi);
    const decision = await consume(token.id, token.rateLimit ?? rateLimit, rateWindowSeconds);
    ctx.set('RateLimit-Limit', String(decision.limit));
    ctx.set('RateLimit-Remaining', String(decision.remaining));
    ctx.set('RateLimit-Reset', String(decision.resetSeconds));
    if (!decision.allowed) {
      ctx.status = 429;
      ctx.set('Retry-After', String(decision.resetSeconds));
      ctx.body = {
        data: null,
        error: { status: 429, name: 'TooManyRequests', message: `Rate limit of ${decision.limit} requests per ${rateWindowSeconds} s reached` },
      };
      return;
    }
    ctx.state.partner = { id: token.id, name: token.name };
    return next();
  };
};
