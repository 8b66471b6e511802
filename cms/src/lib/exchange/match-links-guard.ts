/**
 * A match's `links` name offers and solutions by document id (a broker may type one in the content manager):
 * a create or update whose links name a document that does not exist, in any locale or state, is refused with
 * the field and the id. A draft target is allowed (it may be published later); the site and the partner API
 * show only published ones.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { collectionByName } from '../model';

const MATCH_UID = collectionByName.get('match')?.uid;

interface LinkValue {
  type?: unknown;
  targetDocumentId?: unknown;
}

/** The first link of `links` whose target does not exist, described, or undefined. */
async function missingTarget(strapi: Core.Strapi, links: readonly LinkValue[]): Promise<string | undefined> {
  for (const [index, link] of links.entries()) {
    const uid = typeof link.type === 'string' ? collectionByName.get(link.type)?.uid : undefined;
    if (!uid || typeof link.targetDocumentId !== 'string') continue; // Strapi's own validation names these.
    const found = await strapi.db.query(uid).findOne({ where: { documentId: link.targetDocumentId }, select: ['id'] });
    if (!found) return `links.${index} names ${link.type} "${link.targetDocumentId}", which does not exist`;
  }
  return undefined;
}

export function registerMatchLinksGuard(strapi: Core.Strapi): void {
  if (!MATCH_UID) return;
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== MATCH_UID || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const links = (ctx.params as { data?: { links?: unknown } }).data?.links;
    if (Array.isArray(links)) {
      const problem = await missingTarget(strapi, links as LinkValue[]);
      if (problem) throw new errors.ValidationError(`match ${problem}`);
    }
    return next();
  });
}
