/**
 * The translation report: every document of every localized collection of the model
 * in every locale, with its state, its source locale and a link to its edit view,
 * plus the site's UI strings key by key. The admin API, the Translations page and
 * `npm run translations` all read it.
 */
import type { Core } from '@strapi/strapi';
import { model, collectionByName, type RuntimeCollection } from '../model';
import { cellState, countsByLocale, newestSourceFirst, type StateCounts, type TranslationState, TRANSLATION_STATES } from './states';
import { draftRows, localeOrder, publishedTimes, recordsOf, sourceLocaleFrom, sourceVersions, type DraftRow, type RecordRow } from './records';
import { readUiStrings, type UiStringsReport } from './ui-strings';

export interface TranslationCell {
  state: TranslationState;
  /** The admin path of this entry in this locale (a new translation when missing). */
  editPath: string;
}

export interface TranslationRow {
  type: string;
  uid: string;
  documentId: string;
  title: string;
  sourceLocale: string;
  /** When the source version was last saved. */
  sourceUpdatedAt: string | null;
  themes: string[];
  cells: Record<string, TranslationCell>;
}

export interface TranslationFilters {
  type?: string;
  theme?: string;
  locale?: string;
  states?: TranslationState[];
}

export interface TranslationReport {
  generatedAt: string;
  locales: { code: string; name: string }[];
  types: { name: string; uid: string; displayName: string }[];
  themes: { documentId: string; name: string }[];
  filters: TranslationFilters;
  rows: TranslationRow[];
  /** Per locale, over the rows of the type and theme filters (before the locale and state filters). */
  counts: Record<string, StateCounts>;
  uiStrings: UiStringsReport | null;
}

export const editPath = (uid: string, documentId: string, locale: string) =>
  `/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${locale}`;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

async function collectionRows(strapi: Core.Strapi, collection: RuntimeCollection, documentIds?: string[]): Promise<TranslationRow[]> {
  const [drafts, published, records] = await Promise.all([
    draftRows(strapi, collection, documentIds),
    publishedTimes(strapi, collection, documentIds),
    recordsOf(strapi, collection.uid, documentIds),
  ]);
  const recordsByDoc = groupBy<RecordRow>(records, (r) => r.itemDocumentId);
  const versionsByDoc = groupBy<DraftRow>(drafts, (d) => d.documentId);
  const sourceLocales = new Map<string, string>();
  for (const [documentId, versions] of versionsByDoc) {
    const locale = sourceLocaleFrom(versions, recordsByDoc.get(documentId) ?? []);
    if (locale) sourceLocales.set(documentId, locale);
  }
  const sources = await sourceVersions(strapi, collection, sourceLocales);
  const rows: TranslationRow[] = [];
  for (const [documentId, source] of sources) {
    const versions = versionsByDoc.get(documentId) ?? [];
    const docRecords = recordsByDoc.get(documentId) ?? [];
    const aliases = docRecords.find((r) => r.itemLocale === source.locale)?.aliases ?? {};
    const cells: Record<string, TranslationCell> = {};
    for (const locale of localeOrder) {
      const draft = versions.find((v) => v.locale === locale) ?? null;
      const publishedAt = published.get(`${documentId}:${locale}`);
      const state = cellState({
        locale,
        sourceLocale: source.locale,
        versions: draft ? { draft, published: publishedAt ? { updatedAt: publishedAt } : null } : null,
        record: docRecords.find((r) => r.itemLocale === locale) ?? null,
        currentSourceHash: source.hash,
        aliases,
        hasDrafts: collection.draftAndPublish,
      });
      cells[locale] = { state, editPath: editPath(collection.uid, documentId, locale) };
    }
    rows.push({
      type: collection.name,
      uid: collection.uid,
      documentId,
      title: source.title,
      sourceLocale: source.locale,
      sourceUpdatedAt: source.updatedAt,
      themes: source.themes,
      cells,
    });
  }
  return rows;
}

/** One document's row of the report. */
export async function documentRow(strapi: Core.Strapi, collection: RuntimeCollection, documentId: string): Promise<TranslationRow | null> {
  return (await collectionRows(strapi, collection, [documentId]))[0] ?? null;
}

/** Parses filters from a query string's values; unknown types, locales and states are ignored. */
export function parseFilters(query: Record<string, unknown>): TranslationFilters {
  const one = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const type = one(query.type);
  const locale = one(query.locale);
  const states = (one(query.state) ?? '').split(',').filter((s): s is TranslationState => (TRANSLATION_STATES as readonly string[]).includes(s));
  return {
    type: type && collectionByName.has(type) ? type : undefined,
    theme: one(query.theme),
    locale: locale && localeOrder.includes(locale) ? locale : undefined,
    states: states.length ? states : undefined,
  };
}

/** Keeps the rows a filter selects: with a locale, its cell must be in one of the states; without, any cell. */
export function filterRows(rows: TranslationRow[], filters: TranslationFilters): TranslationRow[] {
  return rows.filter((row) => {
    if (filters.type && row.type !== filters.type) return false;
    if (filters.theme && !row.themes.includes(filters.theme)) return false;
    if (!filters.states) return true;
    const cells = filters.locale ? [row.cells[filters.locale]] : Object.values(row.cells);
    return cells.some((c) => c && filters.states!.includes(c.state));
  });
}

export interface ReportOptions {
  /** The collections whose rows the report holds (all by default): the admin passes what the signed-in user may read. */
  mayRead?: (uid: string) => boolean;
  /** The site's i18next files (default: `defaultSiteI18nDir`). */
  siteI18nDir?: string;
}

export async function translationReport(strapi: Core.Strapi, filters: TranslationFilters = {}, options: ReportOptions = {}): Promise<TranslationReport> {
  const readable = model.collections.filter((c) => options.mayRead?.(c.uid) ?? true);
  const all = (await Promise.all(readable.map((c) => collectionRows(strapi, c)))).flat();
  const themeCollection = collectionByName.get('theme');
  const themeRows = all.filter((r) => r.uid === themeCollection?.uid);
  const scoped = filterRows(all, { type: filters.type, theme: filters.theme });
  return {
    generatedAt: new Date().toISOString(),
    locales: model.locales.map((l) => ({ code: l.code, name: l.englishName })),
    types: readable.map((c) => ({
      name: c.name,
      uid: c.uid,
      displayName: (strapi.contentTypes as unknown as Record<string, { info?: { displayName?: string } }>)[c.uid]?.info?.displayName ?? c.name,
    })),
    themes: themeRows.map((t) => ({ documentId: t.documentId, name: t.title })),
    filters,
    rows: newestSourceFirst(filterRows(all, filters)),
    counts: countsByLocale(scoped, localeOrder),
    uiStrings: readUiStrings(options.siteI18nDir ?? defaultSiteI18nDir(strapi)),
  };
}

/** The site's i18next files: SSC_SITE_I18N_DIR, or site/src/i18n next to the CMS in this repository. */
export function defaultSiteI18nDir(strapi: Core.Strapi): string {
  return process.env.SSC_SITE_I18N_DIR || `${strapi.dirs.app.root}/../site/src/i18n`;
}
