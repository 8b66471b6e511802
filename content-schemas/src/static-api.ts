/**
 * The site's static JSON API: for each locale and content type, pages of published
 * entries, and an index document listing them. Entries have exactly the snapshot's
 * shape (see snapshot.ts), so one model describes the CMS, the snapshot and this
 * API; `staticApiJsonSchemas()` turns these validators into JSON Schema for partners.
 */
import { z } from 'zod';
import { localeCodes, type LocaleCode } from './locales.ts';
import { contentTypeNames, type ContentTypeName } from './model.ts';
import { entrySchema } from './snapshot.ts';

export const STATIC_API_VERSION = 1;

const locale = z.enum(localeCodes as [LocaleCode, ...LocaleCode[]]);
const count = z.number().int().nonnegative();
const url = z.url();

/** One page of one content type in one locale, newest first. */
export function staticApiPageSchema(type: ContentTypeName) {
  return z.object({
    version: z.literal(STATIC_API_VERSION),
    locale,
    type: z.literal(type),
    page: z.number().int().min(1),
    pages: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    total: count,
    prev: url.nullable(),
    next: url.nullable(),
    items: z.array(z.object({ url, entry: entrySchema(type) })),
  });
}

/** The index: every locale's types, with their totals and page URLs. */
export const staticApiIndexSchema = z.object({
  version: z.literal(STATIC_API_VERSION),
  locales: z.array(
    z.object({
      locale,
      tag: z.string(),
      types: z.array(
        z.object({
          type: z.enum(contentTypeNames as [ContentTypeName, ...ContentTypeName[]]),
          total: count,
          pageSize: z.number().int().min(1),
          pages: z.array(url).min(1),
          schema: url,
        }),
      ),
    }),
  ),
});

export type StaticApiIndex = z.infer<typeof staticApiIndexSchema>;

/** JSON Schema (draft 2020-12) of the index and of each type's pages, keyed `index` and `<type>-page`. */
export function staticApiJsonSchemas(): Record<string, Record<string, unknown>> {
  const schemas: Record<string, Record<string, unknown>> = { index: z.toJSONSchema(staticApiIndexSchema) as Record<string, unknown> };
  for (const type of contentTypeNames) schemas[`${type}-page`] = z.toJSONSchema(staticApiPageSchema(type)) as Record<string, unknown>;
  return schemas;
}
