/**
 * What the licence ids of the model (LICENSES) link to: the Creative Commons deed
 * for the CC ones, nothing for "all rights reserved". The site links each item's
 * licence in the page's language; the partner API sends the deed's plain URL.
 */
import { LICENSES } from './model.ts';

export type LicenseId = (typeof LICENSES)[number];

/** The deed of a licence id (`CC-BY-4.0`, `CC0-1.0`, …), or null when it has none. */
export function licenseDeedUrl(license: string): string | null {
  if (license === 'CC0-1.0') return 'https://creativecommons.org/publicdomain/zero/1.0/';
  const match = /^CC-(BY(?:-[A-Z]+)*)-(\d\.\d)$/.exec(license);
  return match ? `https://creativecommons.org/licenses/${match[1].toLowerCase()}/${match[2]}/` : null;
}

/** Every licence of the model with its deed (or null), for code that cannot import this module. */
export const licenseDeeds = (): Record<LicenseId, string | null> =>
  Object.fromEntries(LICENSES.map((id) => [id, licenseDeedUrl(id)])) as Record<LicenseId, string | null>;
