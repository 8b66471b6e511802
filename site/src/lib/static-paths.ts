/**
 * The page lists for getStaticPaths: which locale, type, theme and page number
 * combinations exist. Only real content makes a page: no fallback pages. Each page
 * carries a `cacheKey` made of the data it shows (src/lib/cache-keys.ts), so an
 * incremental build renders it again only when that data changed.
 */
import { contentTypes, localeCodes, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { lessonsOf, lessonsPathOf, type Lesson } from './lessons.ts';
import { cmsPublicUrl } from './learn.ts';
import { entriesOf, itemsOnTheme, listItems, themes, type Item, type Theme } from './content.ts';
import { itemKey, itemKeysOf, keyOf, localeKey, themeKey } from './cache-keys.ts';
import { extraPages, pageCount, pageSlice } from './paging.ts';
import { typeSegment } from './routes.ts';

/** Every (locale, content type) pair, in the model's order. */
const localeTypes = localeCodes.flatMap((locale) => contentTypes.map((t) => ({ locale, type: t.name })));

/** The locale's pages that summarise all of its content (home, about, search, feeds, 404): keyed on the whole locale. */
export async function localePaths(page: string) {
  return Promise.all(localeCodes.map(async (locale) => ({ params: { locale }, props: { locale }, cacheKey: keyOf(page, locale, await localeKey(locale)) })));
}

/** The key of page `page` of a type's list in a locale: its items, and the page counts its language switcher depends on. */
async function listKey(locale: LocaleCode, type: ContentTypeName, page: number): Promise<string> {
  const counts = await Promise.all(localeCodes.map(async (l) => pageCount((await listItems(type, l)).length)));
  return keyOf('list', locale, type, page, counts, await itemKeysOf(pageSlice(await listItems(type, locale), page)));
}

/** Page 1 of every list, in every locale (an empty list still gets its page). */
export function listPaths() {
  return Promise.all(
    localeTypes.map(async ({ locale, type }) => ({
      params: { locale, type: typeSegment(type) },
      props: { locale, type, page: 1 },
      cacheKey: await listKey(locale, type, 1),
    })),
  );
}

/** Pages 2… of every list that needs them. */
export async function listPagePaths() {
  const lists = await Promise.all(localeTypes.map(async ({ locale, type }) => ({ locale, type, total: (await listItems(type, locale)).length })));
  return Promise.all(
    lists.flatMap(({ locale, type, total }) =>
      extraPages(total).map(async (page) => ({
        params: { locale, type: typeSegment(type), page: String(page) },
        props: { locale, type, page },
        cacheKey: await listKey(locale, type, page),
      })),
    ),
  );
}

/** Every published item, in each locale where it is published. */
export async function itemPaths() {
  const lists = await Promise.all(localeTypes.map(async ({ locale, type }) => (await entriesOf(type, locale)) as Item[]));
  return Promise.all(
    lists.flat().map(async (item) => ({
      params: { locale: item.locale, type: typeSegment(item.type), slug: item.slug },
      props: { item },
      cacheKey: keyOf('item', await itemKey(item)),
    })),
  );
}

/** A theme page shows the theme and the first THEME_PREVIEW items of each type on it. */
async function themePageKey(locale: LocaleCode, theme: Theme): Promise<string> {
  const groups = await Promise.all(
    contentTypes.map(async (t) => {
      const items = await itemsOnTheme(t.name, locale, theme);
      return [items.length > THEME_PREVIEW, await itemKeysOf(items.slice(0, THEME_PREVIEW))];
    }),
  );
  return keyOf('theme', locale, await themeKey(theme), groups);
}

export async function themePaths() {
  const perLocale = await Promise.all(localeCodes.map(async (locale) => ({ locale, themes: await themes(locale) })));
  return Promise.all(
    perLocale.flatMap(({ locale, themes }) =>
      themes.map(async (theme) => ({ params: { locale, theme: theme.slug }, props: { locale, theme }, cacheKey: await themePageKey(locale, theme) })),
    ),
  );
}

/** How many items of a type a theme page shows before linking to the theme's own list. */
export const THEME_PREVIEW = 10;

interface ThemeListProps {
  locale: LocaleCode;
  theme: Theme;
  type: ContentTypeName;
  page: number;
}

/** The key of page `page` of a theme's list of one type: its items, and the page counts its language switcher depends on. */
async function themeListKey(locale: LocaleCode, theme: Theme, type: ContentTypeName, page: number): Promise<string> {
  const counts = await Promise.all(
    localeCodes.map(async (l) => {
      const local = (await themes(l)).find((x) => x.documentId === theme.documentId);
      return local ? pageCount((await itemsOnTheme(type, l, local)).length) : null;
    }),
  );
  return keyOf('theme-list', locale, await themeKey(theme), type, page, counts, await itemKeysOf(pageSlice(await itemsOnTheme(type, locale, theme), page)));
}

/** A theme's per-type lists, made only where the theme page cannot show everything. */
async function themeLists(withPage: (total: number) => number[]) {
  const out: { params: Record<string, string>; props: ThemeListProps; cacheKey: string }[] = [];
  for (const locale of localeCodes)
    for (const theme of await themes(locale))
      for (const t of contentTypes) {
        const total = (await itemsOnTheme(t.name, locale, theme)).length;
        if (total <= THEME_PREVIEW) continue;
        for (const page of withPage(total)) {
          const params: Record<string, string> = { locale, theme: theme.slug, type: typeSegment(t.name) };
          if (page > 1) params.page = String(page);
          out.push({ params, props: { locale, theme, type: t.name, page }, cacheKey: await themeListKey(locale, theme, t.name, page) });
        }
      }
  return out;
}

export const themeListPaths = () => themeLists(() => [1]);
export const themeListPagePaths = () => themeLists((total) => extraPages(total));

/** One lesson of an item (a course), with the module it is in and its neighbours. */
export interface LessonPageProps {
  item: Item;
  lesson: Lesson;
  module: { title: string };
  previous: Lesson | undefined;
  next: Lesson | undefined;
}

/** Every lesson of every published item whose type has sub-pages (courses), in each locale where the item is published. */
export async function lessonPaths() {
  const lists = await Promise.all(
    localeTypes.filter(({ type }) => lessonsPathOf(type)).map(async ({ locale, type }) => (await entriesOf(type, locale)) as Item[]),
  );
  return Promise.all(
    lists.flat().flatMap((item) => {
      const lessons = lessonsOf(item);
      return lessons.map(async ({ lesson, module }, i) => ({
        params: { locale: item.locale, type: typeSegment(item.type), slug: item.slug, lesson: lesson.slug },
        props: { item, lesson, module, previous: lessons[i - 1]?.lesson, next: lessons[i + 1]?.lesson } satisfies LessonPageProps,
        cacheKey: keyOf('lesson', await itemKey(item), lesson.slug, cmsPublicUrl),
      }));
    }),
  );
}
