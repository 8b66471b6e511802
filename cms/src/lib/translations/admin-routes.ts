/**
 * The translation status in the admin, at `/ssc-translations/...` (admin routes: an
 * admin session is required; nothing here is reachable through the content API):
 * - GET `/status?type=&theme=&locale=&state=a,b`: the report, and the default view of
 *   the user (a language editor's own locale, missing and outdated); only the types the
 *   user may read in the content manager (a language editor sees no offer, demand or
 *   match), and the routes below answer "no such document" for the others;
 * - GET `/entry?uid=&documentId=&locale=`: one entry's state, its source and which
 *   translations its source's current edit makes outdated (the edit view's panel);
 * - POST `/no-translation-needed` `{ uid, documentId }`: the source's current edit
 *   does not make translations outdated (the source locale's editor or the chief editor);
 * - POST `/source` `{ uid, documentId, locale }`: makes `locale` the document's source
 *   (the current source locale's editor or the chief editor).
 */
import type { Core } from '@strapi/strapi';
import { hasEditorialControl, localeEditorCode } from '../editor-roles';
import type { Context } from '../koa';
import { registerAdminRoutes } from '../admin-routes';
import { model } from '../model';
import { loadDocument, localeOrder, type DocumentTranslations } from './records';
import { documentRow, parseFilters, translationReport, type TranslationFilters, type TranslationReport } from './report';
import { contentManagerReader, type MayRead } from './readable-types';
import { chooseSourceLocale, markSourceEditNeedsNoTranslation } from './source-tracking';
import type { UserAbility } from '../scheduling/permissions';
import type { TranslationState } from './states';

type Roles = { code: string }[] | undefined;

/** The locale of a language editor (null for the chief editor, super admins and users without one). */
export function editorLocale(roles: Roles): string | null {
  if (hasEditorialControl(roles)) return null;
  return model.locales.find((l) => (roles ?? []).some((r) => r.code === localeEditorCode(l.code)))?.code ?? null;
}

/** Whether the user may act for the source locale of a document. */
const mayActForSource = (roles: Roles, sourceLocale: string | null) =>
  hasEditorialControl(roles) || (!!sourceLocale && (roles ?? []).some((r) => r.code === localeEditorCode(sourceLocale)));

export interface TranslationStatusResponse extends TranslationReport {
  /** What the page shows first: a language editor's own queue, or everything. */
  defaultView: TranslationFilters;
}

export interface EntryTranslationStatus {
  sourceLocale: string | null;
  isSource: boolean;
  /** Locales whose translation is outdated against the source's current text. */
  outdated: string[];
  states: Record<string, TranslationState>;
  canMarkNoTranslationNeeded: boolean;
  canChooseSource: boolean;
}

async function entryStatus(strapi: Core.Strapi, doc: DocumentTranslations, locale: string, roles: Roles): Promise<EntryTranslationStatus> {
  const row = await documentRow(strapi, doc.collection, doc.documentId);
  const states = Object.fromEntries(Object.entries(row?.cells ?? {}).map(([l, c]) => [l, c.state]));
  return {
    sourceLocale: doc.sourceLocale,
    isSource: locale === doc.sourceLocale,
    outdated: localeOrder.filter((l) => states[l] === 'outdated'),
    states,
    canMarkNoTranslationNeeded: mayActForSource(roles, doc.sourceLocale),
    canChooseSource: mayActForSource(roles, doc.sourceLocale),
  };
}

type Body = { uid?: unknown; documentId?: unknown; locale?: unknown };

/** The document the request names, when it has drafts and the user may read its type. */
async function documentFrom(strapi: Core.Strapi, source: Body, mayRead: MayRead): Promise<DocumentTranslations | null> {
  if (typeof source.uid !== 'string' || typeof source.documentId !== 'string' || !mayRead(source.uid)) return null;
  const doc = await loadDocument(strapi, source.uid, source.documentId);
  return doc?.drafts.length ? doc : null;
}

export function registerTranslationAdminRoutes(strapi: Core.Strapi): void {
  const roles = (ctx: Context): Roles => ctx.state?.user?.roles;
  const reader = (ctx: Context): MayRead => contentManagerReader(strapi, ctx.state?.userAbility as UserAbility | undefined);
  registerAdminRoutes(strapi, 'ssc-translations', '/ssc-translations', [
    {
      method: 'GET',
      path: '/status',
      handler: async (ctx: Context) => {
        const locale = editorLocale(roles(ctx));
        const report = await translationReport(strapi, parseFilters(ctx.query as Record<string, unknown>), { mayRead: reader(ctx) });
        const body: TranslationStatusResponse = { ...report, defaultView: locale ? { locale, states: ['missing', 'outdated'] } : {} };
        ctx.body = body;
      },
    },
    {
      method: 'GET',
      path: '/entry',
      handler: async (ctx: Context) => {
        const query = ctx.query as Body;
        const doc = await documentFrom(strapi, query, reader(ctx));
        if (!doc || typeof query.locale !== 'string') return ctx.notFound('No such document');
        ctx.body = await entryStatus(strapi, doc, query.locale, roles(ctx));
      },
    },
    {
      method: 'POST',
      path: '/no-translation-needed',
      handler: async (ctx: Context) => {
        const doc = await documentFrom(strapi, (ctx.request.body ?? {}) as Body, reader(ctx));
        if (!doc) return ctx.notFound('No such document');
        if (!mayActForSource(roles(ctx), doc.sourceLocale)) return ctx.forbidden(`Only the editor of the source locale (${doc.sourceLocale}) may do this`);
        await markSourceEditNeedsNoTranslation(strapi, doc);
        ctx.body = await entryStatus(strapi, (await loadDocument(strapi, doc.collection.uid, doc.documentId))!, doc.sourceLocale!, roles(ctx));
      },
    },
    {
      method: 'POST',
      path: '/source',
      handler: async (ctx: Context) => {
        const body = (ctx.request.body ?? {}) as Body;
        const doc = await documentFrom(strapi, body, reader(ctx));
        if (!doc) return ctx.notFound('No such document');
        if (typeof body.locale !== 'string' || !doc.drafts.some((d) => d.locale === body.locale))
          return ctx.badRequest('The document has no version in that locale');
        if (!mayActForSource(roles(ctx), doc.sourceLocale)) return ctx.forbidden(`Only the editor of the source locale (${doc.sourceLocale}) may do this`);
        const updated = await chooseSourceLocale(strapi, doc, body.locale);
        ctx.body = await entryStatus(strapi, updated ?? doc, body.locale, roles(ctx));
      },
    },
  ]);
}
