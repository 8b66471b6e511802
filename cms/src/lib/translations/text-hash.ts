/**
 * The hash of an entry's translatable text: its localized string, text and rich-text
 * fields, and those of its localized components at any depth. Codes (strings with a
 * pattern: language tags, URLs), numbers, dates, enumerations, media and relations are
 * not text a translator translates, so a change to them never makes a translation
 * outdated. Which fields count is read from Strapi's schemas.
 */
import crypto from 'node:crypto';

/** A field of a Strapi schema, as far as this module needs it. */
export interface SchemaAttribute {
  type: string;
  component?: string;
  repeatable?: boolean;
  regex?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}
export type SchemaAttributes = Record<string, SchemaAttribute>;

/** The text fields of a schema: a name with `true` for a text field, or the spec of a component's text. */
export interface TextSpec {
  [field: string]: true | { repeatable: boolean; spec: TextSpec };
}

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'blocks']);

/**
 * The text spec of a content type (only its localized fields) or a component (all of
 * its fields: a component is localized or not as a whole). Components whose spec is
 * empty are left out.
 */
export function textSpecOf(attributes: SchemaAttributes, components: Record<string, SchemaAttributes>, onlyLocalized = true): TextSpec {
  const spec: TextSpec = {};
  for (const [name, attr] of Object.entries(attributes)) {
    if (onlyLocalized && attr.pluginOptions?.i18n?.localized !== true) continue;
    if (TEXT_TYPES.has(attr.type) && !attr.regex) spec[name] = true;
    else if (attr.type === 'component' && attr.component && components[attr.component]) {
      const inner = textSpecOf(components[attr.component], components, false);
      if (Object.keys(inner).length) spec[name] = { repeatable: !!attr.repeatable, spec: inner };
    }
  }
  return spec;
}

type Data = Record<string, unknown>;

/** The populate that reads every field of a spec (components to their depth). */
export function populateFor(spec: TextSpec): Record<string, true | { populate: Record<string, unknown> }> | undefined {
  const out: Record<string, true | { populate: Record<string, unknown> }> = {};
  for (const [name, field] of Object.entries(spec)) {
    if (field === true) continue;
    const inner = populateFor(field.spec);
    out[name] = inner ? { populate: inner } : true;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The entry's text as a plain value in the spec's order (missing and empty text both as ''). */
export function textOf(spec: TextSpec, entry: Data | null | undefined): unknown[] {
  return Object.entries(spec)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, field]) => {
      const value = entry?.[name];
      if (field === true) return typeof value === 'string' ? value.trim() : value == null ? '' : JSON.stringify(value);
      if (field.repeatable) return (Array.isArray(value) ? value : []).map((item) => textOf(field.spec, item as Data));
      return textOf(field.spec, (value ?? null) as Data | null);
    });
}

/** A short, stable hash of the entry's text. */
export function textHash(spec: TextSpec, entry: Data | null | undefined): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(textOf(spec, entry)))
    .digest('hex')
    .slice(0, 32);
}
