/**
 * Two CMS processes share one PostgreSQL database, as two nodes behind a load
 * balancer would. Both run the scheduler, polling every second. Schedules in four
 * languages fall due at the same moment: each runs exactly once (one publish, one
 * "Site rebuild" webhook call per entry and language, from whichever node claimed
 * it), and nothing is left pending. Then both nodes stop while a schedule falls
 * due, and it runs, once, when one node starts again.
 *
 * Uses TEST_POSTGRES_URL when it is set, else a PostgreSQL server of its own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, strapiUid } from '@ssc/content-schemas';
import { startCms, type RunningCms } from '../../scripts/lib/cms.ts';
import { freePort, stopProcess } from '../../scripts/lib/processes.ts';
import { fetchJson } from '../../test-support/fetch-json.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test-support/throwaway-postgres.ts';
import { cms } from './support/http.ts';
import { newsData, uniqueSlug } from './support/fixtures.ts';
import { pngBytes } from './support/uploads.ts';
import { createDatabase, dropDatabase } from './support/postgres.ts';
import { cmsDir } from './support/paths.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const LOCALES = ['fr', 'zh', 'ar', 'es'];
const ENTRIES_PER_LOCALE = 3;

describe('two CMS nodes on one PostgreSQL database run each due schedule once', () => {
  let server: ThrowawayPostgres | null = null;
  let adminUrl: string;
  const database = `ssc_two_nodes_${process.pid}_${Date.now()}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-two-nodes-'));
  const nodes: RunningCms[] = [];
  let env: Record<string, string>;
  let jwt = '';
  /** Every "Site rebuild" webhook call either node makes: event, entry and locale. */
  const calls: { event: string; documentId?: string; locale?: string }[] = [];
  let webhook: http.Server;

  const start = async () => {
    const node = await startCms({ ...env, PORT: String(await freePort()) }, { quiet: true });
    nodes.push(node);
    return node;
  };
  const api = (base: string, method: string, pathAndQuery: string, body?: unknown) =>
    fetchJson(`${base}${pathAndQuery}`, {
      method,
      headers: { authorization: `Bearer ${jwt}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const publishCalls = (documentId: string, locale: string) =>
    calls.filter((c) => c.event === 'entry.publish' && c.documentId === documentId && c.locale === locale).length;

  async function draftNews(base: string, locale: string, imageId: number): Promise<string> {
    const res = await api(base, 'POST', `/content-manager/collection-types/${NEWS}?locale=${locale}`, newsData(uniqueSlug('two-nodes'), locale, imageId));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data.documentId;
  }

  async function waitSettled(base: string, ids: number[], timeoutMs = 60_000): Promise<any[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const listed = (await api(base, 'GET', '/ssc-schedules')).body.schedules.filter((s: { id: number }) => ids.includes(s.id));
      if (listed.length === ids.length && listed.every((s: { state: string }) => s.state !== 'pending')) return listed;
      if (Date.now() > deadline) throw new Error(`schedules still pending: ${JSON.stringify(listed.map((s: any) => [s.id, s.state]))}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  beforeAll(async () => {
    if (process.env.TEST_POSTGRES_URL) adminUrl = process.env.TEST_POSTGRES_URL;
    else {
      server = await startThrowawayPostgres();
      adminUrl = server.url;
    }
    await createDatabase(adminUrl, database);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    webhook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          const call = JSON.parse(body);
          calls.push({ event: call.event, documentId: call.entry?.documentId, locale: call.entry?.locale });
        } catch {
          // not a webhook call
        }
        res.end('{}');
      });
    });
    const webhookPort = await freePort();
    await new Promise<void>((resolve) => webhook.listen(webhookPort, '127.0.0.1', resolve));
    const publicDir = path.join(tmp, 'public');
    fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
    fs.copyFileSync(path.join(cmsDir, 'public', 'robots.txt'), path.join(publicDir, 'robots.txt'));
    env = {
      ...cms().env,
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: url.toString(),
      PUBLIC_DIR: publicDir,
      SITE_REBUILD_URL: `http://127.0.0.1:${webhookPort}/rebuild`,
      SITE_REBUILD_SECRET: crypto.randomBytes(8).toString('hex'),
      SCHEDULER_POLL_SECONDS: '1',
    };
    // The first node creates the schema; the second starts on it.
    const a = await start();
    await start();
    const login = await fetchJson(`${a.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    jwt = login.body.data.token;
  }, 300_000);

  afterAll(async () => {
    for (const node of nodes) await stopProcess(node.child);
    await new Promise((resolve) => webhook?.close(resolve));
    if (adminUrl) await dropDatabase(adminUrl, database).catch(() => {});
    server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('publishes each entry once when schedules in four languages fall due together, whichever node claims them', async () => {
    const [a, b] = nodes as [RunningCms, RunningCms];
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(await pngBytes())], { type: 'image/png' }), 'two-nodes.png');
    const uploaded = await fetch(`${a.url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${jwt}` }, body: form });
    expect(uploaded.status).toBe(201);
    const imageId = (await uploaded.json())[0].id;

    const entries: { documentId: string; locale: string }[] = [];
    for (const locale of LOCALES) for (let i = 0; i < ENTRIES_PER_LOCALE; i++) entries.push({ documentId: await draftNews(a.url, locale, imageId), locale });
    const dueAt = new Date(Date.now() + 4_000).toISOString();
    const ids: number[] = [];
    // Made through either node: both read and write the one table.
    for (const [i, e] of entries.entries()) {
      const res = await api(i % 2 ? b.url : a.url, 'POST', '/ssc-schedules', { uid: NEWS, ...e, action: 'publish', dueAt, timeZone: 'UTC' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.data.id);
    }

    const settled = await waitSettled(b.url, ids);
    expect(settled.map((s) => s.state)).toEqual(ids.map(() => 'done'));
    // Give a second run, if there were one, time to show.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const e of entries) expect(publishCalls(e.documentId, e.locale), `${e.locale} ${e.documentId}`).toBe(1);
    for (const e of entries) {
      const doc = await api(a.url, 'GET', `/content-manager/collection-types/${NEWS}/${e.documentId}?locale=${e.locale}`);
      expect(doc.body.data.publishedAt ?? doc.body.meta.availableStatus?.[0]?.publishedAt, `${e.locale} ${e.documentId}`).toBeTruthy();
    }
    const claimers = new Set(settled.map((s) => s.claimedBy));
    console.log(`[two nodes] ${ids.length} schedules run by ${claimers.size} node(s): ${[...claimers].join(', ')}`);
  }, 180_000);

  it('runs a schedule that fell due while every node was down, once, when a node starts again', async () => {
    const [a] = nodes as [RunningCms, RunningCms];
    const upload = (await api(a.url, 'GET', '/upload/files?pagination[pageSize]=1')).body;
    const imageId = (upload.results ?? upload)[0].id;
    const documentId = await draftNews(a.url, 'zh', imageId);
    const made = await api(a.url, 'POST', '/ssc-schedules', {
      uid: NEWS,
      documentId,
      locale: 'zh',
      action: 'publish',
      dueAt: new Date(Date.now() + 6_000).toISOString(),
    });
    expect(made.status).toBe(201);
    for (const node of nodes.splice(0)) await stopProcess(node.child);
    await new Promise((r) => setTimeout(r, 7_000));
    expect(publishCalls(documentId, 'zh')).toBe(0);

    const again = await start();
    const [done] = await waitSettled(again.url, [made.body.data.id]);
    expect(done).toMatchObject({ state: 'done' });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(publishCalls(documentId, 'zh')).toBe(1);
  }, 180_000);
});
