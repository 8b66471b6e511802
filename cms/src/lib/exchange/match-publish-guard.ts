/**
 * Refuses to publish a match that is not completed or has no outcome
 * (match-publish-rule.ts), whichever way the publish comes: the publish action,
 * or a create or update with `status: 'published'`. The error names the entry,
 * the locale and the field.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { collectionByName, model } from '../model';
import { matchPublishProblem, type MatchPublishValues } from './match-publish-rule';

const MATCH_UID = collectionByName.get('match')?.uid;

interface Params {
  documentId?: string;
  locale?: string | string[];
  status?: string;
  data?: Record<string, unknown>;
}

interface DraftRow extends MatchPublishValues {
  locale: string;
  slug?: string;
}

/** The locales a call acts on: one, several, every one (`*`), or the default locale when none is given. */
const localesOf = (locale: Params['locale']): string[] | '*' => (locale === '*' ? '*' : Array.isArray(locale) ? locale : [locale ?? model.defaultLocale]);

export function registerMatchPublishGuard(strapi: Core.Strapi): void {
  if (!MATCH_UID) return;
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== MATCH_UID) return next();
    const params = ctx.params as Params;
    const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
    if (!publishing) return next();
    const locales = localesOf(params.locale);
    const drafts: DraftRow[] = params.documentId
      ? await strapi.db.query(MATCH_UID).findMany({
          where: { documentId: params.documentId, publishedAt: null, ...(locales === '*' ? {} : { locale: { $in: locales } }) },
          select: ['locale', 'slug', 'state', 'outcome'],
        })
      : [];
    // What is being saved with the publish counts over what was saved before.
    const candidates = params.data
      ? (locales === '*' ? drafts.map((d) => d.locale) : locales).map((locale) => ({ ...drafts.find((d) => d.locale === locale), locale, ...params.data }))
      : drafts;
    for (const values of candidates) {
      const problem = matchPublishProblem(values);
      if (!problem) continue;
      const name = typeof values.slug === 'string' && values.slug ? `"${values.slug}"` : (params.documentId ?? '(new)');
      throw new errors.ValidationError(`match ${name} [${values.locale}] ${problem.field} ${problem.message}`);
    }
    return next();
  });
}
