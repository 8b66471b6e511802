/**
 * The admin panel's view of the static site, at `/ssc-site/...` (admin routes, an
 * admin session required): the rebuild service's status (live release, building or
 * queued, last releases and the entries left out of them), the status of one entry
 * in one locale, and, for the chief editor and super admins only, starting a
 * rebuild and rolling back to an earlier release. The CMS reaches the rebuild
 * service at SITE_REBUILD_URL with SITE_REBUILD_SECRET, as its webhook does.
 */
import type { Core } from '@strapi/strapi';
import { hasEditorialControl } from './editor-roles';
import type { LeftOutSummary, RebuildStatus, ReleaseSummary } from '../generated/site-status-types';
import type { Context } from './koa';
import { registerAdminRoutes } from './admin-routes';
import { collectionByName, collectionByUid } from './model';

/** A left-out entry with the admin path of its edit view in that locale (null for an unknown type). */
export type LeftOut = LeftOutSummary & { editPath: string | null };

export type ReleaseWithLinks = Omit<ReleaseSummary, 'leftOut'> & { leftOut: LeftOut[] };

/** The rebuild service's status (generated from content-schemas' site-status.ts), and what the admin adds. */
export interface SiteStatus extends Omit<RebuildStatus, 'releases'> {
  configured: boolean;
  reachable: boolean;
  releases: ReleaseWithLinks[];
  canManage: boolean;
}

function serviceUrl(path: string): string | null {
  const url = process.env.SITE_REBUILD_URL;
  return url ? url.replace(/\/rebuild\/?$/, '') + path : null;
}

async function callService(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const url = serviceUrl(path);
  if (!url) return { status: 503, body: { error: 'SITE_REBUILD_URL is not set: no rebuild service is configured' } };
  const res = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${process.env.SITE_REBUILD_SECRET ?? ''}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    signal: AbortSignal.timeout(5_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  return { status: res.status, body };
}

const canManage = (ctx: Context) => hasEditorialControl(ctx.state?.user?.roles);

/** Adds the admin-panel link of each left-out entry (the edit view in that locale). */
function withEditLinks(releases: ReleaseSummary[]): ReleaseWithLinks[] {
  return releases.map((r) => ({
    ...r,
    leftOut: r.leftOut.map((e) => {
      const uid = collectionByName.get(e.type)?.uid;
      return { ...e, editPath: uid ? `/content-manager/collection-types/${uid}/${e.documentId}?plugins[i18n][locale]=${e.locale}` : null };
    }),
  }));
}

export async function readStatus(ctx: Context): Promise<SiteStatus> {
  const base: SiteStatus = {
    configured: !!serviceUrl(''),
    reachable: false,
    building: false,
    queued: false,
    lastFailure: null,
    live: null,
    releases: [],
    canManage: canManage(ctx),
  };
  if (!base.configured) return base;
  try {
    const res = await callService('/status');
    if (res.status !== 200) return base;
    const b = res.body as Partial<RebuildStatus>;
    return {
      ...base,
      reachable: true,
      building: !!b.building,
      queued: !!b.queued,
      lastFailure: b.lastFailure ?? null,
      live: b.live ?? null,
      releases: withEditLinks(b.releases ?? []),
    };
  } catch {
    return base;
  }
}

export type EntrySiteState = 'not-published' | 'live' | 'waiting' | 'left-out' | 'unknown';

/** Whether one locale of one entry is on the live site, waiting for a build, or left out (and why). */
export async function entryStatus(strapi: Core.Strapi, ctx: Context, uid: string, documentId: string, locale: string) {
  const collection = collectionByUid.get(uid);
  if (!collection) return { state: 'unknown' as EntrySiteState, reason: 'not a content type of the site' };
  const published = await strapi.db.query(uid).findOne({ where: { documentId, locale, publishedAt: { $notNull: true } }, select: ['publishedAt'] });
  const status = await readStatus(ctx);
  const liveRelease = status.releases.find((r) => r.live);
  if (!published) return { state: 'not-published' as EntrySiteState, building: status.building || status.queued };
  if (!liveRelease) return { state: 'unknown' as EntrySiteState, reason: status.reachable ? 'no release is live yet' : 'the rebuild service is not reachable' };
  const leftOut = liveRelease.leftOut.filter((e) => e.type === collection.name && e.documentId === documentId && e.locale === locale);
  const publishedAfterBuild = !liveRelease.snapshotCreatedAt || new Date(published.publishedAt).getTime() > new Date(liveRelease.snapshotCreatedAt).getTime();
  if (publishedAfterBuild) return { state: 'waiting' as EntrySiteState, building: status.building || status.queued, release: liveRelease.id };
  if (leftOut.length) return { state: 'left-out' as EntrySiteState, release: liveRelease.id, problems: leftOut };
  return { state: 'live' as EntrySiteState, release: liveRelease.id };
}

/** Registers the admin routes; call in `register`. */
export function registerSiteAdminRoutes(strapi: Core.Strapi): void {
  registerAdminRoutes(strapi, 'ssc-site', '/ssc-site', [
    {
      method: 'GET',
      path: '/status',
      handler: async (ctx: Context) => {
        ctx.body = await readStatus(ctx);
      },
    },
    {
      method: 'GET',
      path: '/entry-status',
      handler: async (ctx: Context) => {
        const { uid, documentId, locale } = ctx.query as Record<string, string>;
        if (!uid || !documentId || !locale) return ctx.badRequest('give uid, documentId and locale');
        ctx.body = await entryStatus(strapi, ctx, uid, documentId, locale);
      },
    },
    {
      method: 'POST',
      path: '/rebuild',
      handler: async (ctx: Context) => {
        if (!canManage(ctx)) return ctx.forbidden('Only the chief editor can start a rebuild');
        const res = await callService('/rebuild', { method: 'POST', body: JSON.stringify({ event: 'admin.rebuild', model: ctx.state.user.email }) });
        ctx.status = res.status;
        ctx.body = res.body;
      },
    },
    {
      method: 'POST',
      path: '/rollback',
      handler: async (ctx: Context) => {
        if (!canManage(ctx)) return ctx.forbidden('Only the chief editor can roll the site back');
        const release = (ctx.request.body as { release?: unknown })?.release;
        const res = await callService('/rollback', { method: 'POST', body: JSON.stringify({ release }) });
        ctx.status = res.status;
        ctx.body = res.body;
      },
    },
  ]);
}
