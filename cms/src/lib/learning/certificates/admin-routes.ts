/**
 * The admin's certificate routes, at `/ssc-learning/...` (an admin session required):
 * every editor sees per-course counts (enrolments, completions, certificates by locale);
 * the chief editor (or a super admin) lists certificates (ids, courses, locales and
 * dates, never a learner) and revokes one. Revoking sets its bit in the status list and
 * asks the site for a rebuild, like a publish.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../../koa';
import { registerAdminRoutes } from '../../admin-routes';
import { hasEditorialControl } from '../../editor-roles';
import { revokeCertificate } from './certificates';
import { courseCounts } from './course-counts';
import { CREDENTIALS_TABLE, type CredentialRow } from './tables';

const LIST_LIMIT = 200;

export interface CertificateListing {
  id: string;
  courseDocumentId: string;
  locale: string;
  issuedAt: string;
  revokedAt: string | null;
}

const canRevoke = (ctx: Context) => hasEditorialControl(ctx.state?.user?.roles);

export function registerCertificateAdminRoutes(strapi: Core.Strapi): void {
  registerAdminRoutes(strapi, 'ssc-learning-certificates', '/ssc-learning', [
    {
      // Every editor: counts only.
      method: 'GET',
      path: '/counts',
      handler: async (ctx: Context) => {
        ctx.body = { courses: await courseCounts(strapi) };
      },
    },
    {
      method: 'GET',
      path: '/certificates',
      handler: async (ctx: Context) => {
        if (!canRevoke(ctx)) return ctx.forbidden('Only the chief editor manages certificates');
        const query = String((ctx.query as Record<string, unknown>).id ?? '').trim();
        let rows = strapi.db.connection(CREDENTIALS_TABLE).select('credential_id', 'course_document_id', 'locale', 'issued_at', 'revoked_at');
        if (query) rows = rows.where({ credential_id: query.replace(/^urn:uuid:/, '') });
        const found = (await rows.orderBy('id', 'desc').limit(LIST_LIMIT)) as CredentialRow[];
        ctx.body = {
          certificates: found.map((r): CertificateListing => ({
            id: r.credential_id,
            courseDocumentId: r.course_document_id,
            locale: r.locale,
            issuedAt: new Date(r.issued_at).toISOString(),
            revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
          })),
        };
      },
    },
    {
      method: 'POST',
      path: '/certificates/:id/revoke',
      handler: async (ctx: Context) => {
        if (!canRevoke(ctx)) return ctx.forbidden('Only the chief editor can revoke a certificate');
        const id = String(ctx.params.id).replace(/^urn:uuid:/, '');
        if (!(await revokeCertificate(strapi, id))) return ctx.notFound('No such certificate');
        ctx.body = { id, revoked: true };
      },
    },
  ]);
}
