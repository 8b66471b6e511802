/**
 * The site's UI strings (i18next files `<locale>.json`, English the source) key by
 * key: `missing` when a locale lacks a key English has, `outdated` when the English
 * value changed since the translation was last marked done, `published` otherwise.
 * What each translation was made from is kept in a committed sidecar per locale,
 * `translated-from/<locale>.json`: key → a hash of the English value it translates.
 * A key the sidecar does not know is taken as current.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { model } from '../model';
import type { TranslationState } from './states';

export type UiStringState = Extract<TranslationState, 'missing' | 'outdated' | 'published'>;

export interface UiStringsReport {
  sourceLocale: string;
  keys: number;
  /** Every key in every locale with its state. */
  entries: { key: string; locale: string; state: UiStringState }[];
  counts: Record<string, Record<UiStringState, number>>;
}

type Strings = Record<string, string>;

export const uiStringHash = (english: string) => crypto.createHash('sha256').update(english).digest('hex').slice(0, 16);

const sidecarFile = (dir: string, locale: string) => path.join(dir, 'translated-from', `${locale}.json`);

function readJson(file: string): Strings | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Strings;
  } catch {
    return null;
  }
}

/** The state of every key in every locale but the source; null when the files are not there (a CMS deployed without the site's sources). */
export function readUiStrings(dir: string): UiStringsReport | null {
  const sourceLocale = model.defaultLocale;
  const english = readJson(path.join(dir, `${sourceLocale}.json`));
  if (!english) return null;
  const report: UiStringsReport = { sourceLocale, keys: Object.keys(english).length, entries: [], counts: {} };
  for (const { code } of model.locales) {
    const counts = { missing: 0, outdated: 0, published: 0 };
    report.counts[code] = counts;
    const strings = code === sourceLocale ? english : (readJson(path.join(dir, `${code}.json`)) ?? {});
    const madeFrom = code === sourceLocale ? {} : (readJson(sidecarFile(dir, code)) ?? {});
    for (const [key, value] of Object.entries(english)) {
      const translated = strings[key];
      const state: UiStringState =
        translated === undefined || translated === '' ? 'missing' : madeFrom[key] && madeFrom[key] !== uiStringHash(value) ? 'outdated' : 'published';
      counts[state]++;
      report.entries.push({ key, locale: code, state });
    }
  }
  return report;
}

/**
 * Records that `locale`'s strings (all of them, or only `keys`) now translate the
 * current English values; returns the keys recorded.
 */
export function markUiStringsTranslated(dir: string, locale: string, keys?: string[]): string[] {
  const english = readJson(path.join(dir, `${model.defaultLocale}.json`)) ?? {};
  const strings = readJson(path.join(dir, `${locale}.json`)) ?? {};
  const file = sidecarFile(dir, locale);
  const madeFrom = readJson(file) ?? {};
  const chosen = (keys?.length ? keys : Object.keys(english)).filter((k) => english[k] !== undefined && strings[k]);
  for (const key of chosen) madeFrom[key] = uiStringHash(english[key]);
  const sorted = Object.fromEntries(
    Object.keys(english)
      .filter((k) => madeFrom[k])
      .map((k) => [k, madeFrom[k]]),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  return chosen;
}
