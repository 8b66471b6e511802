/**
 * What the learning API's handlers share: reading a form or JSON body, telling a
 * script (JSON) from a browser form (HTML and redirects), and answering each.
 */
import type { Context } from '../koa';
import { localeCodes, model } from '../model';

export type Body = Record<string, unknown>;

export const bodyOf = (ctx: Context): Body => {
  const body = (ctx.request as { body?: unknown }).body;
  return body && typeof body === 'object' ? (body as Body) : {};
};

/** A fetch from the progress script (JSON in or asked for), not a browser form post. */
export const wantsJson = (ctx: Context): boolean => Boolean(ctx.request.is('application/json')) || ctx.accepts('html', 'json') === 'json';

/** A single text value of a body or query field. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length <= 500 ? value : undefined);

/** A locale of the model, else undefined. */
export const knownLocale = (value: unknown): string | undefined => (typeof value === 'string' && localeCodes.includes(value) ? value : undefined);

/** The locale a page answers in: the form's, else the learner's, else the default. */
export const pageLocale = (...candidates: unknown[]): string => candidates.map(knownLocale).find(Boolean) ?? model.defaultLocale;

const OP_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** The client's id of a write (so a replay counts once), when it sent a well-formed one. */
export const opIdOf = (value: unknown): string | null => (typeof value === 'string' && OP_ID.test(value) ? value : null);

export function jsonError(ctx: Context, status: number, name: string, message: string): void {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message } };
}

export function html(ctx: Context, status: number, page: string): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = page;
}

/** Back to a page of the site after a form, with what happened (`?learning=enrolled`). */
export function redirectBack(ctx: Context, returnUrl: string, status: string): void {
  const url = new URL(returnUrl);
  url.searchParams.set('learning', status);
  ctx.status = 303;
  ctx.redirect(url.href);
}
