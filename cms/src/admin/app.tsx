import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * The admin panel's own UI languages: English plus every platform language for
 * which Strapi ships translations (Chinese Simplified, Arabic, Spanish, French).
 * Each editor picks theirs under Profile → Interface language.
 */
export default {
  config: {
    locales: ['zh-Hans', 'ar', 'es', 'fr'],
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
