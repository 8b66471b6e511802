/**
 * Which entries use a media file, found through the database rather than the
 * content's JSON: the upload plugin's `related` links lead to entries or to
 * components, and a component leads up to the entry that holds it (through any
 * depth of nested components), using only the query engine's filters.
 */
import type { Core, Schema, UID } from '@strapi/strapi';
import { collectionByUid } from './model';

export interface MediaUse {
  uid: string;
  documentId: string;
  locale: string;
  published: boolean;
}

interface Owner {
  uid: string;
  field: string;
}

const FILE_UID = 'plugin::upload.file';

let ownersCache: Map<string, Owner[]> | undefined;

/** For each component uid, the collections and components that hold it, and in which field (the schemas do not change while Strapi runs). */
function componentOwners(strapi: Core.Strapi): Map<string, Owner[]> {
  if (ownersCache) return ownersCache;
  const owners = new Map<string, Owner[]>();
  const schemas: [string, Schema.ContentType | Schema.Component | undefined][] = [
    ...[...collectionByUid.keys()].map((uid) => [uid, strapi.contentType(uid as UID.ContentType)] as [string, Schema.ContentType | undefined]),
    ...Object.entries(strapi.components as Record<string, Schema.Component>),
  ];
  for (const [uid, schema] of schemas) {
    for (const [field, attribute] of Object.entries(schema?.attributes ?? {})) {
      if (attribute?.type !== 'component') continue;
      owners.set(attribute.component, [...(owners.get(attribute.component) ?? []), { uid, field }]);
    }
  }
  ownersCache = owners;
  return owners;
}

async function entriesHolding(strapi: Core.Strapi, owners: Map<string, Owner[]>, uid: string, ids: number[], depth = 0): Promise<MediaUse[]> {
  if (!ids.length || depth > 8) return [];
  if (collectionByUid.has(uid)) {
    const rows = await strapi.db.query(uid).findMany({
      where: { id: { $in: ids } },
      select: ['documentId', 'locale', 'publishedAt'],
    });
    return rows.map((r: { documentId: string; locale: string; publishedAt: string | null }) => ({
      uid,
      documentId: r.documentId,
      locale: r.locale,
      published: !!r.publishedAt,
    }));
  }
  const out: MediaUse[] = [];
  for (const owner of owners.get(uid) ?? []) {
    const parents = await strapi.db.query(owner.uid).findMany({ where: { [owner.field]: { id: { $in: ids } } }, select: ['id'] });
    out.push(
      ...(await entriesHolding(
        strapi,
        owners,
        owner.uid,
        parents.map((p: { id: number }) => p.id),
        depth + 1,
      )),
    );
  }
  return out;
}

/** Every entry row (draft or published, any locale) of our collections that uses the file. */
export async function entriesUsingFile(strapi: Core.Strapi, fileId: number): Promise<MediaUse[]> {
  const file = await strapi.db.query(FILE_UID).findOne({ where: { id: fileId }, populate: { related: true } });
  const related = (file?.related ?? []) as { id: number; __type: string }[];
  const byType = new Map<string, number[]>();
  for (const r of related) byType.set(r.__type, [...(byType.get(r.__type) ?? []), r.id]);
  const owners = componentOwners(strapi);
  const uses: MediaUse[] = [];
  for (const [uid, ids] of byType) uses.push(...(await entriesHolding(strapi, owners, uid, ids)));
  const seen = new Set<string>();
  return uses.filter((u) => {
    const k = `${u.uid}|${u.documentId}|${u.locale}|${u.published}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
