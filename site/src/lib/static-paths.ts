/**
 * The page lists for getStaticPaths: which locale, type, theme and page number
 * combinations exist. Only real content makes a page: no fallback pages.
 */
import { contentTypes, localeCodes, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { entriesOf, itemsOnTheme, listItems, themes, type Item, type Theme } from './content.ts';
import { extraPages } from './paging.ts';
import { typeSegment } from './routes.ts';

export function localePaths() {
  return localeCodes.map((locale) => ({ params: { locale }, props: { locale } }));
}

/** Page 1 of every list, in every locale (an empty list still gets its page). */
export function listPaths() {
  return localeCodes.flatMap((locale) =>
    contentTypes.map((t) => ({ params: { locale, type: typeSegment(t.name) }, props: { locale, type: t.name, page: 1 } })),
  );
}

/** Pages 2… of every list that needs them. */
export function listPagePaths() {
  return localeCodes.flatMap((locale) =>
    contentTypes.flatMap((t) =>
      extraPages(listItems(t.name, locale).length).map((page) => ({
        params: { locale, type: typeSegment(t.name), page: String(page) },
        props: { locale, type: t.name, page },
      })),
    ),
  );
}

/** Every published item, in each locale where it is published. */
export function itemPaths() {
  return localeCodes.flatMap((locale) =>
    contentTypes.flatMap((t) =>
      (entriesOf(t.name, locale) as Item[]).map((item) => ({
        params: { locale, type: typeSegment(t.name), slug: item.slug },
        props: { item },
      })),
    ),
  );
}

export function themePaths() {
  return localeCodes.flatMap((locale) => themes(locale).map((theme) => ({ params: { locale, theme: theme.slug }, props: { locale, theme } })));
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
function themeLists(withPage: (total: number) => number[]) {
  const out: { params: Record<string, string>; props: ThemeListProps }[] = [];
  for (const locale of localeCodes)
    for (const theme of themes(locale))
      for (const t of contentTypes) {
        const total = itemsOnTheme(t.name, locale, theme).length;
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
