/** The rebuild service: authenticated calls, gathered, one rebuild at a time, none lost. */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startRebuildService, type RebuildService } from '../lib/rebuild-service.ts';

const secret = crypto.randomBytes(8).toString('hex');
const call = (service: RebuildService, auth = `Bearer ${secret}`, body = '{"event":"entry.publish","model":"news-item"}') =>
  fetch(service.url, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body,
  });

describe('rebuild service', () => {
  let service: RebuildService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  it('answers 401 to a wrong or missing secret and rebuilds nothing', async () => {
    let rebuilds = 0;
    service = await startRebuildService({ port: 0, secret, quietMs: 10, rebuild: async () => void rebuilds++ });
    expect((await call(service, 'Bearer nope')).status).toBe(401);
    expect((await fetch(service.url, { method: 'POST' })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(rebuilds).toBe(0);
  });

  it('answers a saved draft or a learner record without rebuilding, and rebuilds for a renamed theme', async () => {
    const answered: string[][] = [];
    service = await startRebuildService({ port: 0, secret, quietMs: 20, rebuild: async (events) => void answered.push(events) });
    for (const body of ['{"event":"entry.update","model":"news-item"}', '{"event":"entry.create","model":"user"}']) {
      const res = await call(service, `Bearer ${secret}`, body);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ accepted: false });
    }
    await new Promise((r) => setTimeout(r, 60));
    await service.idle();
    expect(answered).toEqual([]);
    expect((await call(service, `Bearer ${secret}`, '{"event":"entry.update","model":"theme","entry":{"locale":"es"}}')).status).toBe(202);
    await new Promise((r) => setTimeout(r, 60));
    await service.idle();
    expect(answered).toEqual([['entry.update theme [es]']]);
  });

  it('gathers a burst of calls into one rebuild', async () => {
    let rebuilds = 0;
    service = await startRebuildService({ port: 0, secret, quietMs: 100, rebuild: async () => void rebuilds++ });
    const statuses = await Promise.all([call(service), call(service), call(service)].map(async (r) => (await r).status));
    expect(statuses).toEqual([202, 202, 202]);
    await new Promise((r) => setTimeout(r, 20));
    await service.idle();
    expect(rebuilds).toBe(1);
  });

  it('tells the rebuild which calls it answers, for the build report', async () => {
    const answered: string[][] = [];
    service = await startRebuildService({ port: 0, secret, quietMs: 50, rebuild: async (events) => void answered.push(events) });
    await Promise.all([call(service), call(service)]);
    await new Promise((r) => setTimeout(r, 20));
    await service.idle();
    expect(answered).toEqual([['entry.publish news-item', 'entry.publish news-item']]);
  });

  it('runs one more rebuild, never two at once, for calls that arrive during a rebuild', async () => {
    let running = 0;
    let overlapped = false;
    let rebuilds = 0;
    let release!: () => void;
    const firstStarted = new Promise<void>((started) => {
      service = undefined;
      void startRebuildService({
        port: 0,
        secret,
        quietMs: 10,
        rebuild: async () => {
          running += 1;
          overlapped ||= running > 1;
          rebuilds += 1;
          if (rebuilds === 1) {
            started();
            await new Promise<void>((r) => (release = r));
          }
          running -= 1;
        },
      }).then((s) => {
        service = s;
        void call(s);
      });
    });
    await firstStarted;
    await call(service!);
    await call(service!);
    await new Promise((r) => setTimeout(r, 50));
    release();
    await new Promise((r) => setTimeout(r, 20));
    await service!.idle();
    expect(rebuilds).toBe(2);
    expect(overlapped).toBe(false);
    expect(service!.finished).toBe(2);
  });

  const base = (s: RebuildService) => s.url.replace(/\/rebuild$/, '');
  const auth = { authorization: `Bearer ${secret}` };

  it('reports a failed rebuild in its status until a rebuild succeeds, and the releases the status callback gives', async () => {
    let fail = true;
    service = await startRebuildService({
      port: 0,
      secret,
      quietMs: 10,
      rebuild: async () => {
        if (fail) throw new Error('the CMS is unreachable');
      },
      status: async () => ({ live: 'r2', releases: [{ id: 'r1' }, { id: 'r2' }] }),
    });
    expect((await fetch(`${base(service)}/status`)).status).toBe(401);
    await call(service);
    await new Promise((r) => setTimeout(r, 30));
    await service.idle();
    let status = await (await fetch(`${base(service)}/status`, { headers: auth })).json();
    expect(status).toMatchObject({ building: false, queued: false, live: 'r2', releases: [{ id: 'r1' }, { id: 'r2' }] });
    expect(status.lastFailure.message).toBe('the CMS is unreachable');
    fail = false;
    await call(service);
    await new Promise((r) => setTimeout(r, 30));
    await service.idle();
    status = await (await fetch(`${base(service)}/status`, { headers: auth })).json();
    expect(status.lastFailure).toBeNull();
  });

  it('rolls back to the release it is given, and refuses a call without one, an unknown one or a wrong secret', async () => {
    const known = new Set(['r1', 'r2']);
    let live = 'r2';
    service = await startRebuildService({
      port: 0,
      secret,
      quietMs: 10,
      rebuild: async () => {},
      rollback: async (id) => {
        if (!known.has(id)) throw new Error(`no release ${id}`);
        live = id;
      },
    });
    const rollback = (body: string, headers: Record<string, string> = auth) =>
      fetch(`${base(service!)}/rollback`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    expect((await rollback('{"release":"r1"}', { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await rollback('{}')).status).toBe(400);
    const unknown = await rollback('{"release":"r9"}');
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toBe('no release r9');
    expect(live).toBe('r2');
    const done = await rollback('{"release":"r1"}');
    expect(done.status).toBe(200);
    expect(live).toBe('r1');
  });
});
