/**
 * Draft previews with the site's own pages (Strapi's free Preview feature).
 *
 * - `sitePreviewUrl` is the `preview.config.handler` of config/admin.ts: Strapi calls
 *   it when an admin opens an entry (its route requires an admin session; Strapi
 *   itself checks no permission there). It gives a URL of the preview service only
 *   to a user who may read and edit that locale of that content type, so a language
 *   editor previews only their own language; everyone else gets none (no
 *   "Open preview" button). The URL carries a short-lived signed token bound to the
 *   type, document, locale and version (preview-token.ts).
 * - `GET /ssc-preview/draft` is how the preview service (and nothing else) reads the
 *   entry: it must present SITE_PREVIEW_SECRET and a valid token (header
 *   `X-Preview-Token`, kept out of the URLs the CMS logs), and gets that one
 *   entry in that locale, populated as the pull reads published entries, with the
 *   locales the document is published in. It is an admin-type route, which the
 *   published-only guard lets read drafts; no content-API route ever does.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from './koa';
import { collectionByName, collectionByUid, model } from './model';
import { signPreviewToken, verifyPreviewToken } from './preview-token';

/** How long a preview URL works, unless SITE_PREVIEW_TTL_SECONDS says otherwise. */
const DEFAULT_TTL_SECONDS = 600;

interface Settings {
  url: string;
  secret: string;
  ttlSeconds: number;
}

/** The preview settings, or null when previews are not configured. */
export function previewSettings(env: NodeJS.ProcessEnv = process.env): Settings | null {
  const url = env.SITE_PREVIEW_URL?.replace(/\/+$/, '');
  const secret = env.SITE_PREVIEW_SECRET;
  if (!url || !secret) return null;
  const ttl = Number(env.SITE_PREVIEW_TTL_SECONDS ?? DEFAULT_TTL_SECONDS);
  return { url, secret, ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? ttl : DEFAULT_TTL_SECONDS };
}

interface PreviewParams {
  documentId: string;
  locale?: string;
  status?: string;
}

/** Whether the admin user of the current request may read and edit `uid` in `locale`. */
function mayPreview(strapi: Core.Strapi, uid: string, locale: string): boolean {
  const userAbility = strapi.requestContext.get()?.state?.userAbility;
  if (!userAbility) return false;
  const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid });
  return !checker.cannot.read({ locale }) && !checker.cannot.update({ locale });
}

/** The preview URL of one entry for the current admin user, or undefined (no preview for them). */
export function sitePreviewUrl(strapi: Core.Strapi, uid: string, params: PreviewParams, now = Date.now()): string | undefined {
  const settings = previewSettings();
  const collection = collectionByUid.get(uid);
  if (!settings || !collection?.isContentType || !params.documentId) return undefined;
  const locale = params.locale || model.defaultLocale;
  if (!mayPreview(strapi, uid, locale)) return undefined;
  const claims = {
    type: collection.name,
    documentId: params.documentId,
    locale,
    status: params.status === 'published' ? ('published' as const) : ('draft' as const),
    expires: Math.floor(now / 1000) + settings.ttlSeconds,
  };
  const token = signPreviewToken(claims, settings.secret);
  return `${settings.url}/preview/${collection.name}/${encodeURIComponent(claims.documentId)}/${locale}/${token}/`;
}

function presentsSecret(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

type Json = Record<string, unknown>;

/** The entry a valid token names, shaped like a content-API read (populated, with the locales it is published in). */
async function readPreviewEntry(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const settings = previewSettings();
  if (!settings || !presentsSecret(ctx.get('authorization'), settings.secret)) {
    ctx.status = 401;
    ctx.body = { error: 'the preview service must present SITE_PREVIEW_SECRET' };
    return;
  }
  const { type, documentId, locale } = ctx.query as Record<string, string | undefined>;
  const check = verifyPreviewToken(ctx.get('x-preview-token'), settings.secret, Date.now(), {
    type: type ?? '',
    documentId: documentId ?? '',
    locale: locale ?? '',
  });
  if (!check.ok) {
    ctx.status = 403;
    ctx.body = { error: `preview token refused: ${check.reason}` };
    return;
  }
  const collection = collectionByName.get(check.claims.type);
  if (!collection) {
    ctx.status = 404;
    return;
  }
  const uid = collection.uid;
  const entry = (await strapi.documents(uid).findOne({
    documentId: check.claims.documentId,
    locale: check.claims.locale,
    status: check.claims.status,
    populate: collection.populate as never,
  })) as Json | null;
  if (!entry) {
    ctx.status = 404;
    ctx.body = { error: `no ${check.claims.status} of ${collection.name} ${check.claims.documentId} in ${check.claims.locale}` };
    return;
  }
  const published = (await strapi.db.query(uid).findMany({
    where: { documentId: check.claims.documentId, publishedAt: { $notNull: true } },
    select: ['locale', 'publishedAt'],
  })) as { locale: string; publishedAt: string }[];
  // Who created or last changed it is none of the page's business.
  const fields = { ...entry };
  delete fields.createdBy;
  delete fields.updatedBy;
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = {
    data: { ...fields, localizations: published.filter((p) => p.locale !== check.claims.locale) },
    meta: { status: check.claims.status, publishedAt: published.find((p) => p.locale === check.claims.locale)?.publishedAt ?? null },
  };
}

/** Registers `GET /ssc-preview/draft`; call in `register`. */
export function registerSitePreviewRoutes(strapi: Core.Strapi): void {
  const admin = strapi.admin as unknown as { routes: Record<string, unknown> };
  admin.routes['ssc-preview'] = {
    type: 'admin',
    prefix: '/ssc-preview',
    routes: [
      {
        method: 'GET',
        path: '/draft',
        handler: (ctx: Context) => readPreviewEntry(strapi, ctx),
        // No admin session: the preview service presents the shared secret and the token instead.
        config: { auth: false },
      },
    ],
  };
}
