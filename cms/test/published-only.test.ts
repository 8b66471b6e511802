import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, localeCodes, strapiUid } from '@ssc/content-schemas';
import { adminApi, cms, contentApi, contentManager } from './support/http.ts';
import { anyImageId, newsData, uniqueSlug } from './support/fixtures.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);

/** Paths of every object in a response that is a draft (`publishedAt: null`). */
function draftPaths(node: unknown, at = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => draftPaths(n, `${at}[${i}]`));
  if (node && typeof node === 'object') {
    const own = 'publishedAt' in node && (node as { publishedAt: unknown }).publishedAt === null ? [at] : [];
    return [...own, ...Object.entries(node).flatMap(([k, v]) => draftPaths(v, `${at}.${k}`))];
  }
  return [];
}

/** Query-string tricks that make stock Strapi 5 return drafts. */
const STATUS_TRICKS = [
  'status=draft',
  'status=DRAFT',
  'status=anything',
  'status[]=draft',
  'status=draft&status=published',
  'status=',
  'status[$ne]=published',
];

/** Query tricks for the matrix: status values, old v4 parameters, publication filters, every locale, deep populate. */
const MATRIX_QUERIES = [
  'locale=en',
  'locale=en&status=draft',
  'locale=fr&status=DRAFT',
  'locale=*&status=draft',
  'locale=all&status=draft',
  'locale[0]=en&locale[1]=fr&status=draft',
  'publicationState=preview&locale=en',
  'locale=en&filters[publishedAt][$null]=true&status=draft',
  'locale=en&hasPublishedVersion=false&status=draft',
  'locale=en&publicationFilter=never-published',
  'locale=en&publicationFilter=modified&status=draft',
  'locale=en&populate=*&status=draft',
  'locale=en&populate[localizations][populate]=*&status=draft',
  'locale=en&populate[relatedNews][populate]=*&populate[relatedNews][filters][publishedAt][$null]=true',
  'locale=en&status[$ne]=published',
];

/** A new API token of the given type; `custom` gets the listed content-API actions. */
async function apiToken(type: 'full-access' | 'custom', permissions: string[] = []): Promise<string> {
  const res = await adminApi('POST', '/admin/api-tokens', {
    name: `matrix-${type}-${Date.now()}`,
    type,
    lifespan: null,
    permissions: type === 'custom' ? permissions : undefined,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.accessKey;
}

describe('the content API never returns a draft', () => {
  let neverPublished: string;
  let published: string;
  let pendingEdit: string;

  beforeAll(async () => {
    const imageId = await anyImageId(adminApi);
    // A document that exists in every locale and was never published.
    const draftSlug = uniqueSlug('never-published');
    const d = await contentManager.create(NEWS, 'en', newsData(draftSlug, 'en', imageId, { title: 'SECRET DRAFT en' }));
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    neverPublished = d.body.data.documentId;
    for (const locale of localeCodes.filter((l) => l !== 'en')) {
      const r = await contentManager.saveLocale(NEWS, neverPublished, locale, newsData(draftSlug, locale, imageId, { title: `SECRET DRAFT ${locale}` }));
      expect(r.status).toBe(200);
    }
    // A published English document whose French translation is only a draft, and
    // which links to the never-published document.
    const pubSlug = uniqueSlug('published-links-draft');
    const p = await contentManager.create(
      NEWS,
      'en',
      newsData(pubSlug, 'en', imageId, { relatedNews: { connect: [{ documentId: neverPublished, locale: 'en' }] } }),
    );
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    published = p.body.data.documentId;
    expect((await contentManager.publish(NEWS, published, 'en')).status).toBe(200);
    const fr = await contentManager.saveLocale(NEWS, published, 'fr', newsData(pubSlug, 'fr', imageId, { title: 'SECRET DRAFT fr translation' }));
    expect(fr.status).toBe(200);
    // A published document with a later, unpublished edit.
    const editSlug = uniqueSlug('pending-edit');
    const e = await contentManager.create(NEWS, 'en', newsData(editSlug, 'en', imageId, { title: 'Published title' }));
    pendingEdit = e.body.data.documentId;
    expect((await contentManager.publish(NEWS, pendingEdit, 'en')).status).toBe(200);
    expect((await contentManager.saveLocale(NEWS, pendingEdit, 'en', { title: 'SECRET DRAFT edit' })).status).toBe(200);
  });

  for (const type of contentTypes) {
    it(`${type.name}: lists hold only published entries in every locale, whatever the status parameter`, async () => {
      for (const locale of localeCodes) {
        const baseline = await contentApi(`/${type.pluralName}?locale=${locale}&pagination[pageSize]=100`);
        expect(baseline.status).toBe(200);
        expect(draftPaths(baseline.body), `${type.name} [${locale}]`).toEqual([]);
        const ids = baseline.body.data.map((e: { documentId: string }) => e.documentId).sort();
        for (const trick of STATUS_TRICKS) {
          const res = await contentApi(`/${type.pluralName}?locale=${locale}&pagination[pageSize]=100&${trick}`);
          expect(res.status, `${trick}`).toBe(200);
          expect(draftPaths(res.body), `${type.name} [${locale}] ${trick}`).toEqual([]);
          expect(res.body.data.map((e: { documentId: string }) => e.documentId).sort(), `${type.name} [${locale}] ${trick}`).toEqual(ids);
          expect(JSON.stringify(res.body)).not.toContain('SECRET DRAFT');
        }
      }
    });
  }

  it('answers 404 for a never-published document in every locale, whatever the status parameter', async () => {
    for (const locale of localeCodes) {
      for (const trick of ['', ...STATUS_TRICKS]) {
        const res = await contentApi(`/news/${neverPublished}?locale=${locale}&${trick}`);
        expect(res.status, `[${locale}] ${trick}`).toBe(404);
      }
    }
  });

  it('does not find drafts through filters on publishedAt', async () => {
    for (const locale of localeCodes) {
      const res = await contentApi(`/news?locale=${locale}&filters[publishedAt][$null]=true&status=draft`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
  });

  it('serves the published version of a document that has an unpublished edit', async () => {
    for (const trick of ['', ...STATUS_TRICKS]) {
      const res = await contentApi(`/news/${pendingEdit}?locale=en&${trick}`);
      expect(res.status).toBe(200);
      expect(res.body.data.title, trick).toBe('Published title');
    }
  });

  it('does not reach a draft through a populated relation', async () => {
    for (const query of ['populate[relatedNews]=true', 'populate=*', 'populate[relatedNews][populate]=*', '']) {
      for (const trick of ['', 'status=draft']) {
        const res = await contentApi(`/news/${published}?locale=en&${query}&${trick}`);
        expect(res.status).toBe(200);
        expect(draftPaths(res.body), `${query} ${trick}`).toEqual([]);
        expect(JSON.stringify(res.body), `${query} ${trick}`).not.toContain('SECRET DRAFT');
        expect(JSON.stringify(res.body)).not.toContain(neverPublished);
      }
    }
  });

  it('does not reach a draft translation through localizations', async () => {
    for (const query of ['populate[localizations]=true', 'populate=*', 'populate[localizations][populate]=*', '']) {
      for (const trick of ['', 'status=draft']) {
        const res = await contentApi(`/news/${published}?locale=en&${query}&${trick}`);
        expect(res.status).toBe(200);
        expect(draftPaths(res.body), `${query} ${trick}`).toEqual([]);
        const locales = (res.body.data.localizations ?? []).map((l: { locale: string }) => l.locale);
        expect(locales, `${query} ${trick}`).not.toContain('fr');
        expect(JSON.stringify(res.body)).not.toContain('SECRET DRAFT');
      }
    }
  });

  it("never returns a draft whatever the path's case or encoding, the query or the token type", async () => {
    const tokens: Record<string, string | null> = {
      'read-only token': cms().apiToken,
      'full-access token': await apiToken('full-access'),
      'custom token (news find)': await apiToken('custom', [`${NEWS}.find`, `${NEWS}.findOne`]),
      'no token': null,
    };
    const paths = ['/api/news', '/API/news', '/Api/News', '/api/NEWS', '/aPi/nEwS', '/api/news/', '/api/%6Eews', '/%61pi/news', '/api//news'];
    const one = (p: string, documentId: string) => `${p.replace(/\/$/, '')}/${documentId}`;
    let reached = 0;
    for (const [tokenName, token] of Object.entries(tokens)) {
      for (const basePath of paths) {
        for (const path of [basePath, one(basePath, pendingEdit), one(basePath, neverPublished)]) {
          for (const query of MATRIX_QUERIES) {
            const res = await fetch(`${cms().url}${path}?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
            const text = await res.text();
            const where = `${tokenName} GET ${path}?${query} → ${res.status}`;
            expect(text, where).not.toContain('SECRET DRAFT');
            if (path.endsWith(neverPublished)) expect(res.status, where).not.toBe(200);
            if (res.status === 200) {
              reached++;
              expect(draftPaths(JSON.parse(text)), where).toEqual([]);
            }
          }
        }
      }
    }
    // The variants really reached the content API (a matrix of 404s would prove nothing).
    expect(reached).toBeGreaterThan(paths.length * MATRIX_QUERIES.length);
  });

  it('answers 404 in a locale where the document exists only as a draft', async () => {
    const res = await contentApi(`/news/${published}?locale=fr&status=draft`);
    expect(res.status).toBe(404);
  });
});
