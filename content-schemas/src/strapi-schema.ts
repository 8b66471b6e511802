/**
 * Turns the content model into Strapi 5's schema files. The CMS never edits these
 * by hand: `npm run generate` writes them and a test fails when they drift.
 */
import fs from 'node:fs';
import type { FieldDefinition, Fields } from './fields.ts';
import { locales, defaultLocale } from './locales.ts';
import { licenseDeeds } from './licenses.ts';
import { OPEN_FILTER_VALUES, PARTNER_API_DEFAULTS, PARTNER_API_SORTS, partnerApiItemTypes, partnerApiOpenApi } from './partner-api.ts';
import { DEFAULT_SITE_PORT, LOCAL_SITE_HOST } from './site-defaults.ts';
import { ITEM_PATH_TEMPLATE } from './site-paths.ts';
import { siteStatusJsonSchemas } from './site-status.ts';
import { typeDeclarations } from './json-schema-types.ts';
import { SLUG_PATTERN } from './fields.ts';
import { EXCHANGE_SUPPORT_KINDS, OFFER_MODALITIES } from './model.ts';
import { labelField, localizedProsePaths } from './editing.ts';
import {
  collections,
  components,
  contentTypes,
  getCollection,
  itemDateField,
  strapiUid,
  taxonomies,
  type CollectionDefinition,
  type ComponentDefinition,
} from './model.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Drops undefined values so that the JSON stays minimal and stable. */
function compact(obj: Record<string, Json | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

/** The longest value a Strapi `string` column holds on PostgreSQL (varchar(255)). */
export const STRING_COLUMN_LIMIT = 255;

function attribute(field: FieldDefinition, inComponent: boolean): JsonObject {
  const i18n = inComponent ? undefined : { i18n: { localized: field.localized } };
  const required = field.required || undefined;
  switch (field.kind) {
    case 'string':
      return compact({
        // Strapi stores `string` as varchar(255) on PostgreSQL; longer strings need `text`.
        type: (field.maxLength ?? Infinity) > STRING_COLUMN_LIMIT ? 'text' : 'string',
        required,
        unique: field.unique,
        minLength: field.minLength,
        maxLength: field.maxLength,
        regex: field.pattern,
        pluginOptions: i18n,
      });
    case 'text':
      return compact({ type: 'text', required, maxLength: field.maxLength, pluginOptions: i18n });
    case 'richtext':
      return compact({ type: 'richtext', required, pluginOptions: i18n });
    case 'date':
      return compact({ type: 'date', required, pluginOptions: i18n });
    case 'integer':
      return compact({ type: 'integer', required, min: field.min, max: field.max, pluginOptions: i18n });
    case 'decimal':
      return compact({ type: 'decimal', required, min: field.min, max: field.max, pluginOptions: i18n });
    case 'boolean':
      return compact({ type: 'boolean', default: field.default, pluginOptions: i18n });
    case 'enum':
      return compact({ type: 'enumeration', enum: [...field.values], required, default: field.default, pluginOptions: i18n });
    case 'media':
      return compact({
        type: 'media',
        multiple: field.multiple,
        required,
        allowedTypes: [...field.allowedTypes],
        pluginOptions: i18n,
      });
    case 'relation': {
      // One-way relations: taxonomy and related items do not link back.
      // Strapi has no required relations; the snapshot validator enforces `required`.
      const target = strapiUid(getCollection(field.target));
      const relation = inComponent ? (field.multiple ? 'oneToMany' : 'oneToOne') : field.multiple ? 'manyToMany' : 'manyToOne';
      return { type: 'relation', relation, target };
    }
    case 'component':
      return compact({
        type: 'component',
        component: field.component,
        repeatable: field.repeatable,
        required,
        min: field.min,
        pluginOptions: i18n,
      });
  }
}

function attributes(fields: Fields, inComponent: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [name, field] of Object.entries(fields)) {
    // `private`: Strapi's content API (REST, the pull, the partner API) never returns the field.
    out[name] = field.private ? { ...attribute(field, inComponent), private: true } : attribute(field, inComponent);
  }
  return out;
}

export function contentTypeSchema(type: CollectionDefinition): JsonObject {
  return {
    kind: 'collectionType',
    collectionName: type.pluralName.replace(/-/g, '_'),
    info: {
      singularName: type.singularName,
      pluralName: type.pluralName,
      displayName: type.displayName,
      description: type.description,
    },
    options: { draftAndPublish: type.draftAndPublish },
    pluginOptions: { i18n: { localized: true } },
    attributes: attributes(type.fields, false),
  };
}

export function componentSchema(component: ComponentDefinition): JsonObject {
  const [category, name] = component.name.split('.');
  return {
    collectionName: `components_${category}_${name}`.replace(/-/g, '_'),
    info: { displayName: component.displayName, description: component.description },
    options: {},
    attributes: attributes(component.fields, true),
  };
}

/**
 * How deep the CMS populates each type by default on its REST API: every
 * component, media and relation, including `localizations`, so that a client
 * gets a whole entry in one request.
 */
export function populateFor(fields: Fields, depth = 0): JsonObject {
  const out: JsonObject = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.kind === 'media') out[name] = true;
    else if (field.kind === 'relation') out[name] = { fields: relationSummaryFields(field.target) };
    else if (field.kind === 'component') {
      const inner = populateFor(componentFields(field.component), depth + 1);
      out[name] = Object.keys(inner).length ? { populate: inner } : true;
    }
  }
  return out;
}

function componentFields(name: string): Fields {
  const found = components.find((c) => c.name === name);
  if (!found) throw new Error(`Unknown component "${name}"`);
  return found.fields;
}

/** The scalar fields a relation brings along: enough to link and label it. */
function relationSummaryFields(target: string): Json[] {
  const fields = getCollection(target).fields;
  return ['slug', 'title', 'name', 'isoCode', 'acronym', 'locale'].filter((k) => k in fields || k === 'locale');
}

/** A field's kind and, for relations and components, what it points at: enough for the CMS to read an entry generically. */
function fieldSummary(field: FieldDefinition): JsonObject {
  // `private`: what the CMS sends out (the partner API) must leave the field out.
  const known: JsonObject = field.private ? { private: true } : {};
  if (field.kind === 'relation') return { kind: field.kind, target: field.target, multiple: field.multiple, ...known };
  if (field.kind === 'component') return { kind: field.kind, component: field.component, repeatable: field.repeatable, ...known };
  return { kind: field.kind, ...known };
}

/** What the CMS reads at run time, derived from the model (locales, UIDs, populate, field kinds). */
export function cmsRuntimeModel(): JsonObject {
  return {
    defaultLocale,
    localSite: { host: LOCAL_SITE_HOST, defaultPort: DEFAULT_SITE_PORT },
    itemPathTemplate: ITEM_PATH_TEMPLATE,
    slugPattern: SLUG_PATTERN,
    licenseDeeds: licenseDeeds(),
    partnerApi: { ...PARTNER_API_DEFAULTS, sorts: [...PARTNER_API_SORTS], openFilterValues: [...OPEN_FILTER_VALUES] },
    locales: locales.map((l) => ({
      code: l.code,
      tag: l.tag,
      name: l.nativeName === l.englishName ? l.englishName : `${l.englishName} – ${l.nativeName}`,
      englishName: l.englishName,
      dir: l.dir,
    })),
    components: components.map((c) => ({
      name: c.name,
      fields: Object.fromEntries(Object.entries(c.fields).map(([n, fd]) => [n, fieldSummary(fd)])),
    })),
    collections: collections.map((c) => ({
      name: c.name,
      uid: strapiUid(c),
      pluralName: c.pluralName,
      dateField: itemDateField(c) ?? null,
      labelField: labelField(c),
      localizedProsePaths: localizedProsePaths(c),
      draftAndPublish: c.draftAndPublish,
      isContentType: (contentTypes as readonly CollectionDefinition[]).includes(c),
      isTaxonomy: (taxonomies as readonly CollectionDefinition[]).includes(c),
      uniqueWithinEntry: [...((c as CollectionDefinition).uniqueWithinEntry ?? [])],
      localizedFields: Object.entries(c.fields)
        .filter(([, fd]) => fd.localized)
        .map(([n]) => n),
      sharedFields: Object.entries(c.fields)
        .filter(([, fd]) => !fd.localized)
        .map(([n]) => n),
      populate: { ...populateFor(c.fields), localizations: { fields: ['locale', 'slug', 'publishedAt'] } },
      fields: Object.fromEntries(Object.entries(c.fields).map(([n, fd]) => [n, fieldSummary(fd)])),
    })),
  };
}

const coreFile = (kind: 'controllers' | 'routes' | 'services', singular: string) => {
  const factory = { controllers: 'createCoreController', routes: 'createCoreRouter', services: 'createCoreService' }[kind];
  return [
    '// Generated by `npm run generate` from content-schemas. Do not edit.',
    "import { factories } from '@strapi/strapi';",
    '',
    `export default factories.${factory}('api::${singular}.${singular}');`,
    '',
  ].join('\n');
};

/** Every file the generator owns in cms/, by path relative to cms/. */
export function strapiFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const json = (v: Json) => JSON.stringify(v, null, 2) + '\n';
  for (const c of collections) {
    const base = `src/api/${c.singularName}`;
    files.set(`${base}/content-types/${c.singularName}/schema.json`, json(contentTypeSchema(c)));
    for (const kind of ['controllers', 'routes', 'services'] as const) {
      files.set(`${base}/${kind}/${c.singularName}.ts`, coreFile(kind, c.singularName));
    }
  }
  for (const comp of components) {
    const [category, name] = comp.name.split('.');
    files.set(`src/components/${category}/${name}.json`, json(componentSchema(comp)));
  }
  files.set('src/generated/model.json', json(cmsRuntimeModel()));
  files.set('src/generated/partner-api.openapi.json', json(partnerApiOpenApi() as Json));
  files.set(
    'src/generated/site-status-types.ts',
    [
      "// Generated by `npm run generate` from content-schemas (site-status.ts: the rebuild service's status). Do not edit.",
      '',
      typeDeclarations(siteStatusJsonSchemas()),
    ].join('\n'),
  );
  files.set(
    'src/generated/partner-api-types.ts',
    ["// Generated by `npm run generate` from content-schemas (the partner API's OpenAPI schemas). Do not edit.", '', partnerApiItemTypes()].join('\n'),
  );
  files.set(
    'src/generated/exchange-codes.ts',
    [
      "// Generated by `npm run generate` from content-schemas (model.ts: the solutions exchange's coded values). Do not edit.",
      '',
      '/** The kinds of support a demand may seek (`exchange.support`). */',
      `export const EXCHANGE_SUPPORT_KINDS = ${JSON.stringify(EXCHANGE_SUPPORT_KINDS)} as const;`,
      '/** The modalities of an offer. */',
      `export const OFFER_MODALITIES = ${JSON.stringify(OFFER_MODALITIES)} as const;`,
      '',
    ].join('\n'),
  );
  files.set(
    'src/generated/exchange-status.ts',
    [
      '// Generated by `npm run generate`: content-schemas/src/exchange-status.ts as it is (the CMS cannot import content-schemas). Do not edit.',
      '',
      fs.readFileSync(new URL('./exchange-status.ts', import.meta.url), 'utf8'),
    ].join('\n'),
  );
  return files;
}
