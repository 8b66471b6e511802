/**
 * Anonymous read access to the content API. Off by default: published content is
 * readable with an API token only. PUBLIC_API_READ=true grants find/findOne on every
 * collection to the Public role; setting it back to false (or unsetting it) revokes them.
 */
import type { Core } from '@strapi/strapi';
import { model } from './model';

const PERMISSION = 'plugin::users-permissions.permission';

export async function syncPublicAccess(strapi: Core.Strapi, enabled: boolean): Promise<void> {
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!publicRole) return;
  const actions = model.collections.flatMap((c) => [`${c.uid}.find`, `${c.uid}.findOne`]);
  const existing = await strapi.db.query(PERMISSION).findMany({ where: { role: publicRole.id, action: { $in: actions } } });
  if (enabled) {
    const have = new Set(existing.map((p: { action: string }) => p.action));
    for (const action of actions.filter((a) => !have.has(a))) {
      await strapi.db.query(PERMISSION).create({ data: { action, role: publicRole.id } });
    }
    strapi.log.warn('[access] PUBLIC_API_READ=true: anonymous visitors can read published content through /api');
  } else if (existing.length) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: existing.map((p: { id: number }) => p.id) } } });
    strapi.log.info('[access] anonymous read access to /api revoked');
  }
}
