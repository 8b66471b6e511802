/**
 * Backup and restore, nothing lost. The test CMS (demo content in five locales, plus
 * documents made here in every state) is backed up while it serves, restored into a
 * fresh database and uploads folder, and served by a second Strapi with the same
 * secrets; both must then show the same documents, relations, media bytes, admin
 * users and roles, tokens and partner change log. Damaged and mismatched archives,
 * and non-empty targets, are refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collections, contentTypes, localeCodes, strapiUid } from '@ssc/content-schemas';
import { startCms, type RunningCms } from '../scripts/lib/cms.ts';
import { freePort, stopProcess } from '../scripts/lib/processes.ts';
import { extractArchive } from '../scripts/lib/backup/archive.ts';
import { sha256File } from '../scripts/lib/backup/checksum.ts';
import { instanceFromEnv } from '../scripts/lib/backup/instance.ts';
import { POSTGRES_MEMBER, SQLITE_MEMBER } from '../scripts/lib/backup/manifest.ts';
import { restorePostgres } from '../scripts/lib/backup/postgres-database.ts';
import { restoreSqlite, sqliteTableCounts } from '../scripts/lib/backup/sqlite-database.ts';
import { listFiles } from '../scripts/lib/backup/uploads.ts';
import { adminApi, cms, contentManager } from '../cms/test/support/http.ts';
import { anyImageId, newsData, uniqueSlug } from '../cms/test/support/fixtures.ts';
import { partnerKey } from '../cms/test/support/partner-api.ts';
import { createDatabase, dropDatabase } from '../cms/test/support/postgres.ts';
import { runTask, type TaskResult } from './support/tasks.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);

// ---------------------------------------------------------------- targets

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-backup-test-'));
const createdDatabases: string[] = [];

/** The environment of a fresh, empty instance: a new database and public folder, the source's secrets, a free port. */
async function freshTarget(name: string): Promise<Record<string, string>> {
  const dir = path.join(tmp, name);
  let database: Record<string, string>;
  if (cms().database === 'postgres') {
    const adminUrl = process.env.TEST_POSTGRES_URL!;
    const dbName = `ssc_restore_${name.replace(/\W/g, '_')}_${process.pid}_${Date.now()}`;
    await createDatabase(adminUrl, dbName);
    createdDatabases.push(dbName);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    database = { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() };
  } else {
    database = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'cms.db') };
  }
  return { ...cms().env, ...database, PUBLIC_DIR: path.join(dir, 'public'), PORT: String(await freePort()) };
}

// ---------------------------------------------------------------- what an instance shows

async function getJson(url: string, authorization?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: authorization ? { authorization } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function getOk(url: string, authorization?: string): Promise<any> {
  const res = await getJson(url, authorization);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

/**
 * Every document of every collection in every locale, page by page: `url` gives a page's URL and `read` its rows
 * and page count.
 */
async function everyCollection(
  url: (c: (typeof collections)[number], locale: string, page: number) => string,
  authorization: string,
  read: (body: any) => { rows: any[]; pageCount: number },
): Promise<Record<string, any[]>> {
  const out: Record<string, any[]> = {};
  for (const c of collections) {
    for (const locale of localeCodes) {
      const rows: any[] = [];
      for (let page = 1; ; page++) {
        const body = read(await getOk(url(c, locale, page), authorization));
        rows.push(...body.rows);
        if (page >= body.pageCount) break;
      }
      out[`${c.name}:${locale}`] = rows;
    }
  }
  return out;
}

/** As the admin panel's Content Manager lists them (latest version, with its status). */
const contentManagerView = (base: string, jwt: string) =>
  everyCollection(
    (c, locale, page) => `${base}/content-manager/collection-types/${strapiUid(c)}?locale=${locale}&page=${page}&pageSize=100&sort=id:ASC`,
    `Bearer ${jwt}`,
    (body) => ({ rows: body.results, pageCount: body.pagination.pageCount }),
  );

/** Only the published ones, through the content API with its default populate (components, media, relations, localizations). */
const publishedView = (base: string, apiToken: string) =>
  everyCollection(
    (c, locale, page) => `${base}/api/${c.pluralName}?locale=${locale}&sort=documentId:asc&pagination[pageSize]=100&pagination[page]=${page}`,
    `Bearer ${apiToken}`,
    (body) => ({ rows: body.data, pageCount: body.meta.pagination.pageCount }),
  );

/** The partner change log from the start: every change, in order. */
async function changeLog(base: string, key: string): Promise<any[]> {
  const changes: any[] = [];
  let cursor = '0';
  for (;;) {
    const body = await getOk(`${base}/api/syndication/changes?since=${cursor}&limit=500`, `Bearer ${key}`);
    changes.push(...body.data);
    cursor = body.meta.nextCursor;
    if (!body.meta.hasMore) return changes;
  }
}

async function partnerItems(base: string, key: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const body: any = await getOk(`${base}/api/syndication/items?pageSize=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, `Bearer ${key}`);
    items.push(...body.data);
    cursor = body.meta.nextCursor;
  } while (cursor);
  return items;
}

async function fileHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of listFiles(dir)) out[rel] = await sha256File(path.join(dir, rel));
  return out;
}

interface InstanceView {
  contentManager: Record<string, any[]>;
  published: Record<string, any[]>;
  adminUsers: any[];
  adminRoles: any[];
  changes: any[];
  partnerItems: any[];
  uploads: Record<string, string>;
}

/**
 * Strapi lists a document's `localizations` in whatever order the database returns
 * them (no ORDER BY); PostgreSQL's order follows where rows sit on disk, which a
 * restore changes. The order carries no data, so they are compared sorted by id.
 */
function sortLocalizations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortLocalizations);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'localizations' && Array.isArray(v) ? [...v].sort((a, b) => a.id - b.id).map(sortLocalizations) : sortLocalizations(v);
  }
  return out;
}

/** What an instance shows; its own origin (as 127.0.0.1 or localhost) is replaced by ORIGIN so that two instances compare. */
async function viewOf(base: string, jwt: string, uploadsDir: string): Promise<InstanceView> {
  const view: InstanceView = {
    contentManager: await contentManagerView(base, jwt),
    published: await publishedView(base, cms().apiToken),
    adminUsers: (await getOk(`${base}/admin/users?pageSize=100&sort=id:ASC`, `Bearer ${jwt}`)).data.results,
    adminRoles: (await getOk(`${base}/admin/roles`, `Bearer ${jwt}`)).data,
    changes: await changeLog(base, partnerKey()),
    partnerItems: await partnerItems(base, partnerKey()),
    uploads: await fileHashes(uploadsDir),
  };
  const port = new URL(base).port;
  return sortLocalizations(JSON.parse(JSON.stringify(view).replace(new RegExp(`https?://(127\\.0\\.0\\.1|localhost):${port}`, 'g'), 'ORIGIN'))) as InstanceView;
}

async function adminLoginAt(base: string): Promise<string> {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: cms().adminEmail, password: cms().adminPassword }),
  });
  if (!res.ok) throw new Error(`admin login at ${base}: ${res.status} ${await res.text()}`);
  return (await res.json()).data.token;
}

// ---------------------------------------------------------------- documents in every state

interface StateDocuments {
  draftOnly: string;
  published: string;
  publishedThenEdited: string;
  editedTitle: string;
  publishedTitle: string;
}

async function documentsInEveryState(): Promise<StateDocuments> {
  const imageId = await anyImageId(adminApi);
  const expectStatus = async (call: Promise<{ status: number; body: any }>, status: number) => {
    const res = await call;
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  // A draft that was never published, in English and Arabic.
  const draftSlug = uniqueSlug('backup-draft');
  const draftOnly = (await expectStatus(contentManager.create(NEWS, 'en', newsData(draftSlug, 'en', imageId)), 201)).data.documentId as string;
  await expectStatus(contentManager.saveLocale(NEWS, draftOnly, 'ar', newsData(draftSlug, 'ar', imageId)), 200);
  // Published in English and Chinese.
  const pubSlug = uniqueSlug('backup-published');
  const published = (await expectStatus(contentManager.create(NEWS, 'en', newsData(pubSlug, 'en', imageId)), 201)).data.documentId as string;
  await expectStatus(contentManager.saveLocale(NEWS, published, 'zh', newsData(pubSlug, 'zh', imageId)), 200);
  for (const locale of ['en', 'zh']) await expectStatus(contentManager.publish(NEWS, published, locale), 200);
  // Published in English and French, then edited in both without publishing the edit.
  const editSlug = uniqueSlug('backup-edited');
  const publishedTitle = `Published title ${editSlug}`;
  const editedTitle = `Edited after publishing ${editSlug}`;
  const publishedThenEdited = (await expectStatus(contentManager.create(NEWS, 'en', newsData(editSlug, 'en', imageId, { title: publishedTitle })), 201)).data
    .documentId as string;
  await expectStatus(contentManager.saveLocale(NEWS, publishedThenEdited, 'fr', newsData(editSlug, 'fr', imageId, { title: `${publishedTitle} (fr)` })), 200);
  for (const locale of ['en', 'fr']) await expectStatus(contentManager.publish(NEWS, publishedThenEdited, locale), 200);
  await expectStatus(contentManager.saveLocale(NEWS, publishedThenEdited, 'en', newsData(editSlug, 'en', imageId, { title: editedTitle })), 200);
  await expectStatus(contentManager.saveLocale(NEWS, publishedThenEdited, 'fr', newsData(editSlug, 'fr', imageId, { title: `${editedTitle} (fr)` })), 200);
  return { draftOnly, published, publishedThenEdited, editedTitle, publishedTitle };
}

// ---------------------------------------------------------------- the round trip

const archive = path.join(tmp, 'backup.tar');
const timings: Record<string, number> = {};
let docs: StateDocuments;
let backup: TaskResult;
let restore: TaskResult;
let readsDuringBackup: number[];
let source: InstanceView;
let target: Record<string, string>;
let restored: RunningCms | undefined;
let restoredView: InstanceView;

beforeAll(async () => {
  docs = await documentsInEveryState();

  // The backup runs while the CMS serves: readers keep reading meanwhile.
  let backingUp = true;
  const reader = (async () => {
    const statuses: number[] = [];
    while (backingUp) statuses.push((await fetch(`${cms().url}/api/news?locale=en`, { headers: { authorization: `Bearer ${cms().apiToken}` } })).status);
    return statuses;
  })();
  try {
    backup = await runTask('backup', ['--out', archive], cms().env);
  } finally {
    backingUp = false;
    readsDuringBackup = await reader;
  }
  timings.backup = backup.seconds;
  if (backup.code !== 0) throw new Error(`backup failed:\n${backup.stdout}\n${backup.stderr}`);
  source = await viewOf(cms().url, cms().adminJwt, instanceFromEnv(cms().env).uploadsDir);

  target = await freshTarget('restored');
  restore = await runTask('restore', [archive], target);
  timings.restore = restore.seconds;
  if (restore.code !== 0) throw new Error(`restore failed:\n${restore.stdout}\n${restore.stderr}`);

  const booting = Date.now();
  restored = await startCms(target, { quiet: true });
  timings.boot = (Date.now() - booting) / 1000;
  restoredView = await viewOf(restored.url, await adminLoginAt(restored.url), instanceFromEnv(target).uploadsDir);
  console.log(
    `[backup test] ${cms().database}: backup ${timings.backup.toFixed(1)} s, restore ${timings.restore.toFixed(1)} s, boot of the restored CMS ${timings.boot.toFixed(1)} s`,
  );
}, 240_000);

afterAll(async () => {
  if (restored) await stopProcess(restored.child);
  for (const name of createdDatabases) await dropDatabase(process.env.TEST_POSTGRES_URL!, name);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup while the CMS serves, restore into a fresh instance', () => {
  it('takes the backup while the CMS keeps answering', () => {
    expect(backup.stdout).toMatch(/\[backup\] wrote .*backup\.tar/);
    expect(readsDuringBackup.length).toBeGreaterThan(0);
    expect(new Set(readsDuringBackup)).toEqual(new Set([200]));
  });

  it('restores every document in every locale and state, as the Content Manager lists them', () => {
    const find = (view: InstanceView, locale: string, documentId: string) => view.contentManager[`news:${locale}`].find((d) => d.documentId === documentId);
    expect(find(restoredView, 'en', docs.draftOnly)?.status).toBe('draft');
    expect(find(restoredView, 'ar', docs.draftOnly)?.status).toBe('draft');
    expect(find(restoredView, 'zh', docs.published)?.status).toBe('published');
    expect(find(restoredView, 'en', docs.publishedThenEdited)).toMatchObject({ status: 'modified', title: docs.editedTitle });
    // Demo content in all five locales came along.
    for (const locale of localeCodes) expect(restoredView.contentManager[`news:${locale}`].length).toBeGreaterThan(0);
    expect(restoredView.contentManager).toEqual(source.contentManager);
  });

  it('restores the published versions with their relations, media and localizations, and serves them to the old API token', () => {
    const published = restoredView.published['news:en'];
    expect(published.find((d) => d.documentId === docs.publishedThenEdited)?.title).toBe(docs.publishedTitle);
    expect(published.some((d) => d.documentId === docs.draftOnly)).toBe(false);
    expect(
      Object.values(restoredView.published)
        .flat()
        .some((d) => d.themes?.length > 0),
    ).toBe(true);
    expect(restoredView.published).toEqual(source.published);
  });

  it('restores every upload byte for byte, and the restored CMS serves them', async () => {
    expect(Object.keys(source.uploads).length).toBeGreaterThan(0);
    expect(restoredView.uploads).toEqual(source.uploads);
    const [name, hash] = Object.entries(source.uploads)[0];
    const res = await fetch(`${restored!.url}/uploads/${name}`);
    expect(res.status).toBe(200);
    expect(
      crypto
        .createHash('sha256')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex'),
    ).toBe(hash);
  });

  it('keeps admin users and roles, and the admin password signs in', () => {
    expect(restoredView.adminUsers.map((u) => u.email)).toContain(cms().adminEmail);
    expect(restoredView.adminUsers).toEqual(source.adminUsers);
    expect(restoredView.adminRoles).toEqual(source.adminRoles);
  });

  it('keeps the API token and the partner token working', async () => {
    const news = await getJson(`${restored!.url}/api/news?locale=en`, `Bearer ${cms().apiToken}`);
    expect(news.status).toBe(200);
    expect(news.body.data.length).toBeGreaterThan(0);
    const items = await getJson(`${restored!.url}/api/syndication/items`, `Bearer ${partnerKey()}`);
    expect(items.status).toBe(200);
    expect(restoredView.partnerItems).toEqual(source.partnerItems);
  });

  it('leaves the partner change log as it was: the reconcile at boot records nothing', () => {
    expect(restoredView.changes.length).toBeGreaterThan(0);
    expect(restoredView.changes).toEqual(source.changes);
  });
});

describe('restore refuses what would lose data', () => {
  it('refuses an archive with one flipped byte, naming the damaged member', async () => {
    const [name] = Object.keys(source.uploads).sort(
      (a, b) => fs.statSync(path.join(instanceFromEnv(cms().env).uploadsDir, b)).size - fs.statSync(path.join(instanceFromEnv(cms().env).uploadsDir, a)).size,
    );
    const bytes = fs.readFileSync(archive);
    const content = fs.readFileSync(path.join(instanceFromEnv(cms().env).uploadsDir, name));
    const at = bytes.indexOf(content);
    expect(at).toBeGreaterThan(0);
    bytes[at + Math.floor(content.length / 2)] ^= 0x01;
    const damaged = path.join(tmp, 'damaged.tar');
    fs.writeFileSync(damaged, bytes);
    const fresh = await freshTarget('damaged');
    const result = await runTask('restore', [damaged], fresh);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`damaged archive: member uploads/${name} does not match its SHA-256 checksum`);
    expect(fs.existsSync(instanceFromEnv(fresh).uploadsDir)).toBe(false);
  });

  it('refuses a truncated archive', async () => {
    const truncated = path.join(tmp, 'truncated.tar');
    fs.writeFileSync(truncated, fs.readFileSync(archive).subarray(0, Math.floor(fs.statSync(archive).size * 0.6)));
    const result = await runTask('restore', [truncated], await freshTarget('truncated'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/damaged archive: truncated\.tar cannot be read in member \S+ \(TAR_BAD_ARCHIVE: Truncated input/);
  });

  it('refuses an archive of another database client', async () => {
    const other =
      cms().database === 'sqlite'
        ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' }
        : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'other-client', 'cms.db') };
    const result = await runTask('restore', [archive], { ...(await freshTarget('other-client')), ...other });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `archive does not fit this instance: it holds a ${cms().database} database, and this instance uses ${other.DATABASE_CLIENT}`,
    );
  });

  it('refuses a target whose API_TOKEN_SALT differs, unless told --accept-new-secrets', async () => {
    const fresh = { ...(await freshTarget('other-secrets')), API_TOKEN_SALT: 'another salt' };
    const result = await runTask('restore', [archive], fresh);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("this instance's API_TOKEN_SALT differs from the backed-up instance's");
    const accepted = await runTask('restore', [archive, '--accept-new-secrets'], fresh);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('warning: API_TOKEN_SALT differ');
  });

  it('refuses to restore into a non-empty database and uploads folder without --force', async () => {
    const result = await runTask('restore', [archive], target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the target is not empty: the database');
    expect(result.stderr).toContain('and the uploads folder');
    expect(result.stderr).toContain('only with --force');
  });

  it('leaves the target as it was when a restore fails its check', async () => {
    await stopProcess(restored!.child);
    const work = fs.mkdtempSync(path.join(tmp, 'extracted-'));
    const manifest = await extractArchive(archive, work);
    const wrongCounts = { ...manifest.counts.tables, admin_users: manifest.counts.tables.admin_users + 1 };
    const instance = instanceFromEnv(target);
    if (instance.database.client === 'sqlite') {
      const before = await sha256File(instance.database.filename);
      await expect(
        restoreSqlite(path.join(work, SQLITE_MEMBER), instance.database.filename, {
          fileSha256: (manifest.database as { fileSha256: string }).fileSha256,
          tables: wrongCounts,
        }),
      ).rejects.toThrow(/admin_users \d+ instead of \d+/);
      expect(await sha256File(instance.database.filename)).toBe(before);
      expect(sqliteTableCounts(instance.database.filename).admin_users).toBe(manifest.counts.tables.admin_users);
    } else {
      await expect(restorePostgres(instance.database, path.join(work, POSTGRES_MEMBER), wrongCounts, { replace: true })).rejects.toThrow(
        /rolled back.*admin_users/s,
      );
      const client = new pg.Client({ connectionString: target.DATABASE_URL });
      await client.connect();
      try {
        const rows = await client.query('select count(*)::int as n from admin_users');
        expect(rows.rows[0].n).toBe(manifest.counts.tables.admin_users);
      } finally {
        await client.end();
      }
    }
  });

  it('replaces a non-empty target with --force', async () => {
    const instance = instanceFromEnv(target);
    fs.writeFileSync(path.join(instance.uploadsDir, 'left-over.txt'), 'not in the backup');
    const result = await runTask('restore', [archive, '--force'], target);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('--force: the database');
    expect(await fileHashes(instance.uploadsDir)).toEqual(source.uploads);
  });
});
