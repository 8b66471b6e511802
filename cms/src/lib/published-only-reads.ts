/**
 * Published-only reads, enforced where documents are read: a Document Service
 * middleware that forces `status: 'published'` on every read made while serving a
 * request that is not an admin-panel request. It does not look at URL strings
 * (Strapi's router matches paths case-insensitively, so `/API/news` reaches the
 * same controller as `/api/news`); it looks at the route Strapi matched. Requests
 * with no matched route (none should read documents) are treated like content-API
 * requests: the guard fails closed. Reads outside any request (seeding, tools,
 * the change recorder at boot) are left alone.
 *
 * Stock Strapi 5 returns drafts for `status=draft` or any value other than
 * `published`; `publicationFilter` and the older `hasPublishedVersion` narrow a
 * read by draft state and would tell which published entries have a pending edit,
 * so they are dropped too.
 */
import type { Core } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

/** The type of the route being served ('admin', 'content-api'), or null outside a request. */
export function currentRouteType(strapi: Core.Strapi): string | null {
  const ctx = strapi.requestContext.get() as { state?: { route?: { info?: { type?: string } } } } | undefined;
  if (!ctx) return null;
  return ctx.state?.route?.info?.type ?? 'unknown';
}

/** True while serving any request that did not come through an admin-panel route. */
export function isPublicRead(strapi: Core.Strapi): boolean {
  const type = currentRouteType(strapi);
  return type !== null && type !== 'admin';
}

export function registerPublishedOnlyReads(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (!READ_ACTIONS.has(ctx.action) || !isPublicRead(strapi)) return next();
    const params = ctx.params as Record<string, unknown>;
    params.status = 'published';
    delete params.publicationFilter;
    delete params.hasPublishedVersion;
    return next();
  });
}
