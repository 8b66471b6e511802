/**
 * How the account routes answer. A plain form post (the site's pages, no JavaScript)
 * gets a 303 redirect: to a page with `?status=<status>#status-<status>` on success,
 * or back to the form's page with `#error-<code>`, which the page shows with CSS
 * `:target`. A request that asks for JSON (a JSON body, or `Accept` preferring JSON)
 * gets JSON: `{ status }` or `{ error: { code, message } }` with an HTTP status.
 */
import type { Context } from '../koa';
import { wantsJson } from '../forms/http';

export type AccountError =
  | 'invalid-email'
  | 'email-taken'
  | 'password-too-short'
  | 'password-too-long'
  | 'password-is-email'
  | 'password-too-common'
  | 'rate-limited'
  | 'registration-closed'
  | 'invalid-credentials'
  | 'locked'
  | 'not-confirmed'
  | 'reset-unavailable'
  | 'invalid-link'
  | 'wrong-password'
  | 'bad-origin'
  | 'not-signed-in';

const HTTP_STATUS: Record<AccountError, number> = {
  'invalid-email': 400,
  'email-taken': 409,
  'password-too-short': 400,
  'password-too-long': 400,
  'password-is-email': 400,
  'password-too-common': 400,
  'rate-limited': 429,
  'registration-closed': 429,
  'invalid-credentials': 401,
  locked: 423,
  'not-confirmed': 403,
  'reset-unavailable': 503,
  'invalid-link': 400,
  'wrong-password': 401,
  'bad-origin': 403,
  'not-signed-in': 401,
};

/** English explanations for JSON clients; the site's pages have their own text per language. */
const MESSAGES: Record<AccountError, string> = {
  'invalid-email': 'Give a valid email address.',
  'email-taken': 'An account with this email address already exists: sign in instead.',
  'password-too-short': 'The password is too short.',
  'password-too-long': 'The password is too long (at most 72 bytes).',
  'password-is-email': 'The password must not be your email address.',
  'password-too-common': 'This password is too common or too simple: choose another.',
  'rate-limited': 'Too many attempts from your network: wait a few minutes and try again.',
  'registration-closed': 'Too many new accounts right now: try again later.',
  'invalid-credentials': 'Wrong email address or password.',
  locked: 'Too many failed sign-ins: this account is locked for a while.',
  'not-confirmed': 'Confirm your email address first: we have sent you the link again.',
  'reset-unavailable': 'Password reset by email is not available on this server.',
  'invalid-link': 'This link is not valid or has expired.',
  'wrong-password': 'Wrong password.',
  'bad-origin': 'This form must be sent from the site.',
  'not-signed-in': 'Sign in first.',
};

/** A URL with `status` in its query and as its fragment (for `:target`). */
export function withStatus(url: string, status: string): string {
  const u = new URL(url);
  u.searchParams.set('status', status);
  u.hash = `status-${status}`;
  return u.href;
}

export function succeed(ctx: Context, status: string, redirectTo: string, json: Record<string, unknown> = {}): void {
  if (wantsJson(ctx)) {
    ctx.status = 200;
    ctx.body = { status, ...json };
    return;
  }
  ctx.status = 303;
  ctx.redirect(withStatus(redirectTo, status));
}

export function fail(ctx: Context, code: AccountError, backTo: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  if (wantsJson(ctx)) {
    ctx.status = HTTP_STATUS[code];
    ctx.body = { error: { code, message: MESSAGES[code] } };
    return;
  }
  const u = new URL(backTo);
  u.hash = `error-${code}`;
  ctx.status = 303;
  ctx.redirect(u.href);
}
