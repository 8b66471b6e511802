/**
 * UI strings through one i18next instance. Resources: one flat JSON file per locale
 * in src/i18n/<code>.json, all with the same keys (test/i18n.test.ts checks it).
 * Keys are flat and may contain dots (`license.CC-BY-4.0`), so key and namespace
 * separators are off. A missing key fails the build rather than showing the key.
 */
import i18next, { type TOptions } from 'i18next';
import { locales, type LocaleCode } from '@ssc/content-schemas';

type Resource = Record<string, string>;

const files = import.meta.glob<Resource>('../i18n/*.json', { eager: true, import: 'default' });

function resourceFor(code: LocaleCode): Resource {
  const entry = Object.entries(files).find(([file]) => file.endsWith(`/${code}.json`));
  if (!entry) throw new Error(`No UI strings for locale "${code}" (expected src/i18n/${code}.json)`);
  return entry[1];
}

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(locales.map((l) => [l.code, { translation: resourceFor(l.code) }])),
  lng: locales[0].code,
  fallbackLng: false,
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
  // Astro escapes every expression it renders; escaping here too would double it.
  interpolation: { escapeValue: false },
});

/** Every UI string of every locale, by file: part of every page's cache key (src/lib/cache-keys.ts). */
export function uiStrings(): Record<string, Resource> {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Strings without placeholders, once looked up: pages ask for the same few thousands of times. */
const plain = new Map<string, string>();

/** One UI string in one locale, with optional {{placeholders}}. */
export function t(locale: LocaleCode, key: string, values?: Record<string, string | number>): string {
  const cacheKey = values ? undefined : `${locale}\0${key}`;
  const known = cacheKey === undefined ? undefined : plain.get(cacheKey);
  if (known !== undefined) return known;
  if (!instance.exists(key, { lng: locale })) throw new Error(`Missing UI string "${key}" for locale "${locale}"`);
  const text = instance.t(key, { ...values, lng: locale } as TOptions);
  if (cacheKey !== undefined) plain.set(cacheKey, text);
  return text;
}

/** A translator bound to one locale, for templates. */
export function translator(locale: LocaleCode): (key: string, values?: Record<string, string | number>) => string {
  return (key, values) => t(locale, key, values);
}
