/**
 * The snapshot loader against a store that behaves like Astro's (an entry set with
 * the digest it already has is not rewritten): every entry is stored per locale,
 * a rebuild skips unchanged entries and drops those gone from the snapshot.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { localeCodes, readSnapshot } from '@ssc/content-schemas';
import { snapshotLoader } from '../src/loaders/snapshot-loader.ts';
import { fixtureSnapshot } from './global-setup.ts';

interface Stored {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
}

/** A loader context with an in-memory store; counts parseData calls and logs. */
function context(store: Map<string, Stored>) {
  const calls = { parsed: 0, logs: [] as string[] };
  const ctx = {
    collection: 'news',
    store: {
      get: (id: string) => store.get(id),
      set: (entry: Stored) => {
        if (entry.digest && store.get(entry.id)?.digest === entry.digest) return false;
        store.set(entry.id, entry);
        return true;
      },
      keys: () => [...store.keys()],
      delete: (id: string) => void store.delete(id),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => {
      calls.parsed += 1;
      return data;
    },
    generateDigest: (data: string) => createHash('sha1').update(data).digest('hex'),
    logger: { info: (message: string) => calls.logs.push(message) },
  } as unknown as LoaderContext;
  return { ctx, calls };
}

let copies: string[] = [];
afterEach(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
  copies = [];
});

function copyOfFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-loader-'));
  fs.cpSync(fixtureSnapshot, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

describe('snapshot loader', () => {
  it('stores every entry of its collection once per locale, under <locale>/<documentId>', async () => {
    const store = new Map<string, Stored>();
    const { ctx } = context(store);
    await snapshotLoader('news', fixtureSnapshot).load(ctx);
    const snapshot = readSnapshot(fixtureSnapshot);
    const expected = localeCodes.flatMap((l) => snapshot.entries.news[l].map((e) => `${l}/${e.documentId}`));
    expect([...store.keys()].sort()).toEqual(expected.sort());
    const en = snapshot.entries.news.en[0];
    expect(store.get(`en/${en.documentId}`)!.data.title).toBe(en.title);
  });

  it('skips unchanged entries on a rebuild, stores changed ones and removes deleted ones', async () => {
    const dir = copyOfFixture();
    const store = new Map<string, Stored>();
    await snapshotLoader('news', dir).load(context(store).ctx);
    const before = store.size;

    const second = context(store);
    await snapshotLoader('news', dir).load(second.ctx);
    expect(second.calls.parsed).toBe(0);
    expect(second.calls.logs.at(-1)).toBe(`news: 0 new or changed, ${before} unchanged, 0 removed`);

    const file = path.join(dir, 'entries', 'news.en.json');
    const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
    const [changed, removed] = entries;
    changed.title = 'A new title';
    fs.writeFileSync(file, JSON.stringify(entries.filter((e) => e !== removed)));
    // A later manifest time marks a new snapshot.
    const manifest = path.join(dir, 'manifest.json');
    fs.utimesSync(manifest, new Date(), new Date(Date.now() + 5000));

    const third = context(store);
    await snapshotLoader('news', dir).load(third.ctx);
    expect(third.calls.parsed).toBe(1);
    expect(third.calls.logs.at(-1)).toBe(`news: 1 new or changed, ${before - 2} unchanged, 1 removed`);
    expect(store.get(`en/${String(changed.documentId)}`)!.data.title).toBe('A new title');
    expect(store.has(`en/${String(removed.documentId)}`)).toBe(false);
  });

  it('fails on an invalid snapshot, naming the entry and field', async () => {
    const dir = copyOfFixture();
    const file = path.join(dir, 'entries', 'news.fr.json');
    const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
    delete entries[0].title;
    fs.writeFileSync(file, JSON.stringify(entries));
    await expect(snapshotLoader('news', dir).load(context(new Map()).ctx)).rejects.toThrow(/news \S+ \[fr\] title/);
  });
});
