/**
 * The content snapshot: the contract between the CMS and the site. Its validators
 * and TypeScript types are derived from the content model, so a field added to the
 * model appears in both without further edits.
 */
import { z } from 'zod';
import type {
  BooleanField,
  DateField,
  DecimalField,
  EnumField,
  FieldDefinition,
  Fields,
  IntegerField,
  MediaField,
  RelationField,
  RichTextField,
  StringField,
  TextField,
} from './fields.ts';
import { isWebUrl, publicFields } from './fields.ts';
import { localeCodes, type LocaleCode } from './locales.ts';
import { collections, components, getCollection, repeatedValues, type CollectionName } from './model.ts';

// ---------------------------------------------------------------- shapes

/** A media file copied into the snapshot; `path` is relative to the snapshot's root. */
export const mediaSchema = z.object({
  path: z.string().min(1),
  mime: z.string().min(1),
  sizeBytes: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  name: z.string(),
});
export type SnapshotMedia = z.infer<typeof mediaSchema>;

/** A link to another document: enough to build its URL in any locale. */
export const referenceSchema = z.object({
  documentId: z.string().min(1),
  slug: z.string().min(1),
});
export type SnapshotReference = z.infer<typeof referenceSchema>;

/** A real calendar day: 2024-02-30 matches the pattern, but the site could not format it (Intl throws on an invalid date). */
const isCalendarDay = (value: string) => {
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
};
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDay, 'not a day of the calendar');
const isoDateTime = z.iso.datetime({ offset: true });
const localeSchema = z.enum(localeCodes as [LocaleCode, ...LocaleCode[]]);

// ---------------------------------------------------------------- validators

function valueSchema(field: FieldDefinition): z.ZodType {
  switch (field.kind) {
    case 'string': {
      let s = z.string().min(field.minLength ?? (field.required ? 1 : 0));
      if (field.maxLength) s = s.max(field.maxLength);
      // A URL field: its pattern is part of isWebUrl, so one problem is reported, not two.
      if (field.format === 'url') return s.refine(isWebUrl, 'must be an absolute http(s) URL that new URL() parses');
      if (field.pattern) s = s.regex(new RegExp(field.pattern), `must match ${field.pattern}`);
      return s;
    }
    case 'text':
      return field.maxLength ? z.string().max(field.maxLength) : z.string();
    case 'richtext':
      return z.string();
    case 'date':
      return isoDate;
    case 'integer': {
      let n = z.number().int();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'decimal': {
      let n = z.number();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return n;
    }
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(field.values as [string, ...string[]]);
    case 'media':
      return field.multiple ? z.array(mediaSchema) : mediaSchema;
    case 'relation':
      return field.multiple ? z.array(referenceSchema) : referenceSchema;
    case 'component': {
      const inner = componentObjectSchema(field.component);
      return field.repeatable ? z.array(inner).min(field.min ?? 0) : inner;
    }
  }
}

function fieldSchema(field: FieldDefinition): z.ZodType {
  const value = valueSchema(field);
  if (field.kind === 'boolean') return value;
  if (field.required) {
    // A required list must not be empty either.
    if (value instanceof z.ZodArray && (field.kind === 'relation' || field.kind === 'media')) return value.min(1);
    if (field.kind === 'richtext' || field.kind === 'text') return (value as z.ZodString).min(1);
    return value;
  }
  // Lists are always present (possibly empty); single values may be null.
  if (value instanceof z.ZodArray) return value;
  return value.nullable();
}

function objectSchema(fields: Fields): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(publicFields(fields))) shape[name] = fieldSchema(field);
  return z.object(shape);
}

const componentCache = new Map<string, z.ZodObject>();
function componentObjectSchema(name: string): z.ZodObject {
  let cached = componentCache.get(name);
  if (!cached) {
    const def = components.find((c) => c.name === name);
    if (!def) throw new Error(`Unknown component "${name}"`);
    cached = objectSchema(def.fields);
    componentCache.set(name, cached);
  }
  return cached;
}

/** Fields the pipeline adds to every entry, whatever its type. */
const entryMeta = {
  documentId: z.string().min(1),
  locale: localeSchema,
  publishedAt: isoDateTime,
  updatedAt: isoDateTime,
  /** The locales in which this document is published, this one included. */
  translations: z.array(localeSchema).min(1),
};

const entryCache = new Map<string, z.ZodObject>();
/** The validator of one snapshot entry (one document in one locale) of a collection. */
export function entrySchema(name: CollectionName): z.ZodObject {
  let cached = entryCache.get(name);
  if (!cached) {
    const def = getCollection(name);
    const unique = def.uniqueWithinEntry ?? [];
    cached = objectSchema(def.fields)
      .extend({ type: z.literal(name), ...entryMeta })
      .superRefine((entry, ctx) => {
        for (const path of unique) {
          for (const { at, value } of repeatedValues(entry, path)) {
            ctx.addIssue({
              code: 'custom',
              path: at.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
              message: `"${String(value)}" is used twice within this entry`,
            });
          }
        }
      }) as unknown as z.ZodObject;
    entryCache.set(name, cached);
  }
  return cached;
}

/** The manifest written beside a snapshot's entries. */
export const manifestSchema = z.object({
  formatVersion: z.literal(1),
  id: z.string().min(1),
  createdAt: isoDateTime,
  source: z.string().min(1),
  locales: z.array(localeSchema),
  counts: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
  warnings: z.array(z.object({ type: z.string(), documentId: z.string(), locale: z.string(), field: z.string(), message: z.string() })),
  /** The certificates' public files under `<snapshot>/credentials/` (snapshot-credentials.ts); absent before certificates. */
  credentials: z.array(z.string()).optional(),
});
export type SnapshotManifest = z.infer<typeof manifestSchema>;

export interface EntryProblem {
  type: string;
  documentId: string;
  locale: string;
  field: string;
  message: string;
}

/** Validates one entry and names the entry, locale and field of every problem. */
export function validateEntry(name: CollectionName, data: unknown): { ok: true; entry: Record<string, unknown> } | { ok: false; problems: EntryProblem[] } {
  const parsed = entrySchema(name).safeParse(data);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const raw = (data ?? {}) as Record<string, unknown>;
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      type: name,
      documentId: typeof raw.documentId === 'string' ? raw.documentId : '(unknown)',
      locale: typeof raw.locale === 'string' ? raw.locale : '(unknown)',
      field: issue.path.join('.') || '(entry)',
      message: issue.message,
    })),
  };
}

export function formatProblem(p: EntryProblem): string {
  return `${p.type} ${p.documentId} [${p.locale}] ${p.field}: ${p.message}`;
}

// ---------------------------------------------------------------- types

type Nullable<T, F extends FieldDefinition> = F extends { required: true } ? T : T | null;

type FieldValue<F extends FieldDefinition> = F extends StringField | TextField | RichTextField | DateField
  ? Nullable<string, F>
  : F extends IntegerField | DecimalField
    ? Nullable<number, F>
    : F extends BooleanField
      ? boolean
      : F extends EnumField
        ? Nullable<F['values'][number], F>
        : F extends MediaField
          ? F['multiple'] extends true
            ? SnapshotMedia[]
            : Nullable<SnapshotMedia, F>
          : F extends RelationField
            ? F['multiple'] extends true
              ? SnapshotReference[]
              : Nullable<SnapshotReference, F>
            : F extends { kind: 'component'; component: infer N; repeatable: infer R }
              ? R extends true
                ? ComponentValue<N>[]
                : Nullable<ComponentValue<N>, F>
              : never;

/** A private field (a quiz's answers) never reaches the snapshot, so its types leave it out. */
type FieldsValue<FS> = {
  -readonly [K in keyof FS as FS[K] extends { private: true } ? never : K]: FS[K] extends FieldDefinition ? FieldValue<FS[K]> : never;
};

type ComponentValue<N> = FieldsValue<Extract<(typeof components)[number], { name: N }>['fields']>;

/** One snapshot entry of a collection: one document in one locale. */
export type SnapshotEntry<N extends CollectionName> = FieldsValue<Extract<(typeof collections)[number], { name: N }>['fields']> & {
  type: N;
  documentId: string;
  locale: LocaleCode;
  publishedAt: string;
  updatedAt: string;
  translations: LocaleCode[];
};
