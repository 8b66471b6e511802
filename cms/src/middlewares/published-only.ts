/**
 * Published-only guard for the content API (`/api/...`), in two layers:
 * 1. every read is forced to `status=published`, whatever the client asked
 *    (Strapi 5 returns drafts for `status=draft` or any value but `published`);
 * 2. the response is walked and any nested entry without `publishedAt`
 *    (a draft reached through a relation or `localizations`) is removed.
 * It also applies each collection's default populate (generated from the model)
 * when the client gives none, so that an entry arrives whole in one request.
 */
import type { Core } from '@strapi/strapi';
import { collectionByPluralName } from '../lib/model';

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

export default (_config: unknown, { strapi: _strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/api/') || !READ_METHODS.has(ctx.method)) return next();
    const query = { ...ctx.query, status: 'published' };
    const collection = collectionByPluralName.get(ctx.path.split('/')[2]);
    if (collection && query.populate === undefined) query.populate = collection.populate;
    ctx.query = query;
    await next();
    if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) && typeof ctx.body.pipe !== 'function') {
      ctx.body = stripDrafts(ctx.body);
    }
  };
};
