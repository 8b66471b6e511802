/**
 * The exchange's submission limits on a CMS of its own (fresh SQLite database, no
 * content) behind a proxy (IS_PROXIED): the per-IP limit counts the client's address
 * from X-Forwarded-For, and the global limit (EXCHANGE_SUBMIT_GLOBAL) counts the
 * submissions that pass the checks from everyone together; both answer 429 with
 * Retry-After. A filled honeypot is not counted against the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LearnerClient } from './support/learner-client.ts';
import { startOwnCms, type OwnCms } from './support/own-cms.ts';

const PATH = '/api/exchange/submissions';
let running: OwnCms;

beforeAll(async () => {
  running = await startOwnCms('exchange-limits', {
    IS_PROXIED: 'true',
    EXCHANGE_SUBMIT_PER_IP: '3',
    EXCHANGE_SUBMIT_GLOBAL: '2',
    EXCHANGE_SUBMIT_WINDOW_MINUTES: '30',
  });
}, 180_000);

afterAll(async () => {
  await running?.stop();
});

const offer = (title: string, extra: Record<string, unknown> = {}) => ({
  kind: 'offer',
  locale: 'zh',
  title,
  summary: '菌草技术培训',
  providerName: '国家菌草工程技术研究中心',
  expertise: '菌草栽培与加工培训。',
  modality: 'training',
  deliveryLanguages: ['zh', 'fr'],
  contactName: '林',
  contactEmail: 'lin@example.org',
  ...extra,
});

/** A post as the proxy forwards it for the client at `address`. */
const postFrom = (address: string, json: unknown) => new LearnerClient(running.url).request('POST', PATH, { json, headers: { 'x-forwarded-for': address } });

describe('behind a proxy, with low limits', () => {
  it('counts each client by its forwarded address, refused submissions included', async () => {
    for (let i = 0; i < 3; i++) expect((await postFrom('203.0.113.1', { kind: 'offer', locale: 'zh' })).status).toBe(422);
    const refused = await postFrom('203.0.113.1', offer('第四次'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json.error.message).toMatch(/^当前提交过多：请在 \d+ 分钟后重试。$/);
    expect((await postFrom('203.0.113.2', { kind: 'offer', locale: 'zh' })).status).toBe(422);
  });

  it('stops every client once the global number of submissions is reached, and drops a honeypot without counting it', async () => {
    const bot = await postFrom('203.0.113.9', offer('机器人', { website: 'https://spam.example' }));
    expect(bot.status).toBe(201);
    const first = await postFrom('203.0.113.10', offer('第一份'));
    const second = await postFrom('203.0.113.11', offer('第二份'));
    expect([first.status, second.status], JSON.stringify([first.json, second.json])).toEqual([201, 201]);
    expect(second.json.data.reference).toMatch(/^O-\d{4}-00002$/);
    const third = await postFrom('203.0.113.12', offer('第三份'));
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // A bad submission still gets its problems (the global limit counts only those that pass).
    expect((await postFrom('203.0.113.13', { kind: 'offer', locale: 'zh' })).status).toBe(422);
  });
});
