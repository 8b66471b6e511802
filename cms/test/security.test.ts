/**
 * The security review's findings, each tried against the real CMS: accounts and
 * media closed to content-API tokens, uploads allowed by content, media headers,
 * who may replace or delete media, and partner tokens that cannot be forged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, getLocale, strapiUid } from '@ssc/content-schemas';
import { adminApi, cms, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { newsData, uniqueSlug } from './support/fixtures.ts';
import { SyncingPartner, partnerGet } from './support/partner-api.ts';
import { pdfBytes, pngBytes, replaceFile, uploadFiles } from './support/uploads.ts';
import { recordRebuildRequests, type RebuildRecorder } from './support/rebuild-recorder.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const TOKENS = '/content-manager/collection-types/api::syndication.partner-token';

/** Every way of sending a request to the CMS's HTTP API with a given token. */
async function get(path: string, token: string | null): Promise<{ status: number; text: string }> {
  const res = await fetch(`${cms().url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, text: await res.text() };
}

let fullAccessToken: string;

beforeAll(async () => {
  const res = await adminApi('POST', '/admin/api-tokens', { name: `security-full-${Date.now()}`, type: 'full-access', lifespan: null });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  fullAccessToken = res.body.data.accessKey;
});

describe('Users & Permissions is closed', () => {
  it("refuses public sign-up, whatever the path's case", async () => {
    for (const path of ['/api/auth/local/register', '/API/auth/local/register', '/Api/Auth/Local/Register']) {
      const res = await fetch(`${cms().url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'mallory', email: 'mallory@evil.example', password: 'Mallory-123456' }),
      });
      expect(res.status, path).not.toBe(200);
      expect(await res.text(), path).not.toContain('jwt');
    }
    const users = await adminApi('GET', '/content-manager/collection-types/plugin::users-permissions.user?filters[email][$eq]=mallory@evil.example');
    expect(users.body.results ?? []).toEqual([]);
  });

  it("keeps sign-up switched off in the plugin's own settings", async () => {
    const res = await adminApi('GET', '/users-permissions/advanced');
    expect(res.status).toBe(200);
    expect(res.body.settings.allow_register).toBe(false);
  });

  it('lists no account, role or permission to any token', async () => {
    const paths = [
      '/api/users',
      '/api/users/count',
      '/api/users/me',
      '/api/users/1',
      '/API/users',
      '/api/users-permissions/roles',
      '/api/users-permissions/permissions',
    ];
    for (const [name, token] of [
      ['read-only', cms().apiToken],
      ['full-access', fullAccessToken],
      ['none', null],
    ] as const) {
      for (const path of paths) {
        const res = await get(path, token);
        expect(res.status, `${name} ${path}`).toBe(404);
        expect(res.text, `${name} ${path}`).not.toMatch(/@|"email"/);
      }
    }
  });
});

describe('the media library is not listed through the content API', () => {
  it("answers 404 to every token on the upload plugin's routes, in any case", async () => {
    const files = await adminApi('GET', '/upload/files?pagination[pageSize]=1');
    const someId = files.body.results[0].id;
    for (const token of [cms().apiToken, fullAccessToken, null]) {
      for (const path of ['/api/upload/files', '/API/upload/files', '/api/Upload/Files', `/api/upload/files/${someId}`, '/api/upload/files/page']) {
        const res = await get(path, token);
        expect(res.status, path).toBe(404);
        expect(res.text, path).not.toContain('/uploads/');
      }
    }
  });
});

describe('uploads are allowed by type and checked by content', () => {
  const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  const refused: [string, () => Promise<{ name: string; bytes: Buffer; type: string }>, RegExp][] = [
    ['an HTML page named .png', async () => ({ name: 'innocent.png', bytes: html, type: 'image/png' }), /innocent\.png.*\.png/],
    ['an SVG with a script', async () => ({ name: 'logo.svg', bytes: svg, type: 'image/svg+xml' }), /logo\.svg.*\.svg.*not accepted/],
    ['an HTML page', async () => ({ name: 'page.html', bytes: html, type: 'text/html' }), /page\.html.*not accepted/],
    ['an HTML page named .txt', async () => ({ name: 'captions.txt', bytes: html, type: 'text/plain' }), /captions\.txt.*markup/],
    ['an HTML page named .vtt', async () => ({ name: 'captions.vtt', bytes: html, type: 'text/vtt' }), /captions\.vtt/],
    ['a PNG named .pdf', async () => ({ name: 'report.pdf', bytes: await pngBytes(), type: 'application/pdf' }), /report\.pdf.*image\/png/],
    ['an executable', async () => ({ name: 'tool.exe', bytes: Buffer.from('MZ\x90\x00'), type: 'application/octet-stream' }), /tool\.exe/],
    ['a file with no extension', async () => ({ name: 'README', bytes: Buffer.from('hello'), type: 'text/plain' }), /README.*no extension/],
  ];

  for (const [what, make, message] of refused) {
    it(`refuses ${what}, naming the file and the reason`, async () => {
      const file = await make();
      const before = await adminApi('GET', `/upload/files?filters[name][$eq]=${encodeURIComponent(file.name)}`);
      const res = await uploadFiles([file]);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
      const after = await adminApi('GET', `/upload/files?filters[name][$eq]=${encodeURIComponent(file.name)}`);
      expect(after.body.pagination.total).toBe(before.body.pagination.total);
    });
  }

  it('accepts images, PDFs and captions, and serves them with nosniff and a sandboxing CSP', async () => {
    const res = await uploadFiles([
      { name: 'field-visit.png', bytes: await pngBytes(), type: 'image/png' },
      { name: 'annual-report.pdf', bytes: pdfBytes(), type: 'application/pdf' },
      { name: 'captions.vtt', bytes: Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\n<i>Hello</i>\n'), type: 'text/vtt' },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const byName = new Map<string, any>(res.body.map((f: any) => [f.name, f]));
    for (const [name, inline] of [
      ['field-visit.png', true],
      ['annual-report.pdf', false],
      ['captions.vtt', true],
    ] as const) {
      const served = await fetch(`${cms().url}${byName.get(name).url}`);
      expect(served.status, name).toBe(200);
      expect(served.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(served.headers.get('content-security-policy'), name).toMatch(/sandbox/);
      expect(served.headers.get('content-security-policy'), name).toMatch(/default-src 'none'/);
      expect(served.headers.get('content-disposition') ?? 'inline', name).toBe(inline ? 'inline' : 'attachment');
    }
  });

  it('keeps a file name as text: a path in it never reaches the disk', async () => {
    const res = await uploadFiles([{ name: '../../../public/evil.png', bytes: await pngBytes([200, 0, 0]), type: 'image/png' }]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [file] = res.body;
    expect(file.name).toBe('evil.png');
    expect(file.url).toMatch(/^\/uploads\/[A-Za-z0-9_]+\.png$/);
  });
});

describe('who may replace or delete media', () => {
  let arabicEditor: string;
  let chiefEditor: string;
  let webhookCalls: { event: string }[];
  let rebuildRecorder: RebuildRecorder;

  beforeAll(async () => {
    arabicEditor = await createEditor(`${getLocale('ar').englishName} editor`);
    chiefEditor = await createEditor('Chief editor');
    rebuildRecorder = await recordRebuildRequests();
    webhookCalls = rebuildRecorder.calls;
  });

  afterAll(() => rebuildRecorder.close());

  it('lets a language editor replace and delete a file they uploaded that no other language uses', async () => {
    const up = await uploadFiles([{ name: 'ar-own.png', bytes: await pngBytes([1, 2, 3]), type: 'image/png' }], arabicEditor);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const id = up.body[0].id;
    const replaced = await replaceFile(id, { name: 'ar-own-2.png', bytes: await pngBytes([4, 5, 6]), type: 'image/png' }, arabicEditor);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const deleted = await adminApi('DELETE', `/upload/files/${id}`, undefined, arabicEditor);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
  });

  it('refuses a language editor the replacement or deletion of a file someone else uploaded', async () => {
    const up = await uploadFiles([{ name: 'chief-own.png', bytes: await pngBytes([7, 8, 9]), type: 'image/png' }], chiefEditor);
    const id = up.body[0].id;
    const replaced = await replaceFile(id, { name: 'taken-over.png', bytes: await pngBytes([9, 9, 9]), type: 'image/png' }, arabicEditor);
    expect(replaced.status).toBe(403);
    expect((await adminApi('DELETE', `/upload/files/${id}`, undefined, arabicEditor)).status).toBe(403);
    expect((await adminApi('GET', `/upload/files/${id}`)).body.name).toBe('chief-own.png');
  });

  it("refuses a language editor a file that another language's published entry uses; the chief editor's replacement reaches partners and the site", async () => {
    const up = await uploadFiles([{ name: 'shared-photo.png', bytes: await pngBytes([10, 20, 30]), type: 'image/png' }], arabicEditor);
    const id = up.body[0].id;
    const slug = uniqueSlug('uses-arabic-upload');
    const fr = await contentManager.create(NEWS, 'fr', newsData(slug, 'fr', id));
    expect(fr.status, JSON.stringify(fr.body)).toBe(201);
    const documentId = fr.body.data.documentId;
    expect((await contentManager.publish(NEWS, documentId, 'fr')).status).toBe(200);

    const refused = await replaceFile(id, { name: 'shared-photo.png', bytes: await pngBytes([0, 0, 0]), type: 'image/png' }, arabicEditor);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toMatch(/chief editor/);
    expect((await adminApi('DELETE', `/upload/files/${id}`, undefined, arabicEditor)).status).toBe(403);

    const partner = new SyncingPartner();
    await partner.sync(500);
    const before = partner.items.get(`news:${documentId}:fr`).updatedAt;
    webhookCalls.length = 0;
    const replaced = await replaceFile(id, { name: 'shared-photo-v2.png', bytes: await pngBytes([50, 60, 70]), type: 'image/png' }, chiefEditor);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const seenBefore = partner.seen.length;
    await partner.sync(500);
    const updates = partner.seen.slice(seenBefore).filter((c) => c.kind === 'update' && c.documentId === documentId && c.locale === 'fr');
    expect(updates).toHaveLength(1);
    expect(partner.items.get(`news:${documentId}:fr`).updatedAt).not.toBe(before);
    const deadline = Date.now() + 10_000;
    while (!webhookCalls.some((c) => c.event === 'media.update') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(webhookCalls.map((c) => c.event)).toContain('media.update');
  });
});

describe('partner tokens are made only on the command line', () => {
  it('refuses to create a token in the admin, even one that carries a hash', async () => {
    const chief = await createEditor('Chief editor');
    const forged = { name: `forged-${Date.now()}`, keyPrefix: 'sscp_forged', tokenHash: 'a'.repeat(64), revoked: false };
    for (const jwt of [cms().adminJwt, chief]) {
      const res = await adminApi('POST', TOKENS, forged, jwt);
      expect(res.status, JSON.stringify(res.body)).toBe(403);
    }
    const list = await adminApi('GET', `${TOKENS}?pageSize=100`);
    expect(list.body.results.map((t: { name: string }) => t.name)).not.toContain(forged.name);
  });

  it("never shows a token's hash, not even to a super admin", async () => {
    const list = await adminApi('GET', `${TOKENS}?pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.results.length).toBeGreaterThan(0);
    expect(JSON.stringify(list.body)).not.toContain('tokenHash');
    const one = await adminApi('GET', `${TOKENS}/${list.body.results[0].documentId}`);
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).not.toContain('tokenHash');
    expect(JSON.stringify(one.body)).not.toMatch(/[0-9a-f]{64}/);
  });
});

describe('the partner API bounds what one request can ask for', () => {
  it('answers 400 with a clear message to overlong filter lists and cursors', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `theme-${i}`).join(',');
    const list = await partnerGet(`/items?theme=${many}`);
    expect(list.status).toBe(400);
    expect(JSON.stringify(list.body)).toMatch(/theme: at most 50 values/);
    const long = await partnerGet(`/items?country=${'x'.repeat(200)}`);
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toMatch(/country: a value is longer than 100/);
    const cursor = await partnerGet(`/items?cursor=${'A'.repeat(2000)}`);
    expect(cursor.status).toBe(400);
    expect(JSON.stringify(cursor.body)).toMatch(/cursor: longer than 512/);
  });
});
