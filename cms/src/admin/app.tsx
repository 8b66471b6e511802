import type { StrapiApp } from '@strapi/strapi/admin';
import { Globe } from '@strapi/icons';
import EntrySitePanel from './site/EntrySitePanel';

/**
 * The admin panel's own UI languages: English plus every platform language for
 * which Strapi ships translations (Chinese Simplified, Arabic, Spanish, French).
 * Each editor picks theirs under Profile → Interface language.
 * A "Site" page shows what is live on the static site and what was left out.
 */
export default {
  config: {
    locales: ['zh-Hans', 'ar', 'es', 'fr'],
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    app.addMenuLink({
      to: 'ssc-site',
      icon: Globe,
      intlLabel: { id: 'ssc-site.menu', defaultMessage: 'Site' },
      permissions: [],
      Component: () => import('./site/SitePage'),
    });
  },
  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void }).addEditViewSidePanel([EntrySitePanel]);
  },
};
