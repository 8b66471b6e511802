/**
 * The CMS's admin API as an editor uses it from the admin panel (content-manager
 * routes, admin JWT), for benchmarks that act like editors.
 */
import { fetchJson } from '../../test-support/fetch-json.ts';

export interface AdminClient {
  readonly jwt: string;
  request(method: string, pathAndQuery: string, body?: unknown): Promise<any>;
}

/** Registers the first super admin of an instance that has none, and returns a client signed in as it. */
export async function firstAdmin(cmsUrl: string, email = 'bench@example.org'): Promise<AdminClient> {
  const password = `Bench-${Math.random().toString(36).slice(2)}-A1`;
  const res = await fetchJson(`${cmsUrl}/admin/register-admin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, firstname: 'Bench', lastname: 'Editor' }),
  });
  if (res.status !== 200 && res.status !== 201) throw new Error(`registering the benchmark admin: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return adminClient(cmsUrl, email, password, res.body.data.token);
}

/** A client signed in as an existing admin user. */
export async function signedInAdmin(cmsUrl: string, email: string, password: string): Promise<AdminClient> {
  const client = adminClient(cmsUrl, email, password, '');
  await client.request('GET', '/admin/users/me');
  return client;
}

function adminClient(cmsUrl: string, email: string, password: string, firstJwt: string): AdminClient {
  let jwt = firstJwt;
  // Admin sessions are short (about 30 minutes): a long benchmark signs in again when refused.
  const signIn = async () => {
    const login = await fetchJson(`${cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200) throw new Error(`signing the benchmark admin in again: ${login.status} ${JSON.stringify(login.body).slice(0, 300)}`);
    jwt = login.body.data.token;
  };
  const send = (method: string, pathAndQuery: string, body?: unknown) =>
    fetchJson(`${cmsUrl}${pathAndQuery}`, {
      method,
      headers: { authorization: `Bearer ${jwt}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    get jwt() {
      return jwt;
    },
    async request(method, pathAndQuery, body) {
      let answer = await send(method, pathAndQuery, body);
      if (answer.status === 401) {
        await signIn();
        answer = await send(method, pathAndQuery, body);
      }
      if (answer.status >= 300) throw new Error(`${method} ${pathAndQuery}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      return answer.body;
    },
  };
}

const cm = (uid: string) => `/content-manager/collection-types/${uid}`;

/** Content-manager actions: save a draft, publish one locale or several, unpublish. */
export function contentManager(admin: AdminClient) {
  return {
    create: (uid: string, locale: string, data: Record<string, unknown>) => admin.request('POST', `${cm(uid)}?locale=${locale}`, data),
    save: (uid: string, documentId: string, locale: string, data: Record<string, unknown>) =>
      admin.request('PUT', `${cm(uid)}/${documentId}?locale=${locale}`, data),
    publish: (uid: string, documentId: string, locale: string) => admin.request('POST', `${cm(uid)}/${documentId}/actions/publish?locale=${locale}`, {}),
    /** "Publish multiple locales" in the edit view: one request for every locale given. */
    publishLocales: (uid: string, documentId: string, locales: readonly string[]) =>
      admin.request('POST', `${cm(uid)}/actions/bulkPublish`, { documentIds: [documentId], locale: locales }),
    unpublish: (uid: string, documentId: string, locale: string) => admin.request('POST', `${cm(uid)}/${documentId}/actions/unpublish?locale=${locale}`, {}),
  };
}
