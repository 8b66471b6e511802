/**
 * The OpenAPI 3.1 document of the partner API (`/api/syndication/...` on the CMS).
 * Locales, types and licences come from the model; `npm run generate` writes it to
 * cms/src/generated/partner-api.openapi.json, which the CMS serves at
 * /api/syndication/openapi.json.
 */
import { localeCodes, defaultLocale } from './locales.ts';
import { contentTypes, DEMAND_STATES, EXCHANGE_LINK_TYPES, itemDateField, LICENSES } from './model.ts';
import { CLOSING_TYPES, OPEN_DEMAND_STATES } from './exchange-status.ts';
import { typeDeclarations } from './json-schema-types.ts';
import { ITEM_PATH_TEMPLATE } from './site-paths.ts';

/** Defaults the CMS applies unless its environment says otherwise (docs/configuration.md: SYNDICATION_*). */
export const PARTNER_API_DEFAULTS = { pageSize: 25, maxPageSize: 100, maxChanges: 500 } as const;

/** The values of the `open` filter of /items. */
export const OPEN_FILTER_VALUES = ['true', 'false'] as const;

/** The orders /items can be read in; the first is the default. */
export const PARTNER_API_SORTS = ['date:desc', 'date:asc', 'updatedAt:desc', 'updatedAt:asc'] as const;

const types = contentTypes.map((t) => t.name);
const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] });
const listParam = (name: string, description: string, values?: readonly string[]) => ({
  name,
  in: 'query',
  description: `${description} Several values: comma-separated or repeated (any of them matches).`,
  schema: { type: 'string', ...(values ? { examples: [values.slice(0, 2).join(',')] } : {}) },
});
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const headers = {
  ETag: { description: 'Entity tag of the body; send it back in If-None-Match to get 304.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
  'RateLimit-Limit': { description: 'Requests allowed per window for this token.', schema: { type: 'integer' } },
  'RateLimit-Remaining': { schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window resets.', schema: { type: 'integer' } },
};
const common = {
  '304': { description: 'Not modified: the If-None-Match tag matches.' },
  '400': errorResponse('A parameter is not valid.'),
  '401': errorResponse('No partner token, an unknown one, or a revoked one.'),
  '429': {
    description: 'Rate limit reached.',
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
    content: { 'application/json': { schema: ref('Error') } },
  },
};

export function partnerApiOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'SSC Knowledge Platform partner API',
      version: '1.0.0',
      description:
        `Published ${contentTypes.map((t) => t.pluralName).join(', ')} in every language, for syndication partners. ` +
        'Drafts are never served. Sync incrementally with /changes, which also reports unpublished and deleted items as tombstones.',
    },
    servers: [{ url: '/api/syndication' }],
    security: [{ partnerToken: [] }],
    paths: {
      '/items': {
        get: {
          operationId: 'listItems',
          summary: 'Published items of every type, filtered and paged',
          parameters: [
            listParam('locale', `Locales (${localeCodes.join(', ')}), or "all" (default).`, localeCodes),
            listParam('type', `Content types (${types.join(', ')}); default all.`, types),
            listParam('theme', 'Theme slugs.'),
            listParam('country', 'Country slugs.'),
            {
              name: 'open',
              in: 'query',
              description:
                `true: only ${CLOSING_TYPES.join(' and ')} items open today (field \`open\`); false: only those closed. ` +
                'Items of other types have no `open` field and are left out when this filter is given. Absent: every published item, open or not.',
              schema: { type: 'string', enum: [...OPEN_FILTER_VALUES] },
            },
            {
              name: 'updatedSince',
              in: 'query',
              description: 'Only items published or updated at or after this time.',
              schema: { type: 'string', format: 'date-time' },
            },
            {
              name: 'sort',
              in: 'query',
              description: "date: the item's own date (publication date for types without one); updatedAt: time of its last publish or update.",
              schema: { type: 'string', enum: [...PARTNER_API_SORTS], default: PARTNER_API_SORTS[0] },
            },
            {
              name: 'pageSize',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: PARTNER_API_DEFAULTS.maxPageSize, default: PARTNER_API_DEFAULTS.pageSize },
            },
            {
              name: 'cursor',
              in: 'query',
              description: 'meta.nextCursor of the previous page. Keyset paging: items published meanwhile never make another item skip or repeat.',
              schema: { type: 'string' },
            },
            {
              name: 'page',
              in: 'query',
              description: 'Offset page (1-based) instead of a cursor, with totals; pages can shift while content is published.',
              schema: { type: 'integer', minimum: 1 },
            },
          ],
          responses: {
            '200': { description: 'A page of items.', headers, content: { 'application/json': { schema: ref('ItemPage') } } },
            ...common,
          },
        },
      },
      '/items/{documentId}': {
        get: {
          operationId: 'getItem',
          summary: 'One published item in one locale',
          parameters: [
            { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'locale', in: 'query', schema: { type: 'string', enum: [...localeCodes], default: defaultLocale } },
          ],
          responses: {
            '200': {
              description: 'The item.',
              headers,
              content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: ref('Item') } } } },
            },
            '404': errorResponse('Not published in this locale (or never was).'),
            ...common,
          },
        },
      },
      '/changes': {
        get: {
          operationId: 'listChanges',
          summary: 'Every publish, update, unpublish and delete since a cursor, in order',
          description:
            'Start with since=0 and keep the returned meta.nextCursor. Applying every entry in order (publish/update: store the item; unpublish/delete: drop it) ' +
            'yields exactly the published set. An entry with superseded=true has a later entry for the same item in the feed and carries no item.',
          parameters: [
            {
              name: 'since',
              in: 'query',
              description: 'meta.nextCursor of the previous call; 0 or absent for the beginning.',
              schema: { type: 'string', default: '0' },
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: PARTNER_API_DEFAULTS.maxChanges, default: PARTNER_API_DEFAULTS.maxChanges },
            },
          ],
          responses: {
            '200': { description: 'Changes after the cursor.', headers, content: { 'application/json': { schema: ref('ChangePage') } } },
            ...common,
          },
        },
      },
      '/openapi.json': {
        get: { operationId: 'openapi', summary: 'This document', security: [], responses: { '200': { description: 'OpenAPI 3.1 document.' } } },
      },
    },
    components: {
      securitySchemes: {
        partnerToken: { type: 'http', scheme: 'bearer', description: 'A partner token from `npm run partner:token`. Strapi API tokens are not accepted.' },
      },
      schemas: {
        Item: {
          type: 'object',
          additionalProperties: false,
          required: [
            'type',
            'documentId',
            'locale',
            'slug',
            'url',
            'title',
            'summary',
            'date',
            'publishedAt',
            'updatedAt',
            'license',
            'licenseUrl',
            'attribution',
            'themes',
            'countries',
            'image',
            'body',
            'attachments',
            'links',
          ],
          properties: {
            type: { type: 'string', enum: types },
            documentId: { type: 'string', description: 'Shared by every translation of the item.' },
            locale: { type: 'string', enum: [...localeCodes] },
            slug: { type: 'string' },
            url: { type: 'string', format: 'uri', description: `Canonical page on the public site: {site}${ITEM_PATH_TEMPLATE}.` },
            title: { type: 'string' },
            summary: { type: 'string' },
            date: {
              ...nullable({ type: 'string', format: 'date' }),
              description: `The item's own date (${contentTypes.map((t) => `${t.name}: ${itemDateField(t) ?? 'none'}`).join('; ')}).`,
            },
            publishedAt: { type: 'string', format: 'date-time', description: 'When this version was published.' },
            updatedAt: { type: 'string', format: 'date-time', description: 'When the partner API recorded this version.' },
            license: { type: 'string', enum: [...LICENSES] },
            licenseUrl: nullable({ type: 'string', format: 'uri' }),
            attribution: { type: 'string', description: 'Credit line to show with the item.' },
            themes: { type: 'array', items: { type: 'string' }, description: 'Theme slugs.' },
            countries: { type: 'array', items: { type: 'string' }, description: 'Country slugs.' },
            image: nullable(ref('Image')),
            body: { ...nullable({ type: 'string' }), description: 'Markdown (untrusted: sanitize before rendering). The transcript for videos.' },
            attachments: { type: 'array', items: ref('Attachment') },
            state: {
              type: 'string',
              enum: [...DEMAND_STATES],
              description: `Demands only: where the demand stands (open while ${OPEN_DEMAND_STATES.join(' or ')}).`,
            },
            validUntil: {
              ...nullable({ type: 'string', format: 'date' }),
              description: 'Offers only: the last day the offer is valid; null when it does not expire.',
            },
            open: {
              type: 'boolean',
              description:
                `${capitalized(CLOSING_TYPES.map((t) => `${t}s`).join(' and '))} only: whether it is open on the day of the response (UTC): ` +
                `a demand while its state is ${OPEN_DEMAND_STATES.join(' or ')}, an offer up to and including its validUntil day (always without one). ` +
                'Computed when the response is made: an offer that expires records no change in /changes.',
            },
            links: {
              type: 'array',
              items: ref('Link'),
              description: "A match's offers and solutions, in any language: only those published (empty for other types).",
            },
          },
        },
        Link: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'documentId', 'locales'],
          properties: {
            type: { type: 'string', enum: [...EXCHANGE_LINK_TYPES] },
            documentId: { type: 'string', description: 'The linked item: GET /items/{documentId}?locale=… for one of its locales.' },
            locales: {
              type: 'array',
              items: { type: 'string', enum: [...localeCodes] },
              description: "The locales it is published in, in the model's order (never empty).",
            },
          },
        },
        Image: {
          type: 'object',
          required: ['url', 'alt', 'caption', 'credit', 'width', 'height', 'mime'],
          properties: {
            url: { type: 'string', format: 'uri' },
            alt: { type: 'string' },
            caption: nullable({ type: 'string' }),
            credit: nullable({ type: 'string' }),
            width: nullable({ type: 'integer' }),
            height: nullable({ type: 'integer' }),
            mime: nullable({ type: 'string' }),
          },
        },
        Attachment: {
          type: 'object',
          required: ['title', 'language', 'url', 'mime', 'sizeBytes'],
          properties: {
            title: { type: 'string' },
            language: { type: 'string', description: 'BCP-47 tag of the language of the file.' },
            url: { type: 'string', format: 'uri' },
            mime: nullable({ type: 'string' }),
            sizeBytes: nullable({ type: 'integer' }),
          },
        },
        ItemPage: {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: { type: 'array', items: ref('Item') },
            meta: {
              type: 'object',
              required: ['sort', 'pageSize', 'nextCursor'],
              properties: {
                sort: { type: 'string' },
                pageSize: { type: 'integer' },
                nextCursor: { ...nullable({ type: 'string' }), description: 'null on the last page (and in page mode).' },
                page: { type: 'integer' },
                pageCount: { type: 'integer' },
                total: { type: 'integer' },
              },
            },
          },
        },
        Change: {
          type: 'object',
          required: ['cursor', 'kind', 'type', 'documentId', 'locale', 'at'],
          properties: {
            cursor: { type: 'string', description: 'Position of this entry in the feed.' },
            kind: { type: 'string', enum: ['publish', 'update', 'unpublish', 'delete'] },
            type: { type: 'string', enum: types },
            documentId: { type: 'string' },
            locale: { type: 'string', enum: [...localeCodes] },
            at: { type: 'string', format: 'date-time' },
            superseded: { type: 'boolean', description: 'publish/update only: a later entry covers this item.' },
            item: { ...nullable(ref('Item')), description: 'publish/update only: the item, unless superseded. Tombstones (unpublish, delete) never carry it.' },
          },
        },
        ChangePage: {
          type: 'object',
          required: ['data', 'meta'],
          properties: {
            data: { type: 'array', items: ref('Change') },
            meta: {
              type: 'object',
              required: ['since', 'nextCursor', 'hasMore'],
              properties: { since: { type: 'string' }, nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } },
            },
          },
        },
        Error: {
          type: 'object',
          properties: {
            data: { type: 'null' },
            error: { type: 'object', properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  };
}

/** TypeScript declarations of the items the partner API sends (Item, Image, Attachment, Link), from the document above. */
export function partnerApiItemTypes(): string {
  const { schemas } = (partnerApiOpenApi() as { components: { schemas: Record<string, Record<string, unknown>> } }).components;
  return typeDeclarations({ Item: schemas.Item, Image: schemas.Image, Attachment: schemas.Attachment, Link: schemas.Link });
}
