/**
 * Learners for the learning API's tests. Accounts (registration, sign-in) are another
 * part of the Cloud School: here a learner is made directly, a Users & Permissions user
 * with the `learner` role (made if missing), and signed in with a session cookie the way
 * lib/learning/session.ts's startSession makes it (a Users & Permissions JWT).
 */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { adminApi, cms } from './http.ts';

const USER_UID = 'plugin::users-permissions.user';

/** The id of the role of type `learner`, made when it does not exist yet. */
export async function learnerRoleId(): Promise<number> {
  const find = async () => ((await adminApi('GET', '/users-permissions/roles')).body.roles as { id: number; type: string }[]).find((r) => r.type === 'learner');
  let role = await find();
  if (!role) {
    const made = await adminApi('POST', '/users-permissions/roles', { name: 'Learner', description: 'Cloud School learners', permissions: {} });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    role = await find();
  }
  return role!.id;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A Users & Permissions JWT for user `id`, signed with the CMS's JWT_SECRET (HS256, as the plugin signs). */
export function sessionToken(id: number, secret = cms().env.JWT_SECRET!): string {
  const now = Math.floor(Date.now() / 1000);
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify({ id, iat: now, exp: now + 3600 }));
  const signature = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

export interface TestLearner {
  id: number;
  email: string;
  /** The Cookie header of a signed-in browser: the session and the signed-in hint. */
  cookie: string;
}

/** A new confirmed learner, signed in. */
export async function createLearner(roleId: number): Promise<TestLearner> {
  const name = `learner-${crypto.randomBytes(4).toString('hex')}`;
  const email = `${name}@learners.example.org`;
  const created = await adminApi('POST', `/content-manager/collection-types/${USER_UID}`, {
    username: name,
    email,
    password: `Pw-${crypto.randomBytes(8).toString('hex')}-1A`,
    confirmed: true,
    blocked: false,
    role: roleId,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = (created.body.data ?? created.body).id as number;
  return { id, email, cookie: `ssc_learning=${sessionToken(id)}; ssc_learner=1` };
}
