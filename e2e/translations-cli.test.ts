/**
 * `npm run translations` on the demo content, against the test CMS's database while
 * that CMS runs: the table per locale, `--json` (one object per document and locale,
 * then the UI strings) and `--fail-on-missing`'s exit code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runTask, type TaskResult } from './support/tasks.ts';
import { cms, contentApi } from '../cms/test/support/http.ts';

const STATES = ['missing', 'draft', 'published', 'modified', 'outdated'];

async function documentIdOf(pluralName: string, slug: string): Promise<string> {
  const res = await contentApi(`/${pluralName}?locale=en&filters[slug][$eq]=${slug}&fields[0]=slug`);
  return res.body.data[0].documentId;
}

describe('npm run translations', () => {
  let json: TaskResult;

  beforeAll(async () => {
    json = await runTask('translations', ['--json'], cms().env);
  }, 180_000);

  it('prints one object per document and locale with its type, documentId, locale and state, then the UI strings key by key', async () => {
    expect(json.code, json.stderr).toBe(0);
    const cells = JSON.parse(json.stdout) as { type: string; documentId: string | null; locale: string; state: string; key?: string }[];
    for (const c of cells) expect(STATES).toContain(c.state);
    const state = (type: string, documentId: string, locale: string) =>
      cells.find((c) => c.type === type && c.documentId === documentId && c.locale === locale)?.state;
    const video = await documentIdOf('videos', 'kenya-post-harvest-storage-field-story');
    expect(state('video', video, 'en')).toBe('modified');
    expect(state('video', video, 'zh')).toBe('outdated');
    expect(state('news', await documentIdOf('news', 'wfp-cicg-mou-knowledge-partnership'), 'fr')).toBe('missing');
    expect(state('news', await documentIdOf('news', 'ecuador-rice-value-chains-rural-women'), 'es')).toBe('draft');
    expect(state('news', await documentIdOf('news', 'ssc-platform-launch-2022'), 'zh')).toBe('published');
    const entries = cells.filter((c) => c.type !== 'ui-string');
    expect(entries.length % 5).toBe(0);
    const strings = cells.filter((c) => c.type === 'ui-string');
    expect(strings.find((s) => s.key === 'nav.themes' && s.locale === 'zh')?.state).toBe('published');
  });

  it('prints a table per locale, and exits 1 with --fail-on-missing when a translation is missing, 0 when none is', async () => {
    const table = await runTask('translations', ['--locale', 'zh'], cms().env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^zh — Chinese \(Simplified\): \d+ missing, \d+ outdated, \d+ draft, \d+ modified, \d+ published$/m);
    expect(table.stdout).toMatch(/^ {2}outdated +video +\S+ +Field story: keeping the harvest safe in Kenya's drylands \(en\)$/m);
    const failing = await runTask('translations', ['--fail-on-missing'], cms().env);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/\d+ translations are missing/);
    // Every theme exists in every locale.
    const complete = await runTask('translations', ['--fail-on-missing', '--type', 'theme', '--json'], cms().env);
    expect(complete.code, complete.stderr).toBe(0);
  }, 240_000);
});
