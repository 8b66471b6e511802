/** Thin clients for the content API (API token) and the admin API (admin JWT) of the test CMS. */
import { inject } from 'vitest';
import { fetchJson } from '../../../test-support/fetch-json.ts';

export const cms = () => inject('cms');

export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

const request = <T>(url: string, init: RequestInit): Promise<JsonResponse<T>> => fetchJson<T>(url, init);

/** GET on the content API; `token: null` sends no token. */
export function contentApi<T = any>(pathAndQuery: string, token: string | null = cms().apiToken): Promise<JsonResponse<T>> {
  return request<T>(`${cms().url}/api${pathAndQuery}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

export function adminApi<T = any>(method: string, pathAndQuery: string, body?: unknown, jwt: string = cms().adminJwt): Promise<JsonResponse<T>> {
  return request<T>(`${cms().url}${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${jwt}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const cmPath = (uid: string) => `/content-manager/collection-types/${uid}`;

/** Content-manager operations as an admin user would do them in the admin panel. */
export const contentManager = {
  create: (uid: string, locale: string, data: Record<string, unknown>, jwt?: string) => adminApi('POST', `${cmPath(uid)}?locale=${locale}`, data, jwt),
  saveLocale: (uid: string, documentId: string, locale: string, data: Record<string, unknown>, jwt?: string) =>
    adminApi('PUT', `${cmPath(uid)}/${documentId}?locale=${locale}`, data, jwt),
  publish: (uid: string, documentId: string, locale: string, jwt?: string) =>
    adminApi('POST', `${cmPath(uid)}/${documentId}/actions/publish?locale=${locale}`, {}, jwt),
  unpublish: (uid: string, documentId: string, locale: string, jwt?: string) =>
    adminApi('POST', `${cmPath(uid)}/${documentId}/actions/unpublish?locale=${locale}`, {}, jwt),
};

/** Logs in an admin user and returns its JWT. */
export async function adminLogin(email: string, password: string): Promise<string> {
  const res = await request<any>(`${cms().url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}
