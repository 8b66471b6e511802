/**
 * Closes the content-API routes of Strapi's own plugins that no feature of the
 * platform uses, so that no token or role can reach them, whatever the
 * permissions say:
 * - Upload: `/api/upload/...` (a read-only API token could list every file in the
 *   media library, files attached only to drafts included). Readers and the site's
 *   build get media through the published entries that use them.
 * - Users & Permissions: every route. Public sign-up (`/api/auth/local/register`),
 *   the user listing and user writes (`/api/users...`, which a read-only API token
 *   could read, emails included), the role and permission listings, and the
 *   plugin's own login, password, confirmation and session routes: the only
 *   accounts are Cloud School learners, who sign up, sign in and reset their
 *   password through the learning API (`/api/learning/...`), with its password
 *   rules, rate limits and lockout, which the plugin's routes would get around.
 * Routes are removed at registration, before Strapi mounts them, so there is no
 * URL left to match, in any letter case.
 */
import type { Core } from '@strapi/strapi';

interface PluginRoute {
  method: string;
  path: string;
  handler: string | unknown;
}

/** Handlers whose content-API routes are removed, per plugin. */
export const CLOSED_CONTENT_API_HANDLERS: Record<string, (handler: string) => boolean> = {
  upload: () => true,
  'users-permissions': () => true,
};

function contentApiRoutes(strapi: Core.Strapi, plugin: string): { routes: PluginRoute[] } | null {
  const routes = (strapi.plugin(plugin)?.routes as Record<string, unknown> | undefined)?.['content-api'] as { routes?: PluginRoute[] } | undefined;
  return routes && Array.isArray(routes.routes) ? (routes as { routes: PluginRoute[] }) : null;
}

export function closePluginContentApiRoutes(strapi: Core.Strapi): void {
  for (const [plugin, isClosed] of Object.entries(CLOSED_CONTENT_API_HANDLERS)) {
    const holder = contentApiRoutes(strapi, plugin);
    if (!holder) throw new Error(`[access] the ${plugin} plugin has no content-API routes to close: Strapi changed, review closed-plugin-routes.ts`);
    const kept = holder.routes.filter((route) => !(typeof route.handler === 'string' && isClosed(route.handler)));
    // The route list is shared by reference inside Strapi's route factory: change it in place.
    holder.routes.splice(0, holder.routes.length, ...kept);
  }
}

/**
 * Sign-up stays off in the plugin's own settings too (the "Enable sign-ups" switch
 * under Settings → Users & Permissions → Advanced settings), set on every boot.
 */
export async function disablePublicRegistration(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ value: { ...advanced, allow_register: false } });
    strapi.log.info('[access] public sign-up on /api/auth/local/register turned off');
  }
}
