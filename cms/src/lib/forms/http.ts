/**
 * What the CMS's plain-form endpoints share (the Cloud School's accounts and
 * progress, the exchange's submissions): reading a form or JSON body, telling a
 * script (JSON) from a browser form, escaping what goes into a page, and sending one.
 */
import type { Context } from '../koa';

export type Body = Record<string, unknown>;

export const bodyOf = (ctx: Context): Body => {
  const body = (ctx.request as { body?: unknown }).body;
  return body && typeof body === 'object' ? (body as Body) : {};
};

/** A script (a JSON body, or `Accept` preferring JSON), not a browser form post. */
export const wantsJson = (ctx: Context): boolean => Boolean(ctx.request.is('application/json')) || ctx.accepts('html', 'json') === 'json';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an HTML element or a quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

export function html(ctx: Context, status: number, page: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = page;
}
