/**
 * Where things live on the static site. The site builds its pages at these paths,
 * and the CMS links partners and editors to them (through the generated model.json,
 * which carries the templates below), so the scheme is written here once.
 */

/** An item's page: `/{locale}/{plural name of its type}/{slug}/`. */
export const itemPath = (locale: string, pluralName: string, slug: string): string => `/${locale}/${pluralName}/${slug}/`;

/** The same path with `{locale}`, `{pluralName}` and `{slug}` in place of the values, for code that cannot import this module. */
export const ITEM_PATH_TEMPLATE = itemPath('{locale}', '{pluralName}', '{slug}');
