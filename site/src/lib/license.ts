/** Links for the licences of the model (LICENSES), in the reader's language. */
import { getLocale, licenseDeedUrl, type LocaleCode } from '@ssc/content-schemas';

/** The Creative Commons deed of a licence in the page's language, or null for "all rights reserved". */
export function licenseUrl(license: string, locale: LocaleCode): string | null {
  const deed = licenseDeedUrl(license);
  return deed && `${deed}deed.${getLocale(locale).tag.toLowerCase()}`;
}
