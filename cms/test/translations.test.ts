/**
 * The translation status's admin API on the seeded demo content: a state for each
 * kind of cell, an English edit that makes the Chinese translation outdated, "no
 * translation needed" clearing it, choosing another source locale, what language
 * editors may read and do (and that they see no type their role may not open), and
 * nothing of it reachable through the content API.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, contentTypes, getLocale, strapiUid } from '@ssc/content-schemas';
import { adminApi, cms, contentApi, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from './support/fixtures.ts';
import { DEMAND, submittedFrenchDemand } from './support/exchange-fixtures.ts';

const uidOf = (name: string) => strapiUid(contentTypes.find((t) => t.name === name)!);
const NEWS = uidOf('news');

/** The documentId of a demo document, by its slug (its English version is published). */
async function documentIdOf(pluralName: string, slug: string): Promise<string> {
  const res = await contentApi(`/${pluralName}?locale=en&filters[slug][$eq]=${slug}&fields[0]=slug`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data[0].documentId;
}

async function status(query = '', jwt?: string) {
  const res = await adminApi('GET', `/ssc-translations/status${query}`, undefined, jwt);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body;
}

async function cellsOf(uid: string, documentId: string): Promise<Record<string, string>> {
  const res = await adminApi('GET', `/ssc-translations/entry?uid=${uid}&documentId=${documentId}&locale=en`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.states;
}

/** Deletes a document's translation records in the test CMS's database, as if it was saved before records were kept. */
async function forgetRecords(documentId: string): Promise<void> {
  const env = cms().env;
  const sql = 'DELETE FROM translation_records WHERE item_document_id = ';
  if (env.DATABASE_CLIENT === 'postgres') {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query(`${sql}$1`, [documentId]).finally(() => client.end());
  } else {
    const db = new Database(env.DATABASE_FILENAME);
    db.prepare(`${sql}?`).run(documentId);
    db.close();
  }
}

describe('translation status', () => {
  let chinese: string;
  let english: string;

  beforeAll(async () => {
    chinese = await createEditor(`${getLocale('zh').englishName} editor`);
    english = await createEditor(`${getLocale('en').englishName} editor`);
  });

  it('gives each kind of cell of the demo content its state, with a link to its edit view in that locale', async () => {
    const report = await status();
    const row = (type: string, documentId: string) => report.rows.find((r: any) => r.type === type && r.documentId === documentId);
    const missingFr = row('news', await documentIdOf('news', 'wfp-cicg-mou-knowledge-partnership'));
    expect(missingFr.cells.fr.state).toBe('missing');
    expect(missingFr.cells.zh.state).toBe('published');
    expect(missingFr.cells.fr.editPath).toBe(`/content-manager/collection-types/${NEWS}/${missingFr.documentId}?plugins[i18n][locale]=fr`);
    expect(row('news', await documentIdOf('news', 'ecuador-rice-value-chains-rural-women')).cells.es.state).toBe('draft');
    const revised = row('video', await documentIdOf('videos', 'kenya-post-harvest-storage-field-story'));
    expect(revised.sourceLocale).toBe('en');
    expect(revised.cells.en.state).toBe('modified');
    for (const locale of ['zh', 'ar', 'es', 'fr']) expect(revised.cells[locale].state, locale).toBe('outdated');
    // Every localized collection of the model is in the matrix, taxonomy included.
    expect(new Set(report.rows.map((r: any) => r.type))).toEqual(new Set(collections.map((c) => c.name)));
    expect(report.counts.fr.missing).toBeGreaterThan(0);
    expect(report.counts.zh.outdated).toBeGreaterThanOrEqual(2);
    expect(report.uiStrings.keys).toBeGreaterThan(50);
  });

  it('filters by type, theme, locale and state', async () => {
    const queue = await status('?locale=zh&state=missing,outdated&type=video');
    expect(queue.rows.length).toBeGreaterThan(0);
    for (const row of queue.rows) {
      expect(row.type).toBe('video');
      expect(['missing', 'outdated']).toContain(row.cells.zh.state);
    }
    const theme = (await status('?type=theme')).rows.find((r: any) => r.title === 'Disaster Risk Reduction and Climate Change Resilience');
    expect(theme).toBeTruthy();
    const byTheme = await status(`?theme=${theme.documentId}`);
    expect(byTheme.rows.length).toBeGreaterThan(0);
    for (const row of byTheme.rows) expect(row.themes).toContain(theme.documentId);
  });

  it('makes the Chinese translation outdated when the English source is edited, until the source editor marks the edit "no translation needed"', async () => {
    const image = await anyImageId(adminApi);
    const slug = uniqueSlug('translated');
    const created = await contentManager.create(NEWS, 'en', newsData(slug, 'en', image));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.data.documentId;
    expect((await contentManager.saveLocale(NEWS, documentId, 'zh', newsData(slug, 'zh', image))).status).toBe(200);
    for (const l of ['en', 'zh']) expect((await contentManager.publish(NEWS, documentId, l)).status).toBe(200);
    expect(await cellsOf(NEWS, documentId)).toMatchObject({ en: 'published', zh: 'published', fr: 'missing' });

    // A change that is not text (the date is shared, not translated) outdates nothing.
    expect((await contentManager.saveLocale(NEWS, documentId, 'en', { date: '2024-02-01' })).status).toBe(200);
    expect(['published', 'modified']).toContain((await cellsOf(NEWS, documentId)).zh);

    // Two saves of one English edit.
    expect((await contentManager.saveLocale(NEWS, documentId, 'en', { title: `Test news ${slug} (en), fixed tpyo` })).status).toBe(200);
    expect((await contentManager.saveLocale(NEWS, documentId, 'en', { title: `Test news ${slug} (en), fixed typo` })).status).toBe(200);
    expect(await cellsOf(NEWS, documentId)).toMatchObject({ en: 'modified', zh: 'outdated' });
    const queue = await status('?locale=zh&state=missing,outdated', chinese);
    expect(queue.rows[0].documentId).toBe(documentId); // newest source first

    // Only the source locale's editor (or the chief editor) may say the edit needs no translation.
    const refused = await adminApi('POST', '/ssc-translations/no-translation-needed', { uid: NEWS, documentId }, chinese);
    expect(refused.status).toBe(403);
    const marked = await adminApi('POST', '/ssc-translations/no-translation-needed', { uid: NEWS, documentId }, english);
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body.outdated).toEqual([]);
    // (published, or modified: saving English's shared date touched every translation)
    expect(['published', 'modified']).toContain((await cellsOf(NEWS, documentId)).zh);

    // The next real change outdates it again; a new Chinese save brings it up to date.
    expect((await contentManager.saveLocale(NEWS, documentId, 'en', { summary: 'A new paragraph of news.' })).status).toBe(200);
    expect((await cellsOf(NEWS, documentId)).zh).toBe('outdated');
    expect((await contentManager.saveLocale(NEWS, documentId, 'zh', { summary: '新的一段新闻。' }, chinese)).status).toBe(200);
    expect((await cellsOf(NEWS, documentId)).zh).toBe('modified');
  });

  it('takes versions saved before records were kept as translated from the source as it was, so the next English edit outdates them', async () => {
    const image = await anyImageId(adminApi);
    const slug = uniqueSlug('legacy');
    const documentId = (await contentManager.create(NEWS, 'en', newsData(slug, 'en', image))).body.data.documentId;
    await contentManager.saveLocale(NEWS, documentId, 'zh', newsData(slug, 'zh', image));
    await forgetRecords(documentId);
    expect(await cellsOf(NEWS, documentId)).toMatchObject({ en: 'draft', zh: 'draft' });
    expect((await contentManager.saveLocale(NEWS, documentId, 'en', { title: `Test news ${slug} (en), rewritten` })).status).toBe(200);
    expect(await cellsOf(NEWS, documentId)).toMatchObject({ en: 'draft', zh: 'outdated' });
  });

  it('lets the source editor make another locale the source', async () => {
    const image = await anyImageId(adminApi);
    const slug = uniqueSlug('source');
    const documentId = (await contentManager.create(NEWS, 'en', newsData(slug, 'en', image))).body.data.documentId;
    await contentManager.saveLocale(NEWS, documentId, 'fr', newsData(slug, 'fr', image));
    expect((await adminApi('POST', '/ssc-translations/source', { uid: NEWS, documentId, locale: 'fr' }, chinese)).status).toBe(403);
    const chosen = await adminApi('POST', '/ssc-translations/source', { uid: NEWS, documentId, locale: 'fr' }, english);
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.sourceLocale).toBe('fr');
    await contentManager.saveLocale(NEWS, documentId, 'fr', { title: `Actualité ${slug} (fr), nouvelle version` });
    expect(await cellsOf(NEWS, documentId)).toMatchObject({ fr: 'draft', en: 'outdated' });
  });

  it("shows a language editor every locale's status, starting with their own queue", async () => {
    const report = await status('', chinese);
    expect(report.defaultView).toEqual({ locale: 'zh', states: ['missing', 'outdated'] });
    expect(Object.keys(report.counts).sort()).toEqual(['ar', 'en', 'es', 'fr', 'zh']);
    expect((await status('')).defaultView).toEqual({});
  });

  it('lists to each user only the types they may open: no offer, demand or match for a language editor, all of them for a broker and the chief editor', async () => {
    const demandId = await submittedFrenchDemand(uniqueSlug('translations-demand'));
    const [french, broker, chief] = await Promise.all([
      createEditor(`${getLocale('fr').englishName} editor`),
      createEditor('Broker'),
      createEditor('Chief editor'),
    ]);
    const typesOf = (report: { rows: { type: string }[] }) => new Set(report.rows.map((r) => r.type));
    const entry = (jwt: string) => adminApi('GET', `/ssc-translations/entry?uid=${DEMAND}&documentId=${demandId}&locale=fr`, undefined, jwt);

    const seenByFrench = await status('', french);
    for (const type of ['offer', 'demand', 'match']) {
      expect(typesOf(seenByFrench), type).not.toContain(type);
      expect(seenByFrench.types.map((t: { name: string }) => t.name)).not.toContain(type);
      expect((await status(`?type=${type}`, french)).rows).toEqual([]);
    }
    expect(typesOf(seenByFrench)).toContain('news');
    expect(typesOf(seenByFrench)).toContain('solution');
    expect(JSON.stringify(seenByFrench)).not.toContain(demandId);
    expect((await entry(french)).status).toBe(404);

    for (const [who, jwt] of [
      ['broker', broker],
      ['chief editor', chief],
    ] as const) {
      const report = await status('', jwt);
      for (const type of ['offer', 'demand', 'match', 'solution']) expect(typesOf(report), `${who}: ${type}`).toContain(type);
      expect(
        report.rows.map((r: { documentId: string }) => r.documentId),
        who,
      ).toContain(demandId);
      expect((await entry(jwt)).status, who).toBe(200);
    }
  });

  it('is reachable with an admin session only, never through the content API', async () => {
    const anonymous = await fetch(`${cms().url}/ssc-translations/status`);
    expect(anonymous.status).toBe(401);
    for (const token of [cms().apiToken, null]) expect((await contentApi('/ssc-translations/status', token)).status).toBe(404);
    for (const token of [cms().apiToken, null]) {
      for (const path of ['/translation-records', '/translation-record', '/translation-status']) {
        expect([403, 404], `${path} with ${token ? 'a token' : 'no token'}`).toContain((await contentApi(path, token)).status);
      }
    }
    const news = await contentApi('/news?locale=zh&pagination[pageSize]=100');
    const text = JSON.stringify(news.body);
    for (const field of ['sourceHash', 'sourceLocale', 'editBaseHash', 'translation-record']) expect(text).not.toContain(field);
  });
});
