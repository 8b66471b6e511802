/**
 * Keeps slugs sound across translations: lowercase ASCII, and unique within a type
 * across documents (every translation of one document shares its slug, which Strapi
 * syncs because the field is not localized). Runs for every write, drafts included,
 * so a clash is reported when it is made rather than at publish time.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { collectionByUid, SLUG } from './model';

export function registerSlugGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const collection = collectionByUid.get(ctx.uid);
    if (!collection || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: { slug?: unknown }; documentId?: string; locale?: string };
    const slug = params.data?.slug;
    if (slug === undefined || slug === null) return next();
    const where = `${collection.name} [${params.locale ?? 'default locale'}] slug`;
    if (typeof slug !== 'string' || !SLUG.test(slug)) {
      throw new errors.ValidationError(`${where}: "${String(slug)}" must be lowercase ASCII words joined by single hyphens`);
    }
    const clash = await strapi.db.query(ctx.uid).findOne({
      where: { slug, ...(params.documentId ? { documentId: { $ne: params.documentId } } : {}) },
      select: ['documentId'],
    });
    if (clash) {
      throw new errors.ValidationError(`${where}: "${slug}" is already used by ${collection.name} ${clash.documentId}`);
    }
    return next();
  });
}

/** The values at a path like `modules.*.lessons.*.slug` in submitted data (`*`: every entry of a list). */
function valuesAt(data: unknown, parts: readonly string[]): unknown[] {
  if (!parts.length) return [data];
  const [head, ...rest] = parts;
  if (head === '*') return Array.isArray(data) ? data.flatMap((item) => valuesAt(item, rest)) : [];
  return data && typeof data === 'object' ? valuesAt((data as Record<string, unknown>)[head!], rest) : [];
}

/**
 * Values that must differ within one entry (the model's `uniqueWithinEntry`: a
 * lesson's slug within its course), checked on every write that sends them.
 */
export function registerUniqueWithinEntryGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    const collection = collectionByUid.get(ctx.uid);
    if (!collection?.uniqueWithinEntry.length || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Record<string, unknown>; locale?: string };
    for (const path of collection.uniqueWithinEntry) {
      const parts = path.split('.');
      if (!params.data || !(parts[0]! in params.data)) continue;
      const seen = new Set<unknown>();
      for (const value of valuesAt(params.data, parts)) {
        if (value === null || value === undefined || value === '') continue;
        if (seen.has(value)) {
          throw new errors.ValidationError(`${collection.name} [${params.locale ?? 'default locale'}] ${path}: "${String(value)}" is used twice in this entry`);
        }
        seen.add(value);
      }
    }
    return next();
  });
}
