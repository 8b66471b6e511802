import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, localeCodes, strapiUid } from '@ssc/content-schemas';
import { cmsDir } from './support/paths.ts';
import { adminApi, cms, contentApi, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from './support/fixtures.ts';
import { SyncingPartner, allItems, itemKeyOf, partnerGet, partnerKey } from './support/partner-api.ts';

const typeOf = (name: string) => contentTypes.find((t) => t.name === name)!;
const NEWS = strapiUid(typeOf('news'));
const POLICY = strapiUid(typeOf('policy'));
const TOKENS = '/content-manager/collection-types/api::syndication.partner-token';
const SITE_URL = 'https://knowledge.example.org';

/** The published set according to Strapi's own content API: `type:documentId:locale` → title. */
async function publishedSetFromContentApi(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const type of contentTypes) {
    for (const locale of localeCodes) {
      for (let page = 1; ; page++) {
        const res = await contentApi(`/${type.pluralName}?locale=${locale}&fields[0]=title&populate=&pagination[pageSize]=100&pagination[page]=${page}`);
        expect(res.status).toBe(200);
        for (const e of res.body.data) out.set(`${type.name}:${e.documentId}:${locale}`, e.title);
        if (page >= res.body.meta.pagination.pageCount) break;
      }
    }
  }
  return out;
}

const titles = (items: Map<string, any> | any[]) => new Map([...(items instanceof Map ? items.values() : items)].map((i) => [itemKeyOf(i), i.title]));

function deleteLocale(uid: string, documentId: string, locale: string) {
  return adminApi('DELETE', `/content-manager/collection-types/${uid}/${documentId}?locale=${locale}`);
}

let imageId: number;

beforeAll(async () => {
  imageId = await anyImageId(adminApi);
});

describe('partner API: syncing through /changes', () => {
  it('converges to exactly the published set after publish, update, unpublish, re-publish and delete in several locales', async () => {
    const partner = new SyncingPartner();
    await partner.sync();
    expect(titles(partner.items)).toEqual(await publishedSetFromContentApi());

    const slug = uniqueSlug('sync-story');
    const created = await contentManager.create(NEWS, 'en', newsData(slug, 'en', imageId, { title: 'Sync story v1 (en)' }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const doc = created.body.data.documentId as string;
    for (const locale of ['fr', 'ar']) {
      expect((await contentManager.saveLocale(NEWS, doc, locale, newsData(slug, locale, imageId, { title: `Sync story v1 (${locale})` }))).status).toBe(200);
    }
    const steps: [string, () => Promise<unknown>][] = [
      [
        'publish en, fr, ar',
        async () => {
          for (const l of ['en', 'fr', 'ar']) expect((await contentManager.publish(NEWS, doc, l)).status).toBe(200);
        },
      ],
      [
        'update and re-publish en',
        async () => {
          expect((await contentManager.saveLocale(NEWS, doc, 'en', { title: 'Sync story v2 (en)' })).status).toBe(200);
          expect((await contentManager.publish(NEWS, doc, 'en')).status).toBe(200);
        },
      ],
      ['unpublish fr', async () => expect((await contentManager.unpublish(NEWS, doc, 'fr')).status).toBe(200)],
      [
        'edit and re-publish fr',
        async () => {
          expect((await contentManager.saveLocale(NEWS, doc, 'fr', { title: 'Sync story v2 (fr)' })).status).toBe(200);
          expect((await contentManager.publish(NEWS, doc, 'fr')).status).toBe(200);
        },
      ],
      ['delete the ar translation', async () => expect((await deleteLocale(NEWS, doc, 'ar')).status).toBe(200)],
    ];
    for (const [label, step] of steps) {
      await step();
      await partner.sync();
      expect(titles(partner.items), label).toEqual(await publishedSetFromContentApi());
    }
    expect(partner.items.get(`news:${doc}:en`).title).toBe('Sync story v2 (en)');
    expect(partner.items.get(`news:${doc}:fr`).title).toBe('Sync story v2 (fr)');
    expect(partner.items.has(`news:${doc}:ar`)).toBe(false);

    // A second document, published in two locales, then deleted whole.
    const slug2 = uniqueSlug('sync-deleted');
    const second = await contentManager.create(NEWS, 'es', newsData(slug2, 'es', imageId));
    const doc2 = second.body.data.documentId as string;
    expect((await contentManager.saveLocale(NEWS, doc2, 'zh', newsData(slug2, 'zh', imageId))).status).toBe(200);
    for (const l of ['es', 'zh']) expect((await contentManager.publish(NEWS, doc2, l)).status).toBe(200);
    await partner.sync();
    expect(partner.items.has(`news:${doc2}:zh`)).toBe(true);
    expect((await deleteLocale(NEWS, doc2, '*')).status).toBe(200);
    await partner.sync();
    expect(titles(partner.items)).toEqual(await publishedSetFromContentApi());

    const mine = partner.seen.filter((c) => c.documentId === doc);
    expect(mine.map((c) => `${c.kind} ${c.locale}`)).toEqual([
      'publish en',
      'publish fr',
      'publish ar',
      'update en',
      'unpublish fr',
      'publish fr',
      'delete ar',
    ]);
    expect(
      partner.seen
        .filter((c) => c.documentId === doc2)
        .map((c) => `${c.kind} ${c.locale}`)
        .sort(),
    ).toEqual(['delete es', 'delete zh', 'publish es', 'publish zh']);
    // Tombstones carry identity, time and kind, never content.
    for (const c of partner.seen.filter((x) => x.kind === 'unpublish' || x.kind === 'delete')) {
      expect(Object.keys(c).sort()).toEqual(['at', 'cursor', 'documentId', 'kind', 'locale', 'type']);
    }

    // A new partner replaying from the start gets the same set, and so does /items.
    const fresh = new SyncingPartner();
    await fresh.sync(500);
    const truth = await publishedSetFromContentApi();
    expect(titles(fresh.items)).toEqual(truth);
    expect(titles(await allItems())).toEqual(truth);
  });

  it('converges while many entries are published at the same time and the partner keeps polling', async () => {
    const partner = new SyncingPartner();
    await partner.sync(500);
    let writing = true;
    const polling = (async () => {
      while (writing) await partner.sync(7);
    })();
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const locale = localeCodes[i % localeCodes.length];
        const r = await contentManager.create(NEWS, locale, newsData(uniqueSlug('synd-parallel'), locale, imageId));
        expect((await contentManager.publish(NEWS, r.body.data.documentId, locale)).status).toBe(200);
      }),
    );
    writing = false;
    await polling;
    await partner.sync();
    expect(titles(partner.items)).toEqual(await publishedSetFromContentApi());
    // Cursors only move forward, one entry at a time, each entry once.
    const cursors = partner.seen.map((c) => Number(c.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
  });

  it('answers an empty page with the same cursor when nothing changed', async () => {
    const first = await partnerGet('/changes?since=0&limit=1');
    expect(first.status).toBe(200);
    const all = new SyncingPartner();
    await all.sync(500);
    const tail = await partnerGet(`/changes?since=${all.cursor}`);
    expect(tail.body).toEqual({ data: [], meta: { since: all.cursor, nextCursor: all.cursor, hasMore: false } });
  });
});

describe('partner API: drafts never leak', () => {
  const SECRET = 'SECRET SYNDICATION DRAFT';
  let neverPublished: string;
  let pendingEdit: string;
  let unpublished: string;

  beforeAll(async () => {
    const a = await contentManager.create(
      NEWS,
      'en',
      newsData(uniqueSlug('synd-never-published'), 'en', imageId, { title: `${SECRET} never published`, body: SECRET }),
    );
    neverPublished = a.body.data.documentId;
    const b = await contentManager.create(NEWS, 'en', newsData(uniqueSlug('synd-pending-edit'), 'en', imageId, { title: 'Published syndication title' }));
    pendingEdit = b.body.data.documentId;
    expect((await contentManager.publish(NEWS, pendingEdit, 'en')).status).toBe(200);
    expect((await contentManager.saveLocale(NEWS, pendingEdit, 'en', { title: `${SECRET} pending edit` })).status).toBe(200);
    const c = await contentManager.create(NEWS, 'fr', newsData(uniqueSlug('synd-unpublished'), 'fr', imageId, { title: 'Briefly published' }));
    unpublished = c.body.data.documentId;
    expect((await contentManager.publish(NEWS, unpublished, 'fr')).status).toBe(200);
    expect((await contentManager.unpublish(NEWS, unpublished, 'fr')).status).toBe(200);
    expect((await contentManager.saveLocale(NEWS, unpublished, 'fr', { title: `${SECRET} after unpublish` })).status).toBe(200);
  });

  const TRICKS = [
    'status=draft',
    'status=DRAFT',
    'status[]=draft',
    'status=draft&status=published',
    'publicationState=preview',
    'filters[publishedAt][$null]=true',
    'populate=*',
    'locale=all&status=draft',
  ];

  it('lists only published items, whatever the query', async () => {
    for (const trick of ['', ...TRICKS]) {
      for (const sort of ['date:desc', 'updatedAt:asc']) {
        const res = await partnerGet(`/items?pageSize=100&type=news&sort=${sort}&${trick}`);
        expect(res.status, trick).toBe(200);
        const text = JSON.stringify(res.body);
        expect(text, trick).not.toContain(SECRET);
        expect(text).not.toContain(neverPublished);
        expect(text).not.toContain(unpublished);
      }
    }
    const all = await allItems('&type=news&status=draft');
    expect(all.find((i) => i.documentId === pendingEdit && i.locale === 'en').title).toBe('Published syndication title');
    expect(JSON.stringify(all)).not.toContain(SECRET);
  });

  it('answers 404 for an item that is not published in that locale, whatever the query', async () => {
    for (const trick of ['', ...TRICKS.filter((t) => !t.startsWith('locale='))]) {
      expect((await partnerGet(`/items/${neverPublished}?locale=en&${trick}`)).status, trick).toBe(404);
      expect((await partnerGet(`/items/${unpublished}?locale=fr&${trick}`)).status, trick).toBe(404);
      const edited = await partnerGet(`/items/${pendingEdit}?locale=en&${trick}`);
      expect(edited.status).toBe(200);
      expect(edited.body.data.title).toBe('Published syndication title');
    }
    // One item is read in one locale.
    expect((await partnerGet(`/items/${neverPublished}?locale=en&locale=all`)).status).toBe(400);
  });

  it('keeps drafts and unpublished content out of the change feed', async () => {
    const partner = new SyncingPartner();
    await partner.sync(500);
    expect(JSON.stringify(partner.seen)).not.toContain(SECRET);
    expect(partner.seen.some((c) => c.documentId === neverPublished)).toBe(false);
    const trail = partner.seen.filter((c) => c.documentId === unpublished);
    expect(trail.map((c) => c.kind)).toEqual(['publish', 'unpublish']);
    // The publish entry is superseded by the unpublish: it no longer carries the item.
    expect(trail[0]).toMatchObject({ superseded: true, item: null });
    for (const trick of TRICKS) {
      const res = await partnerGet(`/changes?since=0&limit=500&${trick}`);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
  });
});

describe('partner API: tokens', () => {
  it('answers 401 without a token, with a made-up one, and with a Strapi API token', async () => {
    for (const p of ['/items', '/items/anything?locale=en', '/changes?since=0']) {
      expect((await partnerGet(p, null)).status, p).toBe(401);
      expect((await partnerGet(p, 'sscp_made-up-key')).status, p).toBe(401);
      // Strapi's own read-only API token opens every content route, but not this API.
      expect((await partnerGet(p, cms().apiToken)).status, p).toBe(401);
    }
    const res = await partnerGet('/items', null);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it("does not open Strapi's own content routes", async () => {
    expect((await contentApi('/news?locale=en', partnerKey())).status).toBe(401);
  });

  it('answers 401 once the chief editor revokes the token in the admin panel', async () => {
    const key = partnerKey('test partner to revoke');
    expect((await partnerGet('/items?pageSize=1', key)).status).toBe(200);
    const byName = `${TOKENS}?filters[name][$eq]=${encodeURIComponent('test partner to revoke')}`;
    // Language editors do not see partner tokens; the chief editor does, without their hash.
    expect((await adminApi('GET', byName, undefined, await createEditor('French editor'))).status).toBe(403);
    const chief = await createEditor('Chief editor');
    const list = await adminApi('GET', byName, undefined, chief);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const token = list.body.results[0];
    expect(token.keyPrefix).toBe(key.slice(0, token.keyPrefix.length));
    expect(token.tokenHash).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(key);
    const revoked = await adminApi('PUT', `${TOKENS}/${token.documentId}`, { revoked: true }, chief);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect((await partnerGet('/items?pageSize=1', key)).status).toBe(401);
    expect((await partnerGet('/changes', key)).status).toBe(401);
  });

  it('refuses to create a token in the admin panel, where its key could not be shown', async () => {
    const res = await adminApi('POST', TOKENS, { name: 'made in the admin', revoked: false });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/npm run partner:token/);
  });

  it("answers 429 with Retry-After past the token's rate limit", async () => {
    const key = partnerKey('test partner with a low limit');
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof partnerGet>> | undefined;
    for (let i = 0; i < 7; i++) {
      last = await partnerGet('/items?pageSize=1', key);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last!.headers.get('ratelimit-limit')).toBe('5');
    // Other partners are not affected.
    expect((await partnerGet('/items?pageSize=1')).status).toBe(200);
  });
});

describe('partner API: HTTP caching and CORS', () => {
  it('sends ETag and Cache-Control, answers 304 to a matching If-None-Match, and a new ETag after a publish', async () => {
    for (const p of ['/items?locale=en&type=news', '/changes?since=0&limit=5']) {
      const first = await partnerGet(p);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(first.headers.get('cache-control')).toMatch(/private/);
      const again = await partnerGet(p, partnerKey(), { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body).toBeNull();
      expect((await partnerGet(p, partnerKey(), { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);
      expect((await partnerGet(p, partnerKey(), { 'if-none-match': '"other"' })).status).toBe(200);
    }
    const before = await partnerGet('/items?locale=en&type=news&sort=updatedAt:desc');
    const created = await contentManager.create(NEWS, 'en', newsData(uniqueSlug('synd-etag'), 'en', imageId));
    expect((await contentManager.publish(NEWS, created.body.data.documentId, 'en')).status).toBe(200);
    const after = await partnerGet('/items?locale=en&type=news&sort=updatedAt:desc', partnerKey(), { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    expect(after.body.data[0].documentId).toBe(created.body.data.documentId);
  });

  it('sends gzip to clients that accept it and plain JSON to the others, with a tag per representation', async () => {
    const p = '/items?locale=all&pageSize=50';
    const gzip = await partnerGet(p, partnerKey(), { 'accept-encoding': 'gzip' });
    const plain = await partnerGet(p, partnerKey(), { 'accept-encoding': 'identity' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(gzip.body).toEqual(plain.body);
    expect(gzip.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    expect(gzip.headers.get('vary')).toMatch(/Accept-Encoding/);
    // Either tag shows the client holds the current content.
    expect((await partnerGet(p, partnerKey(), { 'accept-encoding': 'identity', 'if-none-match': gzip.headers.get('etag')! })).status).toBe(304);
  });

  it('allows read-only cross-origin requests on the partner API only', async () => {
    const origin = 'https://partner.example';
    const preflight = await fetch(`${cms().url}/api/syndication/items`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).not.toMatch(/POST|PUT|DELETE/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const get = await partnerGet('/items?pageSize=1', partnerKey(), { origin });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-allow-credentials')).toBeNull();
    expect(get.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    // Other routes do not answer other origins (stock Strapi reflects any origin, with credentials).
    for (const [p, method] of [
      ['/api/news', 'POST'],
      ['/admin/login', 'POST'],
      ['/api/news', 'GET'],
    ]) {
      const res = await fetch(`${cms().url}${p}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': method } });
      expect(res.headers.get('access-control-allow-origin'), p).toBeNull();
    }
  });
});

describe('partner API: filters and pagination', () => {
  let since: string;
  let themes: string[];
  let countries: string[];
  const made: { doc: string; type: string; locales: string[]; themes: string[]; countries: string[] }[] = [];

  beforeAll(async () => {
    const slugsOf = async (plural: string) =>
      (await contentApi(`/${plural}?locale=en&fields[0]=slug&populate=&sort=slug`)).body.data.map((e: { slug: string }) => e.slug);
    themes = await slugsOf('themes');
    countries = await slugsOf('countries');
    since = new Date().toISOString();
    const rel = (slug: string, plural: string) =>
      contentApi(`/${plural}?locale=en&filters[slug][$eq]=${slug}&fields[0]=slug&populate=`).then((r) => r.body.data[0].documentId);
    const news = async (t: string, c: string, locales: string[]) => {
      const slug = uniqueSlug('synd-filter-news');
      const extra = {
        themes: { connect: [{ documentId: await rel(t, 'themes'), locale: locales[0] }] },
        countries: { connect: [{ documentId: await rel(c, 'countries'), locale: locales[0] }] },
      };
      const created = await contentManager.create(NEWS, locales[0], newsData(slug, locales[0], imageId, extra));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const doc = created.body.data.documentId;
      for (const l of locales.slice(1)) {
        const connect = {
          themes: { connect: [{ documentId: await rel(t, 'themes'), locale: l }] },
          countries: { connect: [{ documentId: await rel(c, 'countries'), locale: l }] },
        };
        expect((await contentManager.saveLocale(NEWS, doc, l, newsData(slug, l, imageId, connect))).status).toBe(200);
      }
      for (const l of locales) expect((await contentManager.publish(NEWS, doc, l)).status).toBe(200);
      made.push({ doc, type: 'news', locales, themes: [t], countries: [c] });
    };
    const policy = async (t: string, c: string, locale: string) => {
      const created = await contentManager.create(POLICY, locale, {
        slug: uniqueSlug('synd-filter-policy'),
        title: 'Filter test policy',
        summary: 'A policy for filter tests',
        license: 'CC-BY-4.0',
        attribution: 'Test',
        issuingBody: 'Test ministry',
        dateIssued: '2022-02-02',
        documentType: 'strategy',
        themes: { connect: [{ documentId: await rel(t, 'themes'), locale }] },
        country: { connect: [{ documentId: await rel(c, 'countries'), locale }] },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await contentManager.publish(POLICY, created.body.data.documentId, locale)).status).toBe(200);
      made.push({ doc: created.body.data.documentId, type: 'policy', locales: [locale], themes: [t], countries: [c] });
    };
    await news(themes[0], countries[0], ['en', 'fr']);
    await news(themes[1], countries[0], ['en', 'zh']);
    await news(themes[0], countries[1], ['fr']);
    await policy(themes[0], countries[0], 'en');
  });

  function expected(filter: { type?: string[]; locale?: string[]; theme?: string[]; country?: string[] }): string[] {
    return made
      .flatMap((m) => m.locales.map((locale) => ({ ...m, locale })))
      .filter((m) => !filter.type || filter.type.includes(m.type))
      .filter((m) => !filter.locale || filter.locale.includes(m.locale))
      .filter((m) => !filter.theme || m.themes.some((t) => filter.theme!.includes(t)))
      .filter((m) => !filter.country || m.countries.some((c) => filter.country!.includes(c)))
      .map((m) => `${m.type}:${m.doc}:${m.locale}`)
      .sort();
  }

  it('combines locale, type, theme, country and updatedSince filters', async () => {
    const cases: { type?: string[]; locale?: string[]; theme?: string[]; country?: string[] }[] = [
      {},
      { locale: ['en'] },
      { locale: ['en', 'fr'] },
      { type: ['news'] },
      { type: ['policy'], locale: ['en'] },
      { theme: [themes[0]] },
      { theme: [themes[0]], country: [countries[0]] },
      { theme: [themes[0], themes[1]], country: [countries[0]], locale: ['en'] },
      { type: ['news'], theme: [themes[0]], locale: ['fr'] },
      { country: [countries[1]], locale: ['en'] },
    ];
    for (const c of cases) {
      const q = Object.entries(c)
        .map(([k, v]) => `&${k}=${v.join(',')}`)
        .join('');
      const got = (await allItems(`&updatedSince=${encodeURIComponent(since)}${q}`)).map(itemKeyOf).sort();
      expect(got, q || '(no filter)').toEqual(expected(c));
    }
    // Repeated parameters mean the same as comma-separated ones.
    const repeated = (await allItems(`&updatedSince=${encodeURIComponent(since)}&locale=en&locale=fr`)).map(itemKeyOf).sort();
    expect(repeated).toEqual(expected({ locale: ['en', 'fr'] }));
    // Without updatedSince, the filters still hold on every item.
    for (const item of await allItems(`&type=news&locale=fr&theme=${themes[0]}`)) {
      expect(item).toMatchObject({ type: 'news', locale: 'fr' });
      expect(item.themes).toContain(themes[0]);
    }
  });

  it('returns items in the documented shape, with the canonical site URL, licence and attribution', async () => {
    const [first] = made;
    const res = await partnerGet(`/items/${first.doc}?locale=fr`);
    expect(res.status).toBe(200);
    const item = res.body.data;
    const openapi = JSON.parse(fs.readFileSync(path.join(cmsDir, 'src', 'generated', 'partner-api.openapi.json'), 'utf8'));
    expect(Object.keys(item).sort()).toEqual([...openapi.components.schemas.Item.required].sort());
    expect(item.url).toBe(`${SITE_URL}/fr/news/${item.slug}/`);
    expect(item).toMatchObject({
      type: 'news',
      locale: 'fr',
      license: 'CC-BY-4.0',
      licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
      attribution: 'Test attribution',
      themes: first.themes,
      countries: first.countries,
    });
    // Media URLs are absolute on the CMS's public URL (server.absoluteUrl: PUBLIC_URL, else HOST and PORT).
    expect(item.image.url).toMatch(/^https?:\/\/[^/]+\/uploads\//);
    const image = await fetch(`${cms().url}${new URL(item.image.url).pathname}`);
    expect(image.status).toBe(200);
    const policy = made.find((m) => m.type === 'policy')!;
    const p = (await partnerGet(`/items/${policy.doc}?locale=en`)).body.data;
    expect(p).toMatchObject({ type: 'policy', date: '2022-02-02', url: `${SITE_URL}/en/policies/${p.slug}/`, image: null, countries: policy.countries });
  });

  it('rejects unknown values and oversized pages with 400', async () => {
    for (const q of [
      'locale=de',
      'type=article',
      'theme=Not%20A%20Slug',
      'pageSize=101',
      'pageSize=0',
      'sort=title',
      'cursor=nonsense',
      'updatedSince=yesterday',
      'page=2&cursor=abc',
    ]) {
      expect((await partnerGet(`/items?${q}`)).status, q).toBe(400);
    }
    expect((await partnerGet('/changes?since=-1')).status).toBe(400);
    expect((await partnerGet('/changes?limit=100000')).status).toBe(400);
  });

  it('offers offset pages with totals', async () => {
    const q = `updatedSince=${encodeURIComponent(since)}&pageSize=2&sort=date:asc`;
    const one = await partnerGet(`/items?${q}&page=1`);
    const two = await partnerGet(`/items?${q}&page=2`);
    const total = expected({}).length;
    expect(one.body.meta).toMatchObject({ page: 1, pageSize: 2, total, pageCount: Math.ceil(total / 2), nextCursor: null });
    expect([...one.body.data, ...two.body.data].map(itemKeyOf).length).toBe(Math.min(4, total));
  });

  for (const sort of ['date:desc', 'date:asc', 'updatedAt:asc', 'updatedAt:desc']) {
    it(`pages with cursors (${sort}) without skipping or repeating an item while entries are being published`, async () => {
      const before = new Set((await allItems(`&sort=${sort}`)).map(itemKeyOf));
      const publishing: Promise<unknown>[] = [];
      const published: string[] = [];
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: any = await partnerGet(`/items?pageSize=9&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.data.map(itemKeyOf));
        cursor = res.body.meta.nextCursor;
        // Publish a new entry, in a random locale and with a random date, while paging.
        if (pages++ % 2 === 0 && publishing.length < 8) {
          const locale = localeCodes[publishing.length % localeCodes.length];
          const date = `20${10 + Math.floor(Math.random() * 15)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
          publishing.push(
            contentManager.create(NEWS, locale, newsData(uniqueSlug('synd-concurrent'), locale, imageId, { date })).then(async (r) => {
              expect((await contentManager.publish(NEWS, r.body.data.documentId, locale)).status).toBe(200);
              published.push(`news:${r.body.data.documentId}:${locale}`);
            }),
          );
        }
      } while (cursor);
      await Promise.all(publishing);
      expect(published.length).toBeGreaterThan(0);
      expect(seen.length).toBe(new Set(seen).size);
      const missed = [...before].filter((k) => !seen.includes(k));
      expect(missed).toEqual([]);
      // Nothing appears that was never published.
      const now = new Set([...before, ...published]);
      expect(seen.filter((k) => !now.has(k))).toEqual([]);
    });
  }
});

describe('partner API: OpenAPI document', () => {
  it('serves the OpenAPI 3.1 document kept in the repository, without a token', async () => {
    const res = await partnerGet('/openapi.json', null);
    expect(res.status).toBe(200);
    const committed = JSON.parse(fs.readFileSync(path.join(cmsDir, 'src', 'generated', 'partner-api.openapi.json'), 'utf8'));
    expect(res.body).toEqual(committed);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(['/changes', '/items', '/items/{documentId}', '/openapi.json']);
  });
});
