import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, localeCodes } from '@ssc/content-schemas';
import { loadDemoContent, type DemoContent } from '../seed/load-content.ts';
import { cms, contentApi } from './support/http.ts';
import { runSeedJson } from './support/seed-process.ts';

const fileOf: Record<string, keyof Omit<DemoContent, 'taxonomy'>> = {
  news: 'news',
  video: 'videos',
  report: 'reports',
  policy: 'policies',
  course: 'courses',
  solution: 'solutions',
  offer: 'offers',
  demand: 'demands',
  match: 'matches',
};

/** How many documents the demo content publishes per type and locale. */
function expectedPublished(content: DemoContent, type: string, locale: string): number {
  return content[fileOf[type]].filter((d) => (d.locales as Record<string, unknown>)[locale] && !(d.draftLocales ?? []).includes(locale as never)).length;
}

/** Published entries in a locale; `slugs` narrows the count to the demo documents (other tests add their own). */
async function countPublished(plural: string, locale: string, slugs?: string[]): Promise<number> {
  const filter = (slugs ?? []).map((s, i) => `&filters[slug][$in][${i}]=${s}`).join('');
  const res = await contentApi(`/${plural}?locale=${locale}&pagination[pageSize]=1&fields[0]=slug&populate=${filter}`);
  expect(res.status).toBe(200);
  return res.body.meta.pagination.total;
}

describe('demo content seeding', () => {
  let content: DemoContent;
  beforeAll(() => {
    content = loadDemoContent();
  });

  it('provides at least 8 news, 4 videos, 4 reports, 4 policies and 4 courses, some with missing translations', () => {
    expect(content.news.length).toBeGreaterThanOrEqual(8);
    for (const key of ['videos', 'reports', 'policies', 'courses'] as const) expect(content[key].length).toBeGreaterThanOrEqual(4);
    const all = [...content.news, ...content.videos, ...content.reports, ...content.policies, ...content.courses];
    const incomplete = all.filter((d) => localeCodes.some((l) => !(d.locales as Record<string, unknown>)[l]));
    expect(incomplete.length).toBeGreaterThanOrEqual(2);
  });

  it('publishes the demo content in every locale, except deliberate drafts and missing translations', async () => {
    for (const type of contentTypes) {
      for (const locale of localeCodes) {
        const slugs = content[fileOf[type.name]].map((d) => d.slug);
        expect(await countPublished(type.pluralName, locale, slugs), `${type.name} [${locale}]`).toBe(expectedPublished(content, type.name, locale));
      }
    }
  });

  it('creates the taxonomy in all five locales', async () => {
    for (const plural of ['themes', 'countries', 'partners']) {
      const counts = await Promise.all(localeCodes.map((l) => countPublished(plural, l)));
      expect(new Set(counts).size, `${plural}: ${counts.join(',')}`).toBe(1);
      expect(counts[0]).toBeGreaterThan(0);
    }
    expect(await countPublished('themes', 'en')).toBe(4);
  });

  it('creates nothing the second time it runs', async () => {
    const slugs = content.news.map((d) => d.slug);
    const before = await countPublished('news', 'en', slugs);
    const report = await runSeedJson(cms().env);
    expect(report.created).toEqual({});
    expect(report.uploads).toBe(0);
    expect(Object.values(report.skipped).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await countPublished('news', 'en', slugs)).toBe(before);
  });
});
