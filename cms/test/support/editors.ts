/** Admin users with a given role, registered and logged in as a person would be. */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { adminApi, adminLogin, cms } from './http.ts';

export interface EditorAccount {
  email: string;
  password: string;
}

/**
 * Creates and registers a user with the role named `roleName` and returns the
 * credentials, without logging in (for tests that log in through the admin UI: the
 * admin's login is rate-limited per address).
 */
export async function createEditorAccount(roleName: string): Promise<EditorAccount> {
  const roles = await adminApi('GET', '/admin/roles');
  const role = roles.body.data.find((r: { name: string }) => r.name === roleName);
  if (!role) throw new Error(`role ${roleName} missing`);
  const email = `${crypto.randomBytes(4).toString('hex')}@editors.example.org`;
  const password = `Editor-${crypto.randomBytes(6).toString('hex')}-1A`;
  const created = await adminApi('POST', '/admin/users', { email, firstname: roleName, lastname: 'Tester', roles: [role.id] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const registered = await fetch(`${cms().url}/admin/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ registrationToken: created.body.data.registrationToken, userInfo: { firstname: roleName, lastname: 'Tester', password } }),
  });
  expect(registered.status).toBe(200);
  return { email, password };
}

/** Creates a user with the role named `roleName` and returns its admin JWT. */
export async function createEditor(roleName: string): Promise<string> {
  const { email, password } = await createEditorAccount(roleName);
  return adminLogin(email, password);
}
