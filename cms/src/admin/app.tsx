import type { StrapiApp } from '@strapi/strapi/admin';
import { Clock, Earth, Globe, HandHeart, SealCheck } from '@strapi/icons';
import EntrySitePanel from './site/EntrySitePanel';
import EntryTranslationPanel from './translations/EntryTranslationPanel';
import SchedulePanel from './scheduling/SchedulePanel';
import DemandSuggestionsPanel from './exchange/DemandSuggestionsPanel';
import MatchLinksPanel from './exchange/MatchLinksPanel';
import { followLocaleDirection } from './editing/prose-direction';
import model from '../generated/model.json';

/**
 * The admin panel's own UI languages: English (Strapi's own) plus every language of
 * the content model, by its BCP-47 tag, which is how Strapi names its translations
 * (zh-Hans, ar, es, fr…). Each editor picks theirs under Profile → Interface language.
 * A "Site" page shows what is live on the static site and what was left out; a
 * "Translations" page shows every document's state in every locale; a "Scheduled"
 * page and a Schedule panel in the edit view show scheduled publishing. In the edit
 * view, prose fields follow the direction of the entry's language. A "Certificates"
 * page lists Cloud School certificates for the chief editor to revoke. An "Exchange"
 * page shows brokers the open demands of the solutions exchange, their suggested
 * offers and solutions, and moderation; a Linked records panel in a match's edit view
 * names the offers and solutions its links point to; a Suggestions panel in a demand's edit view
 * shows its top three.
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
    app.addMenuLink({
      to: 'ssc-translations',
      icon: Earth,
      intlLabel: { id: 'ssc-translations.menu', defaultMessage: 'Translations' },
      permissions: [],
      Component: () => import('./translations/TranslationsPage'),
    });
    app.addMenuLink({
      to: 'ssc-scheduled',
      icon: Clock,
      intlLabel: { id: 'ssc-scheduled.menu', defaultMessage: 'Scheduled' },
      permissions: [],
      Component: () => import('./scheduling/ScheduledPage'),
    });
    // The chief editor revokes Cloud School certificates here (the routes refuse everyone else).
    app.addMenuLink({
      to: 'ssc-certificates',
      icon: SealCheck,
      intlLabel: { id: 'ssc-certificates.menu', defaultMessage: 'Certificates' },
      permissions: [],
      Component: () => import('./certificates/CertificatesPage'),
    });
    // Brokers and the chief editor (the routes refuse everyone else).
    app.addMenuLink({
      to: 'ssc-exchange',
      icon: HandHeart,
      intlLabel: { id: 'ssc-exchange.menu', defaultMessage: 'Exchange' },
      permissions: [],
      Component: () => import('./exchange/ExchangePage'),
    });
  },
  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void }).addEditViewSidePanel([
      EntrySitePanel,
      EntryTranslationPanel,
      SchedulePanel,
      DemandSuggestionsPanel,
      MatchLinksPanel,
    ]);
    followLocaleDirection();
  },
};
