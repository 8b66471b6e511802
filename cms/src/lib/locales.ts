/** Creates the platform's locales in Strapi, idempotently, and makes the default one default. */
import type { Core } from '@strapi/strapi';
import { model } from './model';

export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('i18n').service('locales');
  for (const locale of model.locales) {
    const existing = await service.findByCode(locale.code);
    if (!existing) {
      await service.create({ code: locale.code, name: locale.name });
      strapi.log.info(`[locales] created ${locale.code} (${locale.name})`);
    } else if (existing.name !== locale.name) {
      await service.update({ code: locale.code }, { name: locale.name });
    }
  }
  if ((await service.getDefaultLocale()) !== model.defaultLocale) {
    await service.setDefaultLocale({ code: model.defaultLocale });
  }
}
