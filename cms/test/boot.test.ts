import { describe, expect, it } from 'vitest';
import { cms, contentApi } from './support/http.ts';

describe('the booted CMS', () => {
  it('answers on /_health', async () => {
    const res = await fetch(`${cms().url}/_health`);
    expect(res.status).toBe(204);
  });

  it('serves the admin panel', async () => {
    const res = await fetch(`${cms().url}/admin`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<div id="strapi"|<html/i);
  });

  it('lets the demo admin log in with ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const res = await fetch(`${cms().url}/admin/users/me`, { headers: { authorization: `Bearer ${cms().adminJwt}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).data.email).toBe(cms().adminEmail);
  });

  it('refuses anonymous reads of the content API by default', async () => {
    for (const path of ['/news', '/videos', '/reports', '/policies', '/courses', '/themes']) {
      const res = await contentApi(path, null);
      expect([401, 403], `${path} answered ${res.status}`).toContain(res.status);
    }
  });

  it('refuses a made-up API token', async () => {
    const res = await contentApi('/news', 'not-a-real-token');
    expect(res.status).toBe(401);
  });
});
