import type { StrapiApp } from '@strapi/strapi/admin';
import { Globe, SealCheck } from '@strapi/icons';
import EntrySitePanel from './site/EntrySitePanel';
import { followLocaleDirection } from './editing/prose-direction';
import model from '../generated/model.json';

/**
 * The admin panel's own UI languages: English (Strapi's own) plus every language of
 * the content model, by its BCP-47 tag, which is how Strapi names its translations
 * (zh-Hans, ar, es, fr…). Each editor picks theirs under Profile → Interface language.
 * A "Site" page shows what is live on the static site and what was left out. In the
 * edit view, prose fields follow the direction of the entry's language.
 */
export default {
  config: {
    locales: model.locales.map((l) => l.tag).filter((tag) => tag !== 'en'),
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
    // The chief editor revokes Cloud School certificates here (the routes refuse everyone else).
    app.addMenuLink({
      to: 'ssc-certificates',
      icon: SealCheck,
      intlLabel: { id: 'ssc-certificates.menu', defaultMessage: 'Certificates' },
      permissions: [],
      Component: () => import('./certificates/CertificatesPage'),
    });
  },
  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void }).addEditViewSidePanel([EntrySitePanel]);
    followLocaleDirection();
  },
};
