/**
 * The images loader against a store that behaves like Astro's (an entry set with
 * the digest it already has is not rewritten): every raster image the entries show
 * is stored once, a rebuild skips unchanged images and drops those no entry shows.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { collections, listMediaPaths, localeCodes, readSnapshot } from '@ssc/content-schemas';
import { snapshotImagesLoader } from '../src/loaders/images-loader.ts';
import { isPipelineImage } from '../src/loaders/site-media.ts';
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
    collection: 'images',
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

/** Every raster image path the snapshot's entries show. */
function rasterImagesOf(dir: string): string[] {
  const snapshot = readSnapshot(dir);
  const found = new Set<string>();
  for (const c of collections) for (const l of localeCodes) listMediaPaths(snapshot.entries[c.name][l], found);
  return [...found].filter(isPipelineImage).sort();
}

describe('snapshot images loader', () => {
  it('stores every raster image the entries show once, under its media path, and no other media', async () => {
    const store = new Map<string, Stored>();
    await snapshotImagesLoader(fixtureSnapshot).load(context(store).ctx);
    const expected = rasterImagesOf(fixtureSnapshot);
    expect(expected.length).toBeGreaterThan(2);
    expect([...store.keys()].sort()).toEqual(expected);
    expect(store.get(expected[0]!)!.data).toEqual({ path: expected[0] });
  });

  it('skips unchanged images on a rebuild, stores changed ones and removes those no entry shows', async () => {
    const dir = copyOfFixture();
    const store = new Map<string, Stored>();
    await snapshotImagesLoader(dir).load(context(store).ctx);
    const before = store.size;

    const second = context(store);
    await snapshotImagesLoader(dir).load(second.ctx);
    expect(second.calls.parsed).toBe(0);
    expect(second.calls.logs.at(-1)).toBe(`images: 0 new or changed, ${before} unchanged, 0 removed`);

    // One image gets a new size in every entry that shows it; another is shown by no entry any more.
    const [changed, removed] = rasterImagesOf(dir);
    for (const name of fs.readdirSync(path.join(dir, 'entries'))) {
      const file = path.join(dir, 'entries', name);
      const text = fs.readFileSync(file, 'utf8');
      const entries = JSON.parse(text) as unknown[];
      const edit = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(edit);
        if (value && typeof value === 'object') {
          const obj = value as Record<string, unknown>;
          if (obj.path === changed && typeof obj.sizeBytes === 'number') return { ...obj, sizeBytes: obj.sizeBytes + 1 };
          if (obj.path === removed && typeof obj.mime === 'string') return { ...obj, path: changed };
          return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, edit(v)]));
        }
        return value;
      };
      fs.writeFileSync(file, JSON.stringify(entries.map(edit)));
    }

    const third = context(store);
    await snapshotImagesLoader(dir).load(third.ctx);
    expect(third.calls.parsed).toBe(1);
    expect(third.calls.logs.at(-1)).toBe(`images: 1 new or changed, ${before - 2} unchanged, 1 removed`);
    expect(store.has(changed!)).toBe(true);
    expect(store.has(removed!)).toBe(false);
  });

  it('fails on an invalid snapshot, naming the entry and field', async () => {
    const dir = copyOfFixture();
    const file = path.join(dir, 'entries', 'news.fr.json');
    const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
    delete entries[0].title;
    fs.writeFileSync(file, JSON.stringify(entries));
    await expect(snapshotImagesLoader(dir).load(context(new Map()).ctx)).rejects.toThrow(/news \S+ \[fr\] title/);
  });
});
