/**
 * Learner accounts in the Users & Permissions tables: find, create, count failed
 * sign-ins and lock. Addresses are kept in lower case; usernames (which the plugin
 * requires, unique) are random, so the address is stored once.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { LEARNER_ROLE_TYPE } from './session';

const USER_UID = 'plugin::users-permissions.user';

export interface LearnerAccount {
  id: number;
  email: string;
  password: string | null;
  confirmed: boolean | null;
  blocked: boolean | null;
  locale: string | null;
  failedSignIns: number | null;
  lockedUntil: string | null;
  role?: { type: string } | null;
}

interface UserService {
  add(values: Record<string, unknown>): Promise<{ id: number }>;
  edit(id: number, values: Record<string, unknown>): Promise<unknown>;
  validatePassword(password: string, hash: string): Promise<boolean>;
}

export const userService = (strapi: Core.Strapi) => strapi.plugin('users-permissions').service('user') as unknown as UserService;

const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** The address in its stored form, or null when it is not one. */
export function normalEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
}

/** Any account with this address (learner or not: an address belongs to one account). */
export async function accountByEmail(strapi: Core.Strapi, email: string): Promise<LearnerAccount | null> {
  return (await strapi.db.query(USER_UID).findOne({ where: { email }, populate: { role: { select: ['type'] } } })) as LearnerAccount | null;
}

export const isLearner = (account: LearnerAccount | null): account is LearnerAccount => account?.role?.type === LEARNER_ROLE_TYPE;

export async function learnerById(strapi: Core.Strapi, id: number): Promise<LearnerAccount | null> {
  const account = (await strapi.db.query(USER_UID).findOne({ where: { id }, populate: { role: { select: ['type'] } } })) as LearnerAccount | null;
  return isLearner(account) ? account : null;
}

export async function createLearner(
  strapi: Core.Strapi,
  input: { email: string; password: string; locale: string; roleId: number; confirmationCodeHash: string | null },
): Promise<{ id: number }> {
  return userService(strapi).add({
    username: `learner-${crypto.randomBytes(9).toString('hex')}`,
    email: input.email,
    password: input.password,
    provider: 'local',
    confirmed: input.confirmationCodeHash === null,
    confirmationToken: input.confirmationCodeHash,
    blocked: false,
    role: input.roleId,
    locale: input.locale,
    failedSignIns: 0,
  });
}

export const updateAccount = (strapi: Core.Strapi, id: number, data: Record<string, unknown>) => strapi.db.query(USER_UID).update({ where: { id }, data });

export async function accountByCode(strapi: Core.Strapi, field: 'confirmationToken' | 'resetPasswordToken', codeHash: string): Promise<LearnerAccount | null> {
  const account = (await strapi.db
    .query(USER_UID)
    .findOne({ where: { [field]: codeHash }, populate: { role: { select: ['type'] } } })) as LearnerAccount | null;
  return isLearner(account) ? account : null;
}

export const isLocked = (account: LearnerAccount, now = Date.now()): boolean => Boolean(account.lockedUntil && Date.parse(account.lockedUntil) > now);

/** Counts one failed sign-in; true when it locks the account (the count starts again after the lock). */
export async function recordFailedSignIn(strapi: Core.Strapi, account: LearnerAccount, maxFailures: number, lockSeconds: number): Promise<boolean> {
  const failures = (account.failedSignIns ?? 0) + 1;
  if (failures >= maxFailures) {
    await updateAccount(strapi, account.id, { failedSignIns: 0, lockedUntil: new Date(Date.now() + lockSeconds * 1000) });
    strapi.log.warn(`[learning] learner ${account.id} locked for ${lockSeconds / 60} min after ${failures} failed sign-ins`);
    return true;
  }
  await updateAccount(strapi, account.id, { failedSignIns: failures });
  return false;
}

/** A bcrypt hash of nothing anyone knows, compared against when no account matches, so that a wrong address takes as long as a wrong password. */
const DECOY_HASH = '$2a$10$CwTycUXWue0Thq9StjUM0uJ8.6Yb8gq4Ecj1Qm1pDfLqN8U5pU5.K';

export async function passwordMatches(strapi: Core.Strapi, account: LearnerAccount | null, password: string): Promise<boolean> {
  const ok = await userService(strapi).validatePassword(password, account?.password ?? DECOY_HASH);
  return Boolean(account?.password) && ok;
}
