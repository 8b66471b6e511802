/** Handlers of the partner API: parse, answer from the per-node response cache, send with ETag. */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import openapi from '../../../generated/partner-api.openapi.json';
import { utcDay } from '../../../generated/exchange-status';
import { localeCodes, model } from '../../../lib/model';
import { settings } from '../../../lib/syndication/settings';
import { cachedResponse } from '../../../lib/syndication/response-cache';
import { jsonBody, send } from '../../../lib/syndication/http';
import { findItem, findItems, itemsQueryKey, parseItemsQuery } from '../../../lib/syndication/items';
import { changesQueryKey, findChanges, parseChangesQuery } from '../../../lib/syndication/changes';
import { single } from '../../../lib/syndication/query-params';
import type { Context } from '../../../lib/koa';

const openapiBody = jsonBody(openapi);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async items(ctx: Context) {
    const s = settings(strapi);
    const q = parseItemsQuery(ctx.query, s);
    const body = await cachedResponse(strapi, s.freshnessMs, itemsQueryKey(q), async () => jsonBody(await findItems(strapi, q, s)));
    send(ctx, body, `private, max-age=${s.maxAgeSeconds}`);
  },

  async item(ctx: Context) {
    const s = settings(strapi);
    const locale = single('locale', ctx.query.locale) ?? model.defaultLocale;
    if (!localeCodes.includes(locale)) throw new errors.ValidationError(`locale: "${locale}" is not one of ${localeCodes.join(', ')}`);
    const documentId = String(ctx.params.documentId);
    const today = utcDay(new Date());
    const body = await cachedResponse(strapi, s.freshnessMs, `item ${documentId} ${locale} ${today}`, async () => {
      const found = await findItem(strapi, documentId, locale, s, today);
      return jsonBody(found ?? { data: null, error: { status: 404, name: 'NotFoundError', message: `No published item ${documentId} in "${locale}"` } });
    });
    if (body.bytes.subarray(0, 12).toString() === '{"data":null') {
      ctx.status = 404;
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = body.bytes;
      return;
    }
    send(ctx, body, `private, max-age=${s.maxAgeSeconds}`);
  },

  async changes(ctx: Context) {
    const s = settings(strapi);
    const q = parseChangesQuery(ctx.query, s);
    const body = await cachedResponse(strapi, s.freshnessMs, changesQueryKey(q), async () => jsonBody(await findChanges(strapi, q, s)));
    send(ctx, body, 'private, no-cache');
  },

  async openapi(ctx: Context) {
    send(ctx, openapiBody, 'public, max-age=3600');
  },
});
