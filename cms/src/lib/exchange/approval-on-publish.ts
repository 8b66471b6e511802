/**
 * Approving a submission is publishing it: when an offer or a demand whose moderation is `submitted` or
 * `changes-requested` is published, its moderation becomes `approved`. Set on the drafts just before the publish
 * (straight in the database, so the draft is not marked as modified), which then copies it to the published version.
 */
import type { Core } from '@strapi/strapi';
import { collectionByName } from '../model';

const AWAITING = ['submitted', 'changes-requested'];

export function registerApprovalOnPublish(strapi: Core.Strapi): void {
  const uids = new Set(['offer', 'demand'].map((name) => collectionByName.get(name)?.uid).filter((uid): uid is NonNullable<typeof uid> => !!uid));
  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'publish' || !uids.has(ctx.uid as never)) return next();
    const documentId = (ctx.params as { documentId?: string }).documentId;
    if (documentId) {
      await strapi.db.query(ctx.uid).updateMany({ where: { documentId, publishedAt: null, moderation: { $in: AWAITING } }, data: { moderation: 'approved' } });
    }
    return next();
  });
}
