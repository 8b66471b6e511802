/**
 * The translation report as a service, so that command-line tools that load the
 * CMS (cms/tools/translations.ts) read exactly what the admin's Translations page shows.
 */
import type { Core } from '@strapi/strapi';
import { translationReport, type TranslationFilters } from '../../../lib/translations/report';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  report: (filters: TranslationFilters = {}) => translationReport(strapi, filters),
});
