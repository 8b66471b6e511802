/**
 * The static JSON API of the built fixture site, validated with ajv against the
 * JSON Schemas the site publishes (generated from content-schemas), and checked
 * against the snapshot: totals, pages, entries.
 */
import fs from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { contentTypes, localeCodes, readSnapshot } from '@ssc/content-schemas';
import { fileFor, site } from './helpers.ts';

const snapshot = readSnapshot(site.snapshotDir);
const json = (urlOrPath: string) => {
  const file = fileFor(new URL(urlOrPath, 'http://x').pathname);
  expect(file, urlOrPath).toBeDefined();
  return JSON.parse(fs.readFileSync(file!, 'utf8'));
};
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);

describe('static JSON API', () => {
  const index = json('/api/index.json');

  it('publishes an index that matches its JSON Schema and lists every locale and type', () => {
    const validate = ajv.compile(json('/api/schemas/index.schema.json'));
    expect(validate(index), ajv.errorsText(validate.errors)).toBe(true);
    expect(index.locales.map((l: { locale: string }) => l.locale)).toEqual([...localeCodes]);
    for (const l of index.locales) expect(l.types.map((t: { type: string }) => t.type)).toEqual(contentTypes.map((t) => t.name));
  });

  it('publishes pages that match their type’s schema and hold exactly the snapshot’s entries, bodies included', () => {
    let pages = 0;
    for (const l of index.locales) {
      for (const t of l.types) {
        const validate = ajv.compile(json(t.schema));
        const ids: string[] = [];
        for (const url of t.pages) {
          const body = json(url);
          expect(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          expect(body.total).toBe(t.total);
          for (const item of body.items) {
            ids.push(item.entry.documentId);
            expect(item.entry.locale).toBe(l.locale);
            // The body too, though the content layer keeps only its digest (src/loaders/entry-body.ts).
            const source = (snapshot.entries[t.type as 'news'][l.locale as 'en'] as { documentId: string; body?: unknown }[]).find(
              (e) => e.documentId === item.entry.documentId,
            );
            expect(item.entry.body, `${url} ${item.entry.documentId}`).toEqual(source?.body);
            expect(fileFor(new URL(item.url).pathname), item.url).toBeDefined();
          }
          pages += 1;
        }
        const expected = (snapshot.entries[t.type as 'news'][l.locale as 'en'] as { documentId: string }[]).map((e) => e.documentId);
        expect(ids.sort(), `${l.locale} ${t.type}`).toEqual(expected.sort());
        expect(t.total).toBe(expected.length);
      }
    }
    expect(pages).toBe(localeCodes.length * contentTypes.length);
  });

  it('has schemas strict enough to refuse a page whose entry lacks a required field', () => {
    const type = index.locales[0].types[0];
    const body = json(type.pages[0]);
    const validate = ajv.compile(json(type.schema));
    delete body.items[0].entry.title;
    expect(validate(body)).toBe(false);
    expect(ajv.errorsText(validate.errors)).toMatch(/title/);
  });

  it('keeps entries in the snapshot’s shape, without the site’s image metadata', () => {
    const body = json(index.locales[0].types[0].pages[0]);
    const news = snapshot.entries.news.en.find((e) => e.documentId === body.items[0].entry.documentId)!;
    expect(body.items[0].entry).toEqual(JSON.parse(JSON.stringify(news)));
  });
});
