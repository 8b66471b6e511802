/**
 * The locales of the platform. Everything else (Strapi's locales, editor roles,
 * the site's routes, search indexes) derives from this list.
 */
export interface LocaleDefinition {
  /** The code used in URLs, in Strapi and in the snapshot. */
  readonly code: string;
  /** The BCP-47 tag for `<html lang>`, `hreflang` and `Intl`. */
  readonly tag: string;
  /** The language's name in its own language and script. */
  readonly nativeName: string;
  /** The language's name in English, for logs and admin labels. */
  readonly englishName: string;
  readonly dir: 'ltr' | 'rtl';
}

export const locales = [
  { code: 'en', tag: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr' },
  { code: 'zh', tag: 'zh-Hans', nativeName: '中文', englishName: 'Chinese (Simplified)', dir: 'ltr' },
  { code: 'ar', tag: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl' },
  { code: 'es', tag: 'es', nativeName: 'Español', englishName: 'Spanish', dir: 'ltr' },
  { code: 'fr', tag: 'fr', nativeName: 'Français', englishName: 'French', dir: 'ltr' },
] as const satisfies readonly LocaleDefinition[];

export type LocaleCode = (typeof locales)[number]['code'];

export const defaultLocale: LocaleCode = 'en';

export const localeCodes: readonly LocaleCode[] = locales.map((l) => l.code);

export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (localeCodes as readonly string[]).includes(value);
}

export function getLocale(code: LocaleCode): LocaleDefinition {
  const found = locales.find((l) => l.code === code);
  if (!found) throw new Error(`Unknown locale "${code}"`);
  return found;
}
