/**
 * What a page tells the layout about its languages: the real translations of this
 * page (for hreflang alternates and the sitemap) and where the language switcher
 * should point in every locale.
 */
import { defaultLocale, getLocale, locales, type LocaleCode } from '@ssc/content-schemas';

/** Locale → path of the same page in that locale, for locales where it exists. */
export type Translations = Partial<Record<LocaleCode, string>>;

export interface SwitcherLink {
  code: LocaleCode;
  tag: string;
  dir: 'ltr' | 'rtl';
  nativeName: string;
  /** null: the page does not exist in this language (shown as plain text). */
  href: string | null;
  current: boolean;
}

/**
 * The switcher of a page. Items pass only their translations, so the missing ones
 * show as "not available"; other pages pass a fallback (the locale's closest page)
 * so every language is a link.
 */
export function switcherLinks(current: LocaleCode, translations: Translations, fallback?: (locale: LocaleCode) => string): SwitcherLink[] {
  return locales.map((l) => ({
    code: l.code,
    tag: l.tag,
    dir: l.dir,
    nativeName: l.nativeName,
    href: translations[l.code] ?? fallback?.(l.code) ?? null,
    current: l.code === current,
  }));
}

export interface Alternate {
  hreflang: string;
  href: string;
}

/** hreflang alternates: one per real translation, plus x-default → the default locale's version when it exists. */
export function alternates(translations: Translations): Alternate[] {
  const list: Alternate[] = locales.filter((l) => translations[l.code]).map((l) => ({ hreflang: l.tag, href: translations[l.code]! }));
  const fallback = translations[defaultLocale];
  if (fallback) list.push({ hreflang: 'x-default', href: fallback });
  return list;
}

/** Open Graph wants language_TERRITORY; a script subtag is kept as the second part. */
export const ogLocale = (locale: LocaleCode) => getLocale(locale).tag.replace('-', '_');
