/**
 * Learner data never leaves the CMS: after a learner registers (and their account is
 * in the database), a full pull writes a snapshot with nothing of theirs in it, and the
 * partner API lists nothing of theirs. The site, its feeds, search index and static API
 * are built from the snapshot alone, so they cannot hold it either.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { cms } from '../cms/test/support/http.ts';
import { partnerGet } from '../cms/test/support/partner-api.ts';
import { LearnerClient, uniqueEmail } from '../cms/test/support/learner-client.ts';

const LEARNER_DOMAIN = 'learners.example.org';

/** Every file under `dir`, as text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file, text: fs.readFileSync(file).toString('latin1') };
    });
}

describe('learner data stays in the CMS', () => {
  let snapshotsDir: string;
  let snapshotDir: string;
  let email: string;

  beforeAll(async () => {
    const learner = new LearnerClient();
    email = uniqueEmail('private');
    await learner.register(email, 'Juncao-grass-feeds-goats-2026', 'fr');
    expect((await learner.get('export')).json.account.email).toBe(email);
    snapshotsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-learner-privacy-'));
    snapshotDir = (await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir })).dir;
  });

  afterAll(() => fs.rmSync(snapshotsDir, { recursive: true, force: true }));

  it('puts nothing of a learner in the snapshot', () => {
    const files = filesUnder(snapshotDir);
    expect(files.length).toBeGreaterThan(10);
    const leaks = files.filter(
      ({ text }) =>
        text.includes(email) || text.includes(LEARNER_DOMAIN) || /"learner-[0-9a-f]{18}"/.test(text) || /up_users|users-permissions\.user/.test(text),
    );
    expect(leaks.map((l) => l.file)).toEqual([]);
  });

  it('lists nothing of a learner in the partner API', async () => {
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await partnerGet(`/items?pageSize=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(JSON.stringify(res.body));
      cursor = res.body.nextCursor ?? null;
    } while (cursor);
    const changes = await partnerGet('/changes');
    expect(changes.status).toBe(200);
    pages.push(JSON.stringify(changes.body));
    for (const text of pages) {
      expect(text).not.toContain(email);
      expect(text).not.toContain(LEARNER_DOMAIN);
    }
  });
});
