/**
 * The page lists for getStaticPaths: which locale, type, theme and page number
 * combinations exist. Only real content makes a page: no fallback pages.
 */
import { contentTypes, localeCodes, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { entriesOf, itemsOnTheme, listItems, themes, type Item, type Theme } from './content.ts';
import { extraPages } from './paging.ts';
import { typeSegment } from './routes.ts';

/** Every (locale, content type) pair, in the model's order. */
const localeTypes = localeCodes.flatMap((locale) => contentTypes.map((t) => ({ locale, type: t.name })));

export function localePaths() {
  return localeCodes.map((locale) => ({ params: { locale }, props: { locale } }));
}

/** Page 1 of every list, in every locale (an empty list still gets its page). */
export function listPaths() {
  return localeTypes.map(({ locale, type }) => ({ params: { locale, type: typeSegment(type) }, props: { locale, type, page: 1 } }));
}

/** Pages 2… of every list that needs them. */
export async function listPagePaths() {
  const lists = await Promise.all(localeTypes.map(async ({ locale, type }) => ({ locale, type, total: (await listItems(type, locale)).length })));
  return lists.flatMap(({ locale, type, total }) =>
    extraPages(total).map((page) => ({ params: { locale, type: typeSegment(type), page: String(page) }, props: { locale, type, page } })),
  );
}

/** Every published item, in each locale where it is published. */
export async function itemPaths() {
  const lists = await Promise.all(localeTypes.map(async ({ locale, type }) => (await entriesOf(type, locale)) as Item[]));
  return lists.flat().map((item) => ({ params: { locale: item.locale, type: typeSegment(item.type), slug: item.slug }, props: { item } }));
}

export async function themePaths() {
  const perLocale = await Promise.all(localeCodes.map(async (locale) => ({ locale, themes: await themes(locale) })));
  return perLocale.flatMap(({ locale, themes }) => themes.map((theme) => ({ params: { locale, theme: theme.slug }, props: { locale, theme } })));
}

/** How many items of a type a theme page shows before linking to the theme's own list. */
export const THEME_PREVIEW = 10;

interface ThemeListProps {
  locale: LocaleCode;
  theme: Theme;
  type: ContentTypeName;
  page: number;
}

/** A theme's per-type lists, made only where the theme page cannot show everything. */
async function themeLists(withPage: (total: number) => number[]) {
  const out: { params: Record<string, string>; props: ThemeListProps }[] = [];
  for (const locale of localeCodes)
    for (const theme of await themes(locale))
      for (const t of contentTypes) {
        const total = (await itemsOnTheme(t.name, locale, theme)).length;
        if (total <= THEME_PREVIEW) continue;
        for (const page of withPage(total)) {
          const params: Record<string, string> = { locale, theme: theme.slug, type: typeSegment(t.name) };
          if (page > 1) params.page = String(page);
          out.push({ params, props: { locale, theme, type: t.name, page } });
        }
      }
  return out;
}

export const themeListPaths = () => themeLists(() => [1]);
export const themeListPagePaths = () => themeLists((total) => extraPages(total));
