import type { Core } from '@strapi/strapi';
import { ensureLocales } from './lib/locales';
import { ensureEditorRoles } from './lib/editor-roles';
import { syncPublicAccess } from './lib/public-access';
import { ensureDemoAdmin } from './lib/demo-admin';
import { registerSlugGuard, registerUniqueWithinEntryGuard } from './lib/slug-guard';
import { registerLocaleGuard } from './lib/locale-guard';
import { ensureSiteRebuildWebhook } from './lib/site-rebuild-webhook';
import { reconcileAll, registerChangeRecorder } from './lib/syndication/recorder';
import { registerPartnerTokenGuard, watchTokenChanges } from './lib/syndication/tokens';
import { registerPublishedOnlyReads } from './lib/published-only-reads';
import { closePluginContentApiRoutes, disablePublicRegistration } from './lib/closed-plugin-routes';
import { registerMediaGuard } from './lib/media-guard';
import { registerMatchLinksGuard } from './lib/exchange/match-links-guard';
import { registerMatchPublishGuard } from './lib/exchange/match-publish-guard';
import { registerExchangeAdminRoutes } from './lib/exchange/admin-routes';
import { registerApprovalOnPublish } from './lib/exchange/approval-on-publish';
import { registerSiteAdminRoutes } from './lib/site-admin';
import { ensureEntryLabels } from './lib/entry-labels';
import { registerScheduleAdminRoutes, startSchedulerWhenListening, stopScheduler } from './lib/scheduling';
import { registerTranslationAdminRoutes } from './lib/translations/admin-routes';
import { registerSourceTracking } from './lib/translations/source-tracking';
import { registerSitePreviewRoutes } from './lib/site-preview';
import { ensureCertificates } from './lib/learning/certificates/setup';
import { registerCertificateAdminRoutes } from './lib/learning/certificates/admin-routes';
import { ensureLearnerRole } from './lib/learning/learner-role';
import { ensureProgressTables } from './lib/learning/progress-store';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    closePluginContentApiRoutes(strapi);
    registerSiteAdminRoutes(strapi);
    registerScheduleAdminRoutes(strapi);
    registerTranslationAdminRoutes(strapi);
    registerSitePreviewRoutes(strapi);
    registerCertificateAdminRoutes(strapi);
    registerExchangeAdminRoutes(strapi);
    registerPublishedOnlyReads(strapi);
    registerSlugGuard(strapi);
    registerUniqueWithinEntryGuard(strapi);
    registerLocaleGuard(strapi);
    registerMatchPublishGuard(strapi);
    registerMatchLinksGuard(strapi);
    registerApprovalOnPublish(strapi);
    registerPartnerTokenGuard(strapi);
    registerSourceTracking(strapi);
    // Last, so that it records only writes the guards let through.
    registerChangeRecorder(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureProgressTables(strapi);
    await ensureEditorRoles(strapi);
    await ensureEntryLabels(strapi);
    await syncPublicAccess(strapi, process.env.PUBLIC_API_READ === 'true');
    await disablePublicRegistration(strapi);
    await ensureLearnerRole(strapi);
    registerMediaGuard(strapi);
    await ensureDemoAdmin(strapi);
    await ensureSiteRebuildWebhook(strapi);
    await ensureCertificates(strapi);
    watchTokenChanges(strapi);
    await reconcileAll(strapi);
    startSchedulerWhenListening(strapi);
  },

  async destroy() {
    await stopScheduler();
  },
};
