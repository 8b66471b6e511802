/**
 * `GET /api/learning/published-credentials`: the issuer profile (every public key) and
 * the signed revocation status list, for the pull to write into the snapshot and the
 * site to publish under `/credentials/`. Behind Strapi's API-token authentication; its
 * action is named `find` so that the pull's read-only build token can read it.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../../../lib/koa';
import { publishedCredentialFiles } from '../../../lib/learning/certificates/certificates';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await publishedCredentialFiles(strapi);
  },
});
