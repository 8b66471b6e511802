/**
 * Our own routes of the admin API (`/<prefix>/...` on the CMS, beside Strapi's
 * `/admin`): each needs an admin session, and each handler checks what the user's
 * roles allow. Register them in `register`, before Strapi mounts its routes.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from './koa';

export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: (ctx: Context) => Promise<unknown> | unknown;
}

const SIGNED_IN = { policies: ['admin::isAuthenticatedAdmin'] };

export function registerAdminRoutes(strapi: Core.Strapi, name: string, prefix: string, routes: AdminRoute[]): void {
  const admin = strapi.admin as unknown as { routes: Record<string, unknown> };
  admin.routes[name] = { type: 'admin', prefix, routes: routes.map((route) => ({ ...route, config: SIGNED_IN })) };
}
