/** Links for the licences of the model (LICENSES), derived from their SPDX-like ids. */
import { getLocale, type LocaleCode } from '@ssc/content-schemas';

/** The Creative Commons deed of a licence in the page's language, or null for "all rights reserved". */
export function licenseUrl(license: string, locale: LocaleCode): string | null {
  const deed = `deed.${getLocale(locale).tag.toLowerCase()}`;
  if (license === 'CC0-1.0') return `https://creativecommons.org/publicdomain/zero/1.0/${deed}`;
  const match = /^CC-(BY(?:-[A-Z]+)*)-(\d\.\d)$/.exec(license);
  return match ? `https://creativecommons.org/licenses/${match[1].toLowerCase()}/${match[2]}/${deed}` : null;
}
