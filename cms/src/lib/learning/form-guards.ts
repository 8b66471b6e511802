/**
 * Checks shared by the account forms: where a form was sent from, the form's
 * fields as strings, and a safe place on the site to go back to.
 */
import type { Context } from '../koa';
import type { AccountSettings } from './account-settings';

/**
 * A browser's POST names the page's origin. The forms live on the site or on the
 * CMS's own pages; a post from anywhere else is refused. A request without `Origin`
 * (a non-browser client) is let through: it carries no cookie a browser would add on
 * its own. Browsers send `Origin: null` from an https page to an http CMS (and from
 * sandboxed frames): accepted only where `opaqueAllowed`, for the forms that act on no
 * session (sign-up, sign-in, password reset), never for sign-out or deletion.
 */
export function fromAllowedOrigin(ctx: Context, settings: AccountSettings, opaqueAllowed = false): boolean {
  const origin = ctx.get('origin');
  if (!origin) return true;
  if (origin === 'null') return opaqueAllowed;
  const allowed = new Set([new URL(settings.siteUrl).origin, new URL(settings.cmsUrl).origin, ctx.origin]);
  return allowed.has(origin);
}

/** A field of the form (urlencoded or JSON body) as a string, '' when missing. */
export function field(ctx: Context, name: string): string {
  const body = (ctx.request as { body?: Record<string, unknown> }).body;
  const value = body && typeof body === 'object' ? body[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** A path on the site to send the learner to after signing in, if the form gave a safe one. */
export function sitePath(value: string): string | null {
  return /^\/(?![/\\])[^\s\\]*$/.test(value) && value.length <= 512 ? value : null;
}

/**
 * A query parameter as the browser sent it. `ctx.query` is not that on content-API
 * routes: the published-only middleware sets `status` (and other reading options) there.
 */
export function queryParam(ctx: Context, name: string): string {
  return new URL(ctx.originalUrl, 'http://cms.invalid').searchParams.get(name) ?? '';
}
