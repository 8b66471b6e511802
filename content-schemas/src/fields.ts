/**
 * A small vocabulary for describing fields once. The Strapi schema generator,
 * the snapshot validators and the snapshot's TypeScript types all read it.
 */

/** Lowercase ASCII words joined by single hyphens. Shared by all translations. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** A BCP-47 language tag, loosely: `en`, `zh-Hans`, `pt-BR`. */
export const LANGUAGE_TAG_PATTERN = '^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$';
/**
 * An absolute http(s) URL, as far as a pattern can say: a host name (or a bracketed
 * IPv6 address), an optional port, then a path, query or fragment without spaces.
 * Strapi checks it when an editor saves; `isWebUrl` has the last word (see `format: 'url'`).
 */
export const URL_PATTERN = '^https?://(?:[^\\s/?#@:\\[\\]\\\\<>^|%"]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?(?:[/?#]\\S*)?$';

/** Does the WHATWG URL parser (`new URL()`, what the site renders with) accept `value` as an http(s) URL? */
export function isWebUrl(value: string): boolean {
  if (!new RegExp(URL_PATTERN).test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export type MediaKind = 'images' | 'files' | 'videos' | 'audios';

interface FieldBase {
  /** true: each translation has its own value. false: one value shared by all translations. */
  readonly localized: boolean;
  readonly required?: boolean;
  readonly description?: string;
  /**
   * The field names the item's author or publisher (a string, or a relation to an
   * entry with a `name`): feeds list it as the entry's author.
   */
  readonly author?: boolean;
  /**
   * Known only to the CMS (a quiz's answers and feedback): Strapi leaves it out of every
   * content-API response, so it never reaches the snapshot, its validators and types,
   * the partner API, the static JSON API or the site.
   */
  readonly private?: boolean;
}

export interface StringField extends FieldBase {
  readonly kind: 'string';
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  /** 'url': an absolute http(s) URL that `new URL()` parses (give it `pattern: URL_PATTERN` too, for Strapi). */
  readonly format?: 'url';
  readonly unique?: boolean;
}
export interface TextField extends FieldBase {
  readonly kind: 'text';
  readonly maxLength?: number;
}
/** Markdown. Untrusted: the site sanitizes it when rendering. */
export interface RichTextField extends FieldBase {
  readonly kind: 'richtext';
}
export interface DateField extends FieldBase {
  readonly kind: 'date';
}
export interface IntegerField extends FieldBase {
  readonly kind: 'integer';
  readonly min?: number;
  readonly max?: number;
}
export interface DecimalField extends FieldBase {
  readonly kind: 'decimal';
  readonly min?: number;
  readonly max?: number;
}
export interface BooleanField extends FieldBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}
export interface EnumField extends FieldBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly default?: string;
}
export interface MediaField extends FieldBase {
  readonly kind: 'media';
  readonly multiple: boolean;
  readonly allowedTypes: readonly MediaKind[];
}
export interface RelationField extends FieldBase {
  readonly kind: 'relation';
  /** A content type or taxonomy name from the model. */
  readonly target: string;
  readonly multiple: boolean;
}
export interface ComponentField extends FieldBase {
  readonly kind: 'component';
  /** A component name from the model, `category.name`. */
  readonly component: string;
  readonly repeatable: boolean;
  readonly min?: number;
}

export type FieldDefinition =
  StringField | TextField | RichTextField | DateField | IntegerField | DecimalField | BooleanField | EnumField | MediaField | RelationField | ComponentField;

export type FieldKind = FieldDefinition['kind'];
export type Fields = Readonly<Record<string, FieldDefinition>>;

/** The fields that leave the CMS: every field but the private ones. */
export function publicFields(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, field]) => !field.private));
}

/** Field helpers. Localized unless `shared` is used, because most text is. */
type Opts<F> = Omit<F, 'kind' | 'localized'> & { localized?: boolean };

const make =
  <K extends FieldKind>(kind: K, localizedByDefault: boolean) =>
  <const O extends Opts<Extract<FieldDefinition, { kind: K }>>>(opts: O) =>
    ({ localized: localizedByDefault, ...opts, kind }) as O & { kind: K; localized: boolean };

export const f = {
  string: make('string', true),
  text: make('text', true),
  richtext: make('richtext', true),
  date: make('date', false),
  integer: make('integer', false),
  decimal: make('decimal', false),
  boolean: make('boolean', false),
  enum: make('enum', false),
  media: make('media', true),
  relation: make('relation', true),
  component: make('component', true),
};
