/**
 * UI strings: one resource file per locale with identical keys, no empty strings,
 * every key used by some source file, and every key the code asks for present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentTypes, getComponent, localeCodes, type EnumField, type Fields } from '@ssc/content-schemas';

const srcDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const i18nDir = path.join(srcDir, 'i18n');

const resources = Object.fromEntries(
  fs
    .readdirSync(i18nDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(i18nDir, f), 'utf8')) as Record<string, string>]),
);
const english = Object.keys(resources.en ?? {});

const sources = fs
  .readdirSync(srcDir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(astro|ts)$/.test(e.name))
  .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'))
  .join('\n');

/** Keys written out in quotes: t('x'), t(locale, "y"), or a key chosen by a ternary. */
const literalKeys = new Set([...sources.matchAll(/['"]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"]/g)].map((m) => m[1]));
/** Keys built from a template: t(`types.${type}.plural`) becomes /^types\.[^]+?\.plural$/. */
const templatePatterns = [...sources.matchAll(/t\((?:[^,`()]+,\s*)?`([^`]+)`/g)].map((m) => {
  const parts = m[1].split(/\$\{[^}]+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`);
});

/** The values of the enum fields of the content types and of the components they use (at any depth), by field name. */
function enumFields(fields: Fields, found: Map<string, Set<string>>, seen = new Set<string>()): void {
  for (const [name, def] of Object.entries(fields)) {
    if (def.kind === 'enum') for (const value of (def as EnumField).values) found.set(name, (found.get(name) ?? new Set()).add(value));
    if (def.kind === 'component' && !seen.has(def.component)) {
      seen.add(def.component);
      enumFields(getComponent(def.component).fields, found, seen);
    }
  }
}
const enumValues = new Map<string, Set<string>>();
for (const type of contentTypes) enumFields(type.fields, enumValues);
/** The enums the pages label: an enum field `level` is labelled by t(`level.${…}`), one UI string `level.<value>` per value. */
const labelledEnums = [...enumValues].filter(([field]) => sources.includes(`\`${field}.\${`));

/** The first segments of keys the code may ask for: those of English and each content type's name (`course.`). */
const keyPrefixes = new Set([...english.map((k) => k.split('.')[0]), ...contentTypes.map((t) => t.name)]);

describe('UI strings', () => {
  it('exist for every locale and no other', () => {
    expect(Object.keys(resources).sort()).toEqual([...localeCodes].sort());
  });

  it('have the same keys in every locale, none empty', () => {
    for (const [locale, strings] of Object.entries(resources)) {
      const keys = Object.keys(strings);
      expect(
        english.filter((k) => !keys.includes(k)),
        `missing in ${locale}`,
      ).toEqual([]);
      expect(
        keys.filter((k) => !english.includes(k)),
        `only in ${locale}`,
      ).toEqual([]);
      expect(
        keys.filter((k) => !strings[k].trim()),
        `empty in ${locale}`,
      ).toEqual([]);
    }
  });

  it('keep the same {{placeholders}} in every translation', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const key of english)
      for (const locale of localeCodes) expect(placeholders(resources[locale][key]), `${locale} ${key}`).toEqual(placeholders(resources.en[key]));
  });

  it('are all used by some source file', () => {
    expect(templatePatterns.length).toBeGreaterThan(0);
    const unused = english.filter((k) => !literalKeys.has(k) && !templatePatterns.some((p) => p.test(k)));
    expect(unused).toEqual([]);
  });

  it('cover every key the code asks for', () => {
    const dotted = [...literalKeys].filter((k) => keyPrefixes.has(k.split('.')[0]));
    expect(dotted.filter((k) => !english.includes(k))).toEqual([]);
    const fromModel = [
      ...contentTypes.flatMap((t) => [`types.${t.name}.plural`, `types.${t.name}.all`]),
      ...labelledEnums.flatMap(([field, values]) => [...values].map((v) => `${field}.${v}`)),
    ];
    expect(labelledEnums.length).toBeGreaterThan(0);
    expect(fromModel.filter((k) => !english.includes(k))).toEqual([]);
  });
});
