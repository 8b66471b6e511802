/**
 * A match's links (offers and solutions in any language) as partners receive them. The stored item keeps only
 * each target's type and document id, since a target is published, translated or unpublished after the match:
 * when a response is written, each link gets the locales its target is published in now (the syndication
 * items, one row per published entry and locale), and a link whose target is published in none is left out,
 * so a draft is never named. Items stored before links existed get an empty list.
 */
import type { Core } from '@strapi/strapi';
import type { Link } from '../../generated/partner-api-types';
import { localeCodes } from '../model';
import { ITEM_UID } from './names';
import type { SyndicationItem } from './serialize';

type StoredItem = Omit<SyndicationItem, 'links'> & { links?: Link[] };

const targetKey = (type: string, documentId: string) => `${type}:${documentId}`;

/** The locales, in the model's order, each linked document is published in (key `type:documentId`). */
async function publishedLocales(strapi: Core.Strapi, links: readonly Link[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  if (!links.length) return found;
  const rows = (await strapi.db.query(ITEM_UID).findMany({
    where: { itemDocumentId: { $in: [...new Set(links.map((l) => l.documentId))] }, contentType: { $in: [...new Set(links.map((l) => l.type))] } },
    select: ['contentType', 'itemDocumentId', 'itemLocale'],
  })) as { contentType: string; itemDocumentId: string; itemLocale: string }[];
  for (const row of rows) {
    const key = targetKey(row.contentType, row.itemDocumentId);
    found.set(key, [...(found.get(key) ?? []), row.itemLocale]);
  }
  for (const [key, locales] of found)
    found.set(
      key,
      localeCodes.filter((l) => locales.includes(l)),
    );
  return found;
}

/** The items with their links' published locales, links to unpublished targets removed; one query for them all. */
export async function withPublishedLinks<T extends StoredItem>(strapi: Core.Strapi, items: readonly T[]): Promise<(T & { links: Link[] })[]> {
  const locales = await publishedLocales(
    strapi,
    items.flatMap((item) => item.links ?? []),
  );
  return items.map((item) => ({
    ...item,
    links: (item.links ?? []).flatMap((link) => {
      const published = locales.get(targetKey(link.type, link.documentId));
      return published?.length ? [{ type: link.type, documentId: link.documentId, locales: published as Link['locales'] }] : [];
    }),
  }));
}
