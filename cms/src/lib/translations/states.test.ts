import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  afterSourceSave,
  cellState,
  closeEdit,
  countsByLocale,
  isOutdated,
  markNoTranslationNeeded,
  newestSourceFirst,
  publicationState,
  sourceLocaleOf,
  type SourceRecord,
  type TranslationState,
} from './states';
import { filterRows, parseFilters } from './report';
import { textHash, textSpecOf } from './text-hash';
import { markUiStringsTranslated, readUiStrings } from './ui-strings';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const noRecord: SourceRecord = { textHash: null, editBaseHash: null, editOpen: false, aliases: {} };

describe('publication state', () => {
  it('is draft before the first publish, published when the draft is not newer, modified when it is', () => {
    expect(publicationState({ draft: { updatedAt: at(1) }, published: null }, true)).toBe('draft');
    expect(publicationState({ draft: { updatedAt: at(1) }, published: { updatedAt: at(1) } }, true)).toBe('published');
    expect(publicationState({ draft: { updatedAt: at(2) }, published: { updatedAt: at(1) } }, true)).toBe('modified');
  });

  it('is always published for a type without drafts', () => {
    expect(publicationState({ draft: { updatedAt: at(1) }, published: null }, false)).toBe('published');
  });
});

describe('cell state', () => {
  const base = { locale: 'zh', sourceLocale: 'en', currentSourceHash: 'h2', aliases: {}, hasDrafts: true };
  const published = { draft: { updatedAt: at(1) }, published: { updatedAt: at(1) } };

  it('is missing without a version in the locale', () => {
    expect(cellState({ ...base, versions: null, record: null })).toBe('missing');
  });

  it('is outdated when the translation was saved against another source text, whatever its publication state', () => {
    expect(cellState({ ...base, versions: published, record: { sourceLocale: 'en', sourceHash: 'h1' } })).toBe('outdated');
    expect(cellState({ ...base, versions: { draft: { updatedAt: at(1) }, published: null }, record: { sourceLocale: 'en', sourceHash: 'h1' } })).toBe(
      'outdated',
    );
  });

  it('follows publication when the translation matches the source text', () => {
    expect(cellState({ ...base, versions: published, record: { sourceLocale: 'en', sourceHash: 'h2' } })).toBe('published');
  });

  it('never calls the source itself outdated', () => {
    expect(cellState({ ...base, locale: 'en', versions: published, record: { sourceLocale: 'fr', sourceHash: 'x' } })).toBe('published');
  });

  it('does not call a translation outdated without a record or when it was made from another source locale', () => {
    expect(isOutdated(null, 'en', 'h2', {})).toBe(false);
    expect(isOutdated({ sourceLocale: 'fr', sourceHash: 'h1' }, 'en', 'h2', {})).toBe(false);
  });
});

describe('source locale', () => {
  it('is the locale created first, the default locale first on a tie, unless an editor marked one that exists', () => {
    const created = [
      { locale: 'fr', createdAt: at(1) },
      { locale: 'en', createdAt: at(2) },
    ];
    expect(sourceLocaleOf(created, null, ['en', 'zh', 'fr'])).toBe('fr');
    expect(
      sourceLocaleOf(
        [
          { locale: 'zh', createdAt: at(1) },
          { locale: 'en', createdAt: at(1) },
        ],
        null,
        ['en', 'zh'],
      ),
    ).toBe('en');
    expect(sourceLocaleOf(created, 'en', ['en', 'fr'])).toBe('en');
    expect(sourceLocaleOf(created, 'ar', ['en', 'fr'])).toBe('fr');
    expect(sourceLocaleOf([], null, ['en'])).toBeNull();
  });
});

describe('source edits and "no translation needed"', () => {
  it('collapses every save of one edit, so translations made before it match again', () => {
    let source = afterSourceSave(noRecord, 'h0');
    source = closeEdit(source); // a translation was saved against h0
    source = afterSourceSave(source, 'h1');
    source = afterSourceSave(source, 'h2'); // a second save of the same typo fix
    expect(isOutdated({ sourceLocale: 'en', sourceHash: 'h0' }, 'en', 'h2', source.aliases)).toBe(true);
    source = markNoTranslationNeeded(source, 'h2');
    expect(isOutdated({ sourceLocale: 'en', sourceHash: 'h0' }, 'en', 'h2', source.aliases)).toBe(false);
  });

  it('keeps translations outdated that were already outdated before the marked edit', () => {
    let source = closeEdit(afterSourceSave(noRecord, 'h0'));
    source = closeEdit(afterSourceSave(source, 'h1')); // a real change, and fr was then translated from h1
    source = afterSourceSave(source, 'h2'); // a typo fix
    source = markNoTranslationNeeded(source, 'h2');
    expect(isOutdated({ sourceLocale: 'en', sourceHash: 'h1' }, 'en', 'h2', source.aliases)).toBe(false);
    expect(isOutdated({ sourceLocale: 'en', sourceHash: 'h0' }, 'en', 'h2', source.aliases)).toBe(true);
  });

  it('makes a later real change outdate translations again', () => {
    let source = closeEdit(afterSourceSave(noRecord, 'h0'));
    source = markNoTranslationNeeded(afterSourceSave(source, 'h1'), 'h1');
    source = afterSourceSave(source, 'h2');
    expect(isOutdated({ sourceLocale: 'en', sourceHash: 'h0' }, 'en', 'h2', source.aliases)).toBe(true);
    expect(isOutdated({ sourceLocale: 'en', sourceHash: 'h0' }, 'en', 'h1', source.aliases)).toBe(false);
  });
});

describe('lists', () => {
  it('orders a queue newest source first and counts states per locale', () => {
    const rows = [
      { sourceUpdatedAt: at(1), cells: { en: { state: 'published' as const }, zh: { state: 'missing' as const } } },
      { sourceUpdatedAt: at(5), cells: { en: { state: 'modified' as const }, zh: { state: 'outdated' as const } } },
    ];
    expect(newestSourceFirst(rows).map((r) => r.sourceUpdatedAt)).toEqual([at(5), at(1)]);
    const counts = countsByLocale(rows, ['en', 'zh']);
    expect(counts.zh).toEqual({ missing: 1, draft: 0, published: 0, modified: 0, outdated: 1 });
    expect(counts.en.published + counts.en.modified).toBe(2);
  });
});

describe('text hash', () => {
  const localized = { pluginOptions: { i18n: { localized: true } } };
  const attributes = {
    slug: { type: 'string', pluginOptions: { i18n: { localized: false } } },
    title: { type: 'string', ...localized },
    body: { type: 'richtext', ...localized },
    date: { type: 'date', ...localized },
    attachments: { type: 'component', component: 'shared.file', repeatable: true, ...localized },
  };
  const components = { 'shared.file': { title: { type: 'string' }, language: { type: 'string', regex: '^[a-z]+$' }, size: { type: 'integer' } } };
  const spec = textSpecOf(attributes, components);

  it('covers localized text and the text of components, not codes, numbers, dates or shared fields', () => {
    expect(spec).toEqual({ title: true, body: true, attachments: { repeatable: true, spec: { title: true } } });
  });

  it('changes with the text and nothing else', () => {
    const entry = { slug: 'a', title: 'Title', body: 'Body', date: '2024-01-01', attachments: [{ title: 'Report', language: 'en', size: 1 }] };
    const same = textHash(spec, entry);
    expect(textHash(spec, { ...entry, slug: 'b', date: '2025-01-01', attachments: [{ title: 'Report', language: 'fr', size: 2 }] })).toBe(same);
    expect(textHash(spec, { ...entry, title: 'Title!' })).not.toBe(same);
    expect(textHash(spec, { ...entry, attachments: [{ title: 'Report 2' }] })).not.toBe(same);
  });
});

describe('UI strings', () => {
  it('reports missing keys, and outdated ones once the English value changes after the translation was marked done', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ui-strings-'));
    try {
      fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ 'a.b': 'Hello', 'a.c': 'World' }));
      fs.writeFileSync(path.join(dir, 'zh.json'), JSON.stringify({ 'a.b': '你好', 'a.c': '世界' }));
      fs.writeFileSync(path.join(dir, 'fr.json'), JSON.stringify({ 'a.b': 'Bonjour' }));
      expect(markUiStringsTranslated(dir, 'zh')).toEqual(['a.b', 'a.c']);
      fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ 'a.b': 'Hello!', 'a.c': 'World' }));
      const report = readUiStrings(dir)!;
      expect(report.entries).toContainEqual({ key: 'a.b', locale: 'zh', state: 'outdated' });
      expect(report.entries).toContainEqual({ key: 'a.c', locale: 'fr', state: 'missing' });
      expect(report.counts.zh).toEqual({ missing: 0, outdated: 1, published: 1 });
      markUiStringsTranslated(dir, 'zh', ['a.b']);
      expect(readUiStrings(dir)!.counts.zh.outdated).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('report filters', () => {
  const row = (type: string, themes: string[], zh: TranslationState, fr: TranslationState) => ({
    type,
    uid: `api::${type}.${type}`,
    documentId: `${type}-${zh}-${fr}`,
    title: type,
    sourceLocale: 'en',
    sourceUpdatedAt: null,
    themes,
    cells: { zh: { state: zh, editPath: '' }, fr: { state: fr, editPath: '' } },
  });
  const rows = [row('news', ['t1'], 'missing', 'published'), row('video', ['t2'], 'published', 'outdated'), row('theme', [], 'published', 'published')];

  it('keeps known types, locales and states from a query and drops the rest', () => {
    expect(parseFilters({ type: 'news', locale: 'zh', state: 'missing,outdated,bogus', theme: 't1' })).toEqual({
      type: 'news',
      locale: 'zh',
      states: ['missing', 'outdated'],
      theme: 't1',
    });
    expect(parseFilters({ type: 'nothing', locale: 'xx', state: '' })).toEqual({ type: undefined, locale: undefined, theme: undefined, states: undefined });
  });

  it("selects rows by type and theme, and by a locale's state or, without a locale, any cell's", () => {
    expect(filterRows(rows, { theme: 't2' }).map((r) => r.type)).toEqual(['video']);
    expect(filterRows(rows, { locale: 'zh', states: ['missing', 'outdated'] }).map((r) => r.type)).toEqual(['news']);
    expect(filterRows(rows, { states: ['outdated'] }).map((r) => r.type)).toEqual(['video']);
    expect(filterRows(rows, { type: 'theme' })).toHaveLength(1);
  });
});
