/**
 * Second line of the published-only rule for the content API (the first, which
 * does not depend on the URL, is the Document Service guard in
 * lib/published-only-reads.ts):
 * 1. every read of a path under `/api/` (compared case-insensitively and decoded,
 *    since Strapi's router matches `/API/news` too) is forced to `status=published`;
 * 2. after any non-admin route has answered, the response is walked and any nested
 *    entry without `publishedAt` (a draft reached through a relation or
 *    `localizations`) is removed.
 * It also applies each collection's default populate (generated from the model)
 * when the client gives none, so that an entry arrives whole in one request.
 */
import type { Core } from '@strapi/strapi';
import { collectionByPluralName } from '../lib/model';
import type { Context, Next } from '../lib/koa';

type Node = unknown;

/** Removes drafts from a response body: objects that carry `publishedAt: null`. */
export function stripDrafts(node: Node): Node {
  if (Array.isArray(node)) return node.filter((item) => !isDraft(item)).map(stripDrafts);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = isDraft(value) ? null : stripDrafts(value);
    return out;
  }
  return node;
}

function isDraft(node: Node): boolean {
  return !!node && typeof node === 'object' && !Array.isArray(node) && 'publishedAt' in node && (node as { publishedAt: unknown }).publishedAt === null;
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** The request path as the router sees it: decoded where it can be, lower case, slashes collapsed. */
export function normalizedPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep the raw path: the router will not match it either
  }
  return decoded.toLowerCase().replace(/\/+/g, '/');
}

export default (_config: unknown, { strapi: _strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    if (!READ_METHODS.has(ctx.method)) return next();
    const path = normalizedPath(ctx.path);
    if (path.startsWith('/api/')) {
      const query: Record<string, unknown> = { ...ctx.query, status: 'published' };
      const collection = collectionByPluralName.get(path.split('/')[2]);
      if (collection && query.populate === undefined) query.populate = collection.populate;
      ctx.query = query;
    }
    await next();
    const routeType = ctx.state?.route?.info?.type;
    if (routeType === 'admin' || (!routeType && !path.startsWith('/api/'))) return;
    const body = ctx.body;
    if (body && typeof body === 'object' && !Buffer.isBuffer(body) && !('pipe' in body && typeof body.pipe === 'function')) {
      ctx.body = stripDrafts(body);
    }
  };
};
