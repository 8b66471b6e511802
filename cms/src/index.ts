import type { Core } from '@strapi/strapi';
import { ensureLocales } from './lib/locales';
import { ensureEditorRoles } from './lib/editor-roles';
import { syncPublicAccess } from './lib/public-access';
import { ensureDemoAdmin } from './lib/demo-admin';
import { registerSlugGuard } from './lib/slug-guard';
import { registerLocaleGuard } from './lib/locale-guard';
import { ensureSiteRebuildWebhook } from './lib/site-rebuild-webhook';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerSlugGuard(strapi);
    registerLocaleGuard(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureEditorRoles(strapi);
    await syncPublicAccess(strapi, process.env.PUBLIC_API_READ === 'true');
    await ensureDemoAdmin(strapi);
    await ensureSiteRebuildWebhook(strapi);
  },
};
