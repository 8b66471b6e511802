import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collections, components, isWebUrl, URL_PATTERN, validateEntry } from '../src/index.ts';

const fixtureEntries = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'site', 'test', 'fixtures', 'snapshot', 'entries');
const frenchPolicy = () => JSON.parse(fs.readFileSync(path.join(fixtureEntries, 'policy.fr.json'), 'utf8'))[0];

describe('URL fields', () => {
  it('accept only what new URL() parses, with http: or https:', () => {
    for (const good of ['https://example.org', 'http://example.org:8080/a?b=c#d', 'https://économie.gouv.fr/loi', 'http://[::1]/'])
      expect(isWebUrl(good), good).toBe(true);
    for (const bad of [
      'https://[',
      'https://999.999.1.1/',
      'https://example.org:99999/',
      'ftp://example.org/',
      'javascript:alert(1)',
      'https://exa mple.org',
      'example.org',
    ])
      expect(isWebUrl(bad), bad).toBe(false);
  });

  it('refuse an official link that new URL() cannot parse, naming type, document, locale and field', () => {
    const policy = { ...frenchPolicy(), officialLink: 'https://[' };
    const result = validateEntry('policy', policy);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ type: 'policy', documentId: policy.documentId, locale: 'fr', field: 'officialLink' })]);
    // Even a value the pattern lets through is refused when the URL parser refuses it.
    const numeric = validateEntry('policy', { ...policy, officialLink: 'https://999.999.1.1/' });
    expect(numeric.ok).toBe(false);
    expect(new RegExp(URL_PATTERN).test('https://999.999.1.1/')).toBe(true);
  });

  it('are all marked as URLs, so Strapi and the snapshot check them alike', () => {
    for (const owner of [...collections, ...components]) {
      for (const [name, field] of Object.entries(owner.fields)) {
        if (field.kind !== 'string') continue;
        if (field.pattern === URL_PATTERN || field.format === 'url')
          expect([field.pattern, field.format], `${owner.name}.${name}`).toEqual([URL_PATTERN, 'url']);
      }
    }
  });
});

describe('date fields', () => {
  it('refuse a date that matches YYYY-MM-DD but is no day of the calendar (the site could not format it)', () => {
    const policy = frenchPolicy();
    expect(validateEntry('policy', policy).ok).toBe(true);
    for (const date of ['2021-13-01', '2021-02-30', '2021-00-10']) {
      const result = validateEntry('policy', { ...policy, dateIssued: date });
      expect(result.ok, date).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.field)).toEqual(['dateIssued']);
    }
  });
});
