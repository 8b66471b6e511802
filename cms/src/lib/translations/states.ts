/**
 * The translation state of one document in one locale, decided from plain data
 * (no Strapi here, so it is unit-tested on its own):
 * - `missing`: the document has no version in that locale;
 * - `outdated`: a translation whose source-language text changed in a way that
 *   matters since it was last saved (its recorded source hash no longer stands for
 *   the source's current text);
 * - `draft`: never published; `modified`: published with unpublished changes;
 *   `published`: published as it is.
 * Outdated wins over the three publication states: it is what a translator acts on.
 */

export const TRANSLATION_STATES = ['missing', 'draft', 'published', 'modified', 'outdated'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

/** The rows of one document in one locale, as the database holds them. */
export interface LocaleVersions {
  /** The draft row (content types with drafts), or the only row (taxonomy, always published). */
  draft: { updatedAt: string | Date; publishedAt?: string | Date | null } | null;
  published: { updatedAt: string | Date } | null;
}

/** What was recorded when a translation was last saved. */
export interface TranslationRecord {
  sourceLocale: string | null;
  sourceHash: string | null;
}

/** Source hashes an editor declared equivalent ("no translation needed"): hash → the hash it counts as. */
export type HashAliases = Record<string, string>;

const time = (value: string | Date) => new Date(value).getTime();

/** Follows the aliases from `hash` to the hash it stands for (a cycle stops where it closes). */
export function canonicalHash(hash: string, aliases: HashAliases): string {
  const seen = new Set<string>();
  let current = hash;
  while (aliases[current] && !seen.has(current)) {
    seen.add(current);
    current = aliases[current];
  }
  return current;
}

/** draft, published or modified, as Strapi's content manager decides it (a draft saved after the published version is a modification). */
export function publicationState(versions: LocaleVersions, hasDrafts: boolean): Exclude<TranslationState, 'missing' | 'outdated'> {
  if (!hasDrafts) return 'published';
  if (!versions.published) return 'draft';
  if (versions.draft && time(versions.draft.updatedAt) > time(versions.published.updatedAt)) return 'modified';
  return 'published';
}

/**
 * Whether a translation is outdated: it was saved against the same source locale as
 * today's, and the source text it was saved against does not stand for the current
 * one. A translation without a record (made before records were kept, or outside the
 * CMS) or recorded against another source locale is not called outdated: nothing
 * says which text it was made from.
 */
export function isOutdated(record: TranslationRecord | null, sourceLocale: string, currentSourceHash: string, aliases: HashAliases): boolean {
  if (!record?.sourceHash || record.sourceLocale !== sourceLocale) return false;
  return canonicalHash(record.sourceHash, aliases) !== canonicalHash(currentSourceHash, aliases);
}

export interface CellInput {
  locale: string;
  sourceLocale: string;
  versions: LocaleVersions | null;
  record: TranslationRecord | null;
  currentSourceHash: string;
  aliases: HashAliases;
  hasDrafts: boolean;
}

export function cellState(input: CellInput): TranslationState {
  if (!input.versions || (!input.versions.draft && !input.versions.published)) return 'missing';
  if (input.locale !== input.sourceLocale && isOutdated(input.record, input.sourceLocale, input.currentSourceHash, input.aliases)) return 'outdated';
  return publicationState(input.versions, input.hasDrafts);
}

/**
 * The source locale of a document: the one an editor marked, if it still exists;
 * otherwise the one it was created in (the earliest created version; on a tie, the
 * earlier in `localeOrder`, the default locale first).
 */
export function sourceLocaleOf(created: { locale: string; createdAt: string | Date }[], marked: string | null, localeOrder: readonly string[]): string | null {
  if (marked && created.some((c) => c.locale === marked)) return marked;
  const rank = (l: string) => (localeOrder.indexOf(l) === -1 ? localeOrder.length : localeOrder.indexOf(l));
  const sorted = [...created].sort((a, b) => time(a.createdAt) - time(b.createdAt) || rank(a.locale) - rank(b.locale));
  return sorted[0]?.locale ?? null;
}

/**
 * What a source editor's save does to the source's own record. An "edit" is every
 * save of the source's text since the last time a translation was saved, the source
 * was published or an editor marked "no translation needed": `editBaseHash` is the
 * text the edit started from, so marking collapses the whole edit, however many
 * saves it took.
 */
export interface SourceRecord {
  textHash: string | null;
  editBaseHash: string | null;
  editOpen: boolean;
  aliases: HashAliases;
}

export function afterSourceSave(record: SourceRecord, newHash: string): SourceRecord {
  if (record.textHash === newHash) return record;
  const startsEdit = !record.editOpen;
  return {
    ...record,
    textHash: newHash,
    editBaseHash: startsEdit ? (record.textHash ?? newHash) : record.editBaseHash,
    editOpen: true,
  };
}

/** A translation was saved or the source published: the next source save starts a new edit. */
export const closeEdit = (record: SourceRecord): SourceRecord => ({ ...record, editOpen: false });

/**
 * "No translation needed": the source's current text counts as the text its current
 * edit started from, so translations that matched that text match again, and those
 * already outdated before the edit stay outdated.
 */
export function markNoTranslationNeeded(record: SourceRecord, currentHash: string): SourceRecord {
  const base = record.editBaseHash ?? record.textHash;
  if (!base) return closeEdit(record);
  const target = canonicalHash(base, record.aliases);
  if (canonicalHash(currentHash, record.aliases) === target) return closeEdit(record);
  return { ...record, aliases: { ...record.aliases, [currentHash]: target }, editOpen: false, textHash: currentHash };
}

/** Sorts rows for a language editor's queue: newest source first. */
export function newestSourceFirst<T extends { sourceUpdatedAt: string | null }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (b.sourceUpdatedAt ? time(b.sourceUpdatedAt) : 0) - (a.sourceUpdatedAt ? time(a.sourceUpdatedAt) : 0));
}

export type StateCounts = Record<TranslationState, number>;

export const emptyCounts = (): StateCounts => ({ missing: 0, draft: 0, published: 0, modified: 0, outdated: 0 });

/** How many cells of each state every locale has. */
export function countsByLocale(rows: { cells: Record<string, { state: TranslationState }> }[], locales: readonly string[]): Record<string, StateCounts> {
  const counts = Object.fromEntries(locales.map((l) => [l, emptyCounts()]));
  for (const row of rows) for (const l of locales) if (row.cells[l]) counts[l][row.cells[l].state]++;
  return counts;
}
