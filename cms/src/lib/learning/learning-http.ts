/**
 * What the learning API's handlers share: reading a form or JSON body, telling a
 * script (JSON) from a browser form (HTML and redirects), and answering each.
 */
import type { Context } from '../koa';
import { localeCodes, model } from '../model';

export { bodyOf, html, wantsJson, type Body } from '../forms/http';

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

/** Back to a page of the site after a form, with what happened (`?learning=enrolled`). */
export function redirectBack(ctx: Context, returnUrl: string, status: string): void {
  const url = new URL(returnUrl);
  url.searchParams.set('learning', status);
  ctx.status = 303;
  ctx.redirect(url.href);
}
