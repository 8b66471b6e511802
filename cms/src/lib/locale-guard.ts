/**
 * Enforces locale-scoped editor permissions on every write made from the admin
 * panel. Strapi 5 checks a role's locales when an entry exists, but not when a
 * document or a new translation is created (the content manager checks `create`
 * without a subject), so a French editor could create Arabic content. This
 * document-service middleware checks the target locale of every admin write
 * against the user's abilities. Writes without an admin user (seeding, scripts)
 * are not affected.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { collectionByUid, localeCodes, model } from './model';

type CheckerAction = 'create' | 'update' | 'delete' | 'publish' | 'unpublish' | 'discard';

const ACTION_FOR: Record<string, CheckerAction> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  publish: 'publish',
  unpublish: 'unpublish',
  discardDraft: 'discard',
  // Duplicating a document (the content manager's clone) creates one in the target locale.
  clone: 'create',
};

function targetLocales(locale: unknown): string[] {
  if (locale === '*') return [...localeCodes];
  if (Array.isArray(locale)) return locale.map(String);
  return [typeof locale === 'string' && locale ? locale : model.defaultLocale];
}

export function registerLocaleGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const collection = collectionByUid.get(ctx.uid);
    const action = ACTION_FOR[ctx.action];
    if (!collection || !action) return next();
    const userAbility = strapi.requestContext.get()?.state?.userAbility;
    if (!userAbility) return next();
    const params = ctx.params as { documentId?: string; locale?: unknown };
    const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: ctx.uid });
    for (const locale of targetLocales(params.locale)) {
      let check = action;
      // Saving a translation that does not exist yet creates it.
      if (action === 'update' && params.documentId) {
        const exists = await strapi.db.query(ctx.uid).findOne({ where: { documentId: params.documentId, locale }, select: ['id'] });
        if (!exists) check = 'create';
      }
      if (checker.cannot[check]({ locale })) {
        throw new errors.PolicyError(`Your role may not ${check} ${collection.name} in the "${locale}" locale`);
      }
    }
    return next();
  });
}
