/**
 * What the search index knows about a page beyond its text: the filter values
 * (type, themes, countries, year), the date and the metadata the results
 * list shows. Filter values are stable keys (type names, slugs, years), never
 * translated labels, so a shared `?theme=…` URL means the same in every language;
 * the search page turns them into labels (see `searchChoices`).
 */
import { contentTypes, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { entriesOf, itemDate, publishedItems, resolve, themes, type Item, type Theme } from './content.ts';
import { referencesTo } from './model-fields.ts';

/** The filters the search page offers, in the order it shows them (modality and state: the solutions exchange's offers, demands and matches). */
export const SEARCH_FILTERS = ['type', 'theme', 'country', 'modality', 'state', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export { RESULT_DATE, RESULT_IMAGE } from './search-result-fields.ts';

/** The `type` filter value of theme pages (items use their content type's name). */
export const THEME_PAGE_TYPE = 'theme';

export interface SearchFacets {
  filters: Record<SearchFilter, string[]>;
  /** YYYY-MM-DD, what "newest first" sorts by; null for pages without a date. */
  date: string | null;
  summary: string;
}

const slugsOf = (entries: { slug: string }[]) => [...new Set(entries.map((e) => e.slug))];

/** Themes and countries count only where they are published in the item's locale, as on the page. */
export async function itemFacets(item: Item): Promise<SearchFacets> {
  const date = itemDate(item);
  return {
    filters: {
      type: [item.type],
      theme: slugsOf(await resolve('theme', item.locale, referencesTo(item, 'theme'))),
      // Every country field counts (a demand's requesting country and the countries of the work), each country once.
      country: slugsOf(await resolve('country', item.locale, referencesTo(item, 'country'))),
      modality: item.type === 'offer' ? [item.modality] : [],
      state: item.type === 'demand' || item.type === 'match' ? [item.state] : [],
      year: [date.slice(0, 4)],
    },
    date,
    summary: item.summary,
  };
}

export function themeFacets(theme: Theme): SearchFacets {
  return {
    filters: { type: [THEME_PAGE_TYPE], theme: [theme.slug], country: [], modality: [], state: [], year: [] },
    date: null,
    summary: theme.description,
  };
}

export interface SearchChoice {
  value: string;
  label: string;
}

export type SearchChoices = Record<SearchFilter, SearchChoice[]>;

/** The label of a coded value (`modality`, `state`) in the page's language. */
export type CodeLabel = (filter: 'modality' | 'state', value: string) => string;

/**
 * The values each filter can take in one locale: only those some indexed page of
 * that locale carries, so no choice leads to an empty list by itself.
 */
export async function searchChoices(
  locale: LocaleCode,
  typeLabel: (type: ContentTypeName | typeof THEME_PAGE_TYPE) => string,
  codeLabel: CodeLabel,
): Promise<SearchChoices> {
  const items = (await Promise.all(contentTypes.map((t) => publishedItems(t.name, locale)))).flat();
  const facets = await Promise.all(items.map(itemFacets));
  const used = (filter: SearchFilter) => new Set(facets.flatMap((f) => f.filters[filter]));
  const usedCountries = used('country');
  const localeThemes = await themes(locale);
  const countryCollator = new Intl.Collator(locale);
  return {
    type: [
      ...contentTypes.filter((t) => used('type').has(t.name)).map((t) => ({ value: t.name, label: typeLabel(t.name) })),
      ...(localeThemes.length ? [{ value: THEME_PAGE_TYPE, label: typeLabel(THEME_PAGE_TYPE) }] : []),
    ],
    theme: localeThemes.map((t) => ({ value: t.slug, label: t.name })),
    country: (await entriesOf('country', locale))
      .filter((c) => usedCountries.has(c.slug))
      .map((c) => ({ value: c.slug, label: c.name }))
      .sort((a, b) => countryCollator.compare(a.label, b.label)),
    modality: [...used('modality')].sort().map((value) => ({ value, label: codeLabel('modality', value) })),
    state: [...used('state')].sort().map((value) => ({ value, label: codeLabel('state', value) })),
    year: [...used('year')]
      .sort()
      .reverse()
      .map((y) => ({ value: y, label: y })),
  };
}
