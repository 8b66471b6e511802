/** The choices of the exchange's submission forms that come from the snapshot (countries, themes) or the locales, in one locale. */
import { locales, type LocaleCode } from '@ssc/content-schemas';
import { entriesOf, themes } from './content.ts';

export interface Choice {
  value: string;
  label: string;
}

export async function exchangeFormChoices(locale: LocaleCode): Promise<Record<'countries' | 'themes' | 'languages', Choice[]>> {
  return {
    countries: (await entriesOf('country', locale)).map((c) => ({ value: c.slug, label: c.name })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    themes: (await themes(locale)).map((t) => ({ value: t.slug, label: t.name })),
    languages: locales.map((l) => ({ value: l.code, label: l.nativeName })),
  };
}
