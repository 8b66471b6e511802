/**
 * A learner's session with the learning API (docs/cloud-school.md, "Origins and the
 * session"): the one place that reads and writes its two cookies.
 *
 * - `ssc_learning`: a Users & Permissions JWT for the learner, HttpOnly, sent only to
 *   `/api/learning`. A token of a user who is not a learner, or who is blocked, or
 *   whose account is gone, is no session.
 * - `ssc_learner=1`: readable by the site's pages, only so that a course page knows
 *   to load the progress script. It says nothing about who is signed in.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../koa';

export const SESSION_COOKIE = 'ssc_learning';
export const SIGNED_IN_HINT_COOKIE = 'ssc_learner';
/** The path the session cookie is sent to: the learning API only. */
const SESSION_PATH = '/api/learning';
export const LEARNER_ROLE_TYPE = 'learner';
const USER_UID = 'plugin::users-permissions.user';
/** How long a session lasts without signing in again. */
export const SESSION_DAYS = 30;

export interface Learner {
  id: number;
  email: string;
  /** The locale the learner chose, for emails and pages the CMS renders. */
  locale: string | null;
}

interface UserRow {
  id: number;
  email: string;
  blocked: boolean | null;
  locale?: string | null;
  role?: { type: string } | null;
}

interface JwtService {
  issue(payload: Record<string, unknown>, options?: Record<string, unknown>): string | Promise<string>;
  verify(token: string): Promise<{ id?: number | string }>;
}

const jwtService = (strapi: Core.Strapi) => strapi.plugin('users-permissions').service('jwt') as unknown as JwtService;

/** The domain both cookies are shared on: SSC_COOKIE_DOMAIN (the parent of the site's and the CMS's hosts), else the CMS's own host. */
const cookieDomain = () => process.env.SSC_COOKIE_DOMAIN || undefined;

/** The signed-in learner, or null (no cookie, a bad or expired token, not a learner, blocked or deleted). */
export async function currentLearner(strapi: Core.Strapi, ctx: Context): Promise<Learner | null> {
  const token = ctx.cookies.get(SESSION_COOKIE);
  if (!token) return null;
  let id: number | string | undefined;
  try {
    id = (await jwtService(strapi).verify(token)).id;
  } catch {
    return null;
  }
  if (id === undefined) return null;
  const user = (await strapi.db.query(USER_UID).findOne({ where: { id }, populate: { role: { select: ['type'] } } })) as UserRow | null;
  if (!user || user.blocked || user.role?.type !== LEARNER_ROLE_TYPE) return null;
  return { id: user.id, email: user.email, locale: user.locale ?? null };
}

/** Signs a learner in: the session cookie and the signed-in hint. */
export async function startSession(strapi: Core.Strapi, ctx: Context, learner: Pick<Learner, 'id'>): Promise<void> {
  const token = await jwtService(strapi).issue({ id: learner.id }, { expiresIn: `${SESSION_DAYS}d` });
  const maxAge = SESSION_DAYS * 24 * 3600 * 1000;
  const secure = ctx.request.secure;
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: SESSION_PATH, maxAge, domain: cookieDomain(), overwrite: true });
  ctx.cookies.set(SIGNED_IN_HINT_COOKIE, '1', { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge, domain: cookieDomain(), overwrite: true });
}

/** Signs the learner out on this browser: both cookies are cleared. */
export function endSession(ctx: Context): void {
  const secure = ctx.request.secure;
  ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax', secure, path: SESSION_PATH, domain: cookieDomain(), overwrite: true });
  ctx.cookies.set(SIGNED_IN_HINT_COOKIE, null, { httpOnly: false, sameSite: 'lax', secure, path: '/', domain: cookieDomain(), overwrite: true });
}
