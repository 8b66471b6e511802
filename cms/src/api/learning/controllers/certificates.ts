/**
 * `GET /api/learning/certificates/{id}` (the printable page), `{id}.pdf` and `{id}.json`
 * (the credential, for a wallet). Anyone holding the certificate's unguessable id (a
 * random UUID) may open them, as with a share link: the learner hands the link or the QR
 * code to whoever should check it. They carry no clear personal data; the page shows the
 * learner's email only to the signed-in owner.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../../../lib/koa';
import { currentLearner } from '../../../lib/learning/session';
import { findCertificate } from '../../../lib/learning/certificates/certificates';
import { certificateUrl, verifyLink } from '../../../lib/learning/certificates/issuer';
import { renderCertificatePage } from '../../../lib/learning/certificates/certificate-page';
import { canPrintPdf, printCertificatePdf } from '../../../lib/learning/certificates/certificate-pdf';

const FILE = /^([0-9a-f-]{36})(\.pdf|\.json)?$/;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const match = FILE.exec(String(ctx.params.file ?? ''));
    const certificate = match ? await findCertificate(strapi, match[1]!) : null;
    if (!match || !certificate) return ctx.notFound('No such certificate');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    if (match[2] === '.json') {
      // A public document (no personal data in clear): any verifier may fetch it, the site's verify page included.
      ctx.set('Access-Control-Allow-Origin', '*');
      ctx.set('Content-Disposition', `inline; filename="certificate-${certificate.id}.json"`);
      ctx.type = 'application/vc+ld+json';
      ctx.body = JSON.stringify(certificate.credential, null, 2);
      return;
    }
    const learner = await currentLearner(strapi, ctx);
    const html = await renderCertificatePage({
      certificate,
      verifyLink: verifyLink(strapi, certificate.locale, certificate.id),
      pageUrl: certificateUrl(strapi, certificate.id),
      ownerEmail: learner && learner.id === certificate.learnerId ? learner.email : null,
    });
    if (match[2] === '.pdf') {
      if (!canPrintPdf()) {
        ctx.status = 503;
        ctx.body = { error: 'PDF printing is not available on this server (no Chromium): print the certificate page from your browser instead' };
        return;
      }
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `attachment; filename="certificate-${certificate.id}.pdf"`);
      ctx.body = await printCertificatePdf(html);
      return;
    }
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = html;
  },
});
