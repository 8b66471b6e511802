/** Words per locale for what the CMS shows or sends itself: `{name}` placeholders filled, English for a locale a file does not know yet. */
export type Say<K extends string> = (locale: string, key: K, values?: Record<string, string | number>) => string;

export function sayFrom<K extends string>(byLocale: Record<string, Record<K, string>>, fallback: Record<K, string>): Say<K> {
  return (locale, key, values = {}) =>
    (byLocale[locale] ?? fallback)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
