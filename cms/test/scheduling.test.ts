/**
 * Scheduled publishing against the real CMS: the admin API (make, list, change,
 * cancel, per locale-scoped role) and the runner (a due schedule publishes or
 * unpublishes through the document service, so the "Site rebuild" webhook fires; a
 * schedule whose editor lost the right, or whose entry became invalid, fails with the
 * reason). The runner polls every SCHEDULER_POLL_SECONDS (5 s by default).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, getLocale, strapiUid, type LocaleCode } from '@ssc/content-schemas';
import { adminApi, cms, contentApi, contentManager } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { anyImageId, newsData, uniqueSlug } from './support/fixtures.ts';
import { partnerGet } from './support/partner-api.ts';

const NEWS = strapiUid(contentTypes.find((t) => t.name === 'news')!);
const editorRole = (locale: LocaleCode) => `${getLocale(locale).englishName} editor`;
const soon = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/** The webhook calls the CMS makes to the rebuild service's address while this file runs. */
const webhookCalls: { event: string; entry?: { documentId?: string; locale?: string } }[] = [];
let webhookServer: http.Server;

const schedule = (body: Record<string, unknown>, jwt?: string) => adminApi('POST', '/ssc-schedules', body, jwt);
const listFor = (documentId: string, jwt?: string) => adminApi('GET', `/ssc-schedules?documentId=${documentId}`, undefined, jwt);

/** Waits until schedule `id` is no longer pending and returns it. */
async function settled(id: number, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await adminApi('GET', '/ssc-schedules');
    const found = res.body.schedules.find((s: { id: number }) => s.id === id);
    if (found && found.state !== 'pending') return found;
    if (Date.now() > deadline) throw new Error(`schedule ${id} still ${found?.state} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function publishedIn(documentId: string, locale: string): Promise<boolean> {
  const res = await contentApi(`/news?locale=${locale}&filters[documentId][$eq]=${documentId}`);
  expect(res.status).toBe(200);
  return res.body.data.length === 1;
}

/** The kinds of change the partner change log holds for one entry in one locale, oldest first. */
async function partnerChanges(documentId: string, locale: string): Promise<string[]> {
  const kinds: string[] = [];
  let cursor = '0';
  for (;;) {
    const res = await partnerGet(`/changes?since=${cursor}&limit=500`);
    expect(res.status).toBe(200);
    for (const c of res.body.data) if (c.documentId === documentId && c.locale === locale) kinds.push(c.kind);
    cursor = res.body.meta.nextCursor;
    if (!res.body.meta.hasMore) return kinds;
  }
}

async function userId(jwt: string): Promise<number> {
  return (await adminApi('GET', '/admin/users/me', undefined, jwt)).body.data.id;
}

async function roleId(name: string): Promise<number> {
  return (await adminApi('GET', '/admin/roles')).body.data.find((r: { name: string }) => r.name === name).id;
}

describe('scheduled publishing and unpublishing', () => {
  let imageId: number;
  let french: string;

  async function draft(locale: string, data: Record<string, unknown> = {}): Promise<string> {
    const slug = uniqueSlug('scheduled');
    const created = await contentManager.create(NEWS, locale, { ...newsData(slug, locale, imageId), ...data });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.data.documentId;
  }

  beforeAll(async () => {
    webhookServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        try {
          webhookCalls.push(JSON.parse(body));
        } catch {
          // not a webhook
        }
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => webhookServer.listen(cms().rebuild.port, '127.0.0.1', resolve));
    imageId = await anyImageId(adminApi);
    french = await createEditor(editorRole('fr'));
  });

  afterAll(async () => {
    await new Promise((resolve) => webhookServer?.close(resolve));
  });

  it('publishes a French draft when its schedule is due, through the document service: the entry is published and the rebuild webhook is called', async () => {
    const documentId = await draft('fr');
    const made = await schedule({ uid: NEWS, documentId, locale: 'fr', action: 'publish', dueAt: soon(2), timeZone: 'Europe/Paris' }, french);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.data).toMatchObject({ state: 'pending', locale: 'fr', action: 'publish', timeZone: 'Europe/Paris', canChange: true, type: 'news' });
    expect(made.body.data.title).toMatch(/^Test news scheduled-/);
    expect(await publishedIn(documentId, 'fr')).toBe(false);

    const done = await settled(made.body.data.id);
    expect(done).toMatchObject({ state: 'done', message: expect.stringMatching(/^Published by the scheduler for /) });
    expect(done.claimedBy).toBeTruthy();
    expect(await publishedIn(documentId, 'fr')).toBe(true);
    // Only French: the other languages are untouched.
    expect(await publishedIn(documentId, 'en')).toBe(false);
    await expect
      .poll(() => webhookCalls.filter((c) => c.event === 'entry.publish' && c.entry?.documentId === documentId && c.entry?.locale === 'fr').length)
      .toBe(1);
    // Partners see it in the change log, as after a publish by hand.
    expect(await partnerChanges(documentId, 'fr')).toEqual(['publish']);
  });

  it('unpublishes a published entry when its schedule is due', async () => {
    const documentId = await draft('fr');
    expect((await contentManager.publish(NEWS, documentId, 'fr')).status).toBe(200);
    const made = await schedule({ uid: NEWS, documentId, locale: 'fr', action: 'unpublish', dueAt: soon(2), timeZone: 'UTC' }, french);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(await settled(made.body.data.id)).toMatchObject({ state: 'done', message: expect.stringMatching(/^Unpublished/) });
    expect(await publishedIn(documentId, 'fr')).toBe(false);
    await expect.poll(() => webhookCalls.some((c) => c.event === 'entry.unpublish' && c.entry?.documentId === documentId)).toBe(true);
  });

  it('refuses a French editor who schedules in Arabic, but shows them the Arabic schedules, which they may not change or cancel', async () => {
    const documentId = await draft('ar');
    const refused = await schedule({ uid: NEWS, documentId, locale: 'ar', action: 'publish', dueAt: soon(3600) }, french);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/may not publish news in the "ar" locale/);

    const arabic = await schedule({ uid: NEWS, documentId, locale: 'ar', action: 'publish', dueAt: soon(3600), timeZone: 'Asia/Riyadh' });
    expect(arabic.status).toBe(201);
    const seen = await listFor(documentId, french);
    expect(seen.status).toBe(200);
    expect(seen.body.schedules).toEqual([expect.objectContaining({ id: arabic.body.data.id, locale: 'ar', canChange: false })]);
    expect((await adminApi('PUT', `/ssc-schedules/${arabic.body.data.id}`, { dueAt: soon(7200) }, french)).status).toBe(403);
    expect((await adminApi('POST', `/ssc-schedules/${arabic.body.data.id}/cancel`, {}, french)).status).toBe(403);
    expect((await adminApi('GET', `/ssc-schedules?uid=${NEWS}&documentId=${documentId}&locale=ar`, undefined, french)).body.canSchedule).toBe(false);
    expect((await adminApi('GET', `/ssc-schedules?uid=${NEWS}&documentId=${documentId}&locale=fr`, undefined, french)).body.canSchedule).toBe(true);
    // The chief editor's (here the super admin's) pending schedule is cancelled; a cancelled one cannot be changed.
    const cancelled = await adminApi('POST', `/ssc-schedules/${arabic.body.data.id}/cancel`, {});
    expect(cancelled.body.data).toMatchObject({ state: 'cancelled', message: expect.stringMatching(/^Cancelled by /) });
    expect((await adminApi('PUT', `/ssc-schedules/${arabic.body.data.id}`, { dueAt: soon(7200) })).status).toBe(409);
  });

  it('changes the time of a pending schedule, and refuses times in the past, unknown time zones and types without drafts', async () => {
    const documentId = await draft('fr');
    const made = await schedule({ uid: NEWS, documentId, locale: 'fr', action: 'publish', dueAt: soon(3600) }, french);
    const later = soon(7200);
    const changed = await adminApi('PUT', `/ssc-schedules/${made.body.data.id}`, { dueAt: later, timeZone: 'America/Guayaquil' }, french);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.data).toMatchObject({ dueAt: later, timeZone: 'America/Guayaquil', state: 'pending' });
    expect((await adminApi('PUT', `/ssc-schedules/${made.body.data.id}`, { dueAt: '2020-01-01T00:00:00Z' }, french)).status).toBe(400);
    expect((await schedule({ uid: NEWS, documentId, locale: 'fr', action: 'publish', dueAt: soon(60), timeZone: 'Mars/Base' }, french)).status).toBe(400);
    expect((await schedule({ uid: 'api::theme.theme', documentId, locale: 'fr', action: 'publish', dueAt: soon(60) })).status).toBe(400);
    expect((await schedule({ uid: NEWS, documentId: 'nosuchdocument', locale: 'fr', action: 'publish', dueAt: soon(60) })).status).toBe(404);
    expect((await adminApi('POST', `/ssc-schedules/${made.body.data.id}/cancel`, {}, french)).body.data.state).toBe('cancelled');
  });

  it('fails, with the reason, a schedule whose editor lost the right to publish in that locale, and leaves the entry unpublished', async () => {
    const editor = await createEditor(editorRole('fr'));
    const documentId = await draft('fr');
    const made = await schedule({ uid: NEWS, documentId, locale: 'fr', action: 'publish', dueAt: soon(4) }, editor);
    expect(made.status).toBe(201);
    // The editor moves to the Spanish desk before the schedule is due.
    const moved = await adminApi('PUT', `/admin/users/${await userId(editor)}`, { roles: [await roleId(editorRole('es'))] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    const failed = await settled(made.body.data.id);
    expect(failed.state).toBe('failed');
    expect(failed.message).toMatch(/may no longer publish news .* in the "fr" locale/);
    expect(await publishedIn(documentId, 'fr')).toBe(false);
    const failures = await adminApi('GET', '/ssc-schedules?state=failed', undefined, french);
    expect(failures.body.schedules.map((s: { id: number }) => s.id)).toContain(made.body.data.id);
    expect(new Set(failures.body.schedules.map((s: { state: string }) => s.state))).toEqual(new Set(['failed']));
  });

  it('fails, naming the field, a schedule whose entry is no longer valid, and one whose entry was deleted', async () => {
    const invalid = await draft('fr');
    expect((await contentManager.saveLocale(NEWS, invalid, 'fr', { title: null })).status).toBe(200);
    const deleted = await draft('fr');
    const a = await schedule({ uid: NEWS, documentId: invalid, locale: 'fr', action: 'publish', dueAt: soon(2) }, french);
    const b = await schedule({ uid: NEWS, documentId: deleted, locale: 'fr', action: 'publish', dueAt: soon(2) }, french);
    expect((await adminApi('DELETE', `/content-manager/collection-types/${NEWS}/${deleted}?locale=fr`)).status).toBe(200);

    expect(await settled(a.body.data.id)).toMatchObject({ state: 'failed', message: expect.stringMatching(/title/) });
    expect(await settled(b.body.data.id)).toMatchObject({ state: 'failed', message: expect.stringMatching(/no longer exists/) });
    expect(await publishedIn(invalid, 'fr')).toBe(false);
  });

  it('keeps schedules off the content API and asks for an admin session', async () => {
    expect((await contentApi('/schedules')).status).toBe(404);
    expect((await fetch(`${cms().url}/ssc-schedules`)).status).toBe(401);
  });
});
