/**
 * Issue 12: a sixth language and a sixth content type in one change. The repository
 * (its working tree) is copied to a temporary folder, where only the content model
 * (content-schemas/src/locales.ts, content-schemas/src/model.ts) and the UI strings
 * (site/src/i18n/) change: Portuguese and an `event` type are added. The copy's own
 * code then generates the CMS files and builds the fixture site, which must have
 * the new language everywhere (pages, lang, hreflang, sitemap, feeds, search index)
 * and the new type's list and item pages; the copy must still type-check (workspace,
 * CMS, site with its .astro files), convert a benchmark corpus, and pass its own site
 * tests that go over every locale and type. Any other file the copy needed would be
 * a defect of the code: the model is meant to be the only place to change.
 *
 * Test data is not "another file": the fixture snapshot gets its Portuguese entries
 * from the copy's own fixture helper (site/test/fixture-snapshot.ts), and the test
 * writes a few event entries, copied from English news, into the built snapshot.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { repoRoot } from '../lib/paths.ts';
import { tempRoot } from '../../test-support/variant-snapshot.ts';

const SITE_URL = 'https://knowledge.example.org';
const root = tempRoot('ssc-sixth-');
const copy = path.join(root, 'repo');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const PORTUGUESE = "  { code: 'pt', tag: 'pt-BR', nativeName: 'Português', englishName: 'Portuguese', dir: 'ltr' },\n";

const EVENT_TYPE = `
const event = {
  name: 'event',
  singularName: 'event',
  pluralName: 'events',
  displayName: 'Event',
  description: 'Seminars, trainings and field visits.',
  draftAndPublish: true,
  fields: {
    ...common,
    startDate: f.date({ required: true }),
    venue: f.string({ required: true, maxLength: 200 }),
    format: f.enum({ required: true, values: ['in-person', 'online', 'hybrid'] }),
    body: f.richtext({ required: true }),
    heroImage: f.component({ component: 'shared.captioned-image', repeatable: false, required: true }),
    attachments: f.component({ component: 'shared.file-attachment', repeatable: true }),
    organizer: f.relation({ target: 'partner', multiple: false, author: true }),
    partners: f.relation({ target: 'partner', multiple: true }),
  },
} as const satisfies CollectionDefinition;

`;

/** Edits one file of the copy, failing when the edit no longer applies (the file changed shape). */
function edit(rel: string, change: (text: string) => string): void {
  const file = path.join(copy, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${rel} no longer applies`);
  fs.writeFileSync(file, after);
}

/** The working tree (tracked files and untracked ones that are not ignored), with node_modules linked rather than installed. */
function copyRepository(): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const rel of files) {
    const source = path.join(repoRoot, rel);
    const stat = fs.lstatSync(source, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink() || !stat.isFile()) continue; // deleted in the working tree, or a link to a tool folder
    fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
    fs.copyFileSync(source, path.join(copy, rel));
  }
  // Packages are linked from the repository; the workspaces (@ssc/*) must be the copy's own.
  const modules = path.join(copy, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (name === '@ssc') continue;
    fs.symlinkSync(path.join(repoRoot, 'node_modules', name), path.join(modules, name));
  }
  fs.mkdirSync(path.join(modules, '@ssc'));
  for (const name of fs.readdirSync(path.join(repoRoot, 'node_modules', '@ssc'))) {
    const workspace = path.relative(repoRoot, fs.realpathSync(path.join(repoRoot, 'node_modules', '@ssc', name)));
    fs.symlinkSync(path.join(copy, workspace), path.join(modules, '@ssc', name));
  }
  for (const workspace of ['cms', 'content-schemas', 'site']) {
    const own = path.join(repoRoot, workspace, 'node_modules');
    if (fs.existsSync(own)) fs.symlinkSync(own, path.join(copy, workspace, 'node_modules'));
  }
}

/** Runs a script of the copy (a path relative to it) with this Node; resolves with its output. */
function runInCopy(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env };
    const child = spawn(process.execPath, [path.join(copy, script), ...args], { cwd: options.cwd ?? copy, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/** A script in the copy that runs the copy's fixture helper and build (test scaffolding, not a repository file). */
const SCRIPT = `
import { buildSite } from './site/lib/build.ts';
import { completeFixture } from './site/test/fixture-snapshot.ts';
const [command, ...args] = process.argv.slice(2);
if (command === 'fixture') console.log(completeFixture(args[0]));
else if (command === 'corpus') {
  const { readSnapshot } = await import('@ssc/content-schemas');
  const { referenceCorpus } = await import('./scripts/bench/reference-corpus.ts');
  const { writeCorpusSnapshot } = await import('./scripts/bench/corpus-snapshot.ts');
  await writeCorpusSnapshot(referenceCorpus(Number(args[1])), args[0]);
  const { entries } = readSnapshot(args[0]);
  console.log(JSON.stringify(Object.fromEntries(Object.entries(entries).map(([type, byLocale]) => [type, Object.fromEntries(Object.entries(byLocale).map(([l, list]) => [l, list.length]))]))));
} else {
  const [snapshotDir, outDir, cacheDir, siteUrl] = args;
  const built = await buildSite({ snapshotDir, outDir, cacheDir, siteUrl, incremental: false });
  console.log(JSON.stringify({ pages: built.pages }));
}
`;

type Json = Record<string, any>;
const lastLine = (output: string) => output.trim().split('\n').at(-1)!;
const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Event entries in English and Portuguese, made from the English news of the snapshot (test data). */
function addEvents(snapshot: string): string[] {
  const entries = (collection: string, locale: string): Json[] => readJson(path.join(snapshot, 'entries', `${collection}.${locale}.json`));
  const report = entries('report', 'en').find((r) => r.attachments.length > 0)!;
  const partner = entries('partner', 'en')[0];
  const slugs: string[] = [];
  for (const locale of ['en', 'pt']) {
    const events = entries('news', 'en').map((n, i) => ({
      type: 'event',
      documentId: `event${String(i).padStart(19, '0')}`,
      locale,
      publishedAt: n.publishedAt,
      updatedAt: n.updatedAt,
      translations: ['en', 'pt'],
      slug: `event-${n.slug}`,
      title: `${locale === 'pt' ? 'Evento' : 'Event'}: ${n.title}`,
      summary: n.summary,
      themes: n.themes,
      countries: n.countries,
      license: n.license,
      attribution: n.attribution,
      seo: null,
      startDate: `2025-0${i + 1}-1${i}`,
      venue: 'Beijing',
      format: 'hybrid',
      body: `${n.body}\n\nEVENT-BODY-MARKER`,
      heroImage: n.heroImage,
      attachments: report.attachments,
      organizer: { documentId: partner.documentId, slug: partner.slug },
      partners: [],
    }));
    fs.writeFileSync(path.join(snapshot, 'entries', `event.${locale}.json`), JSON.stringify(events, null, 2));
    if (locale === 'en') slugs.push(...events.map((e) => e.slug));
  }
  const manifest = readJson(path.join(snapshot, 'manifest.json'));
  manifest.counts.event = Object.fromEntries(manifest.locales.map((l: string) => [l, ['en', 'pt'].includes(l) ? slugs.length : 0]));
  fs.writeFileSync(path.join(snapshot, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return slugs;
}

describe('the content model', { timeout: 300_000 }, () => {
  it('adds a language and a content type by changing only the content model and the UI strings', async () => {
    copyRepository();

    // The change: one locale entry, one type in the model, the new language's strings and the type's names.
    edit('content-schemas/src/locales.ts', (s) => s.replace(/(\n)(\] as const satisfies readonly LocaleDefinition\[\];)/, `$1${PORTUGUESE}$2`));
    edit('content-schemas/src/model.ts', (s) =>
      s
        .replace('export const taxonomies = ', `${EVENT_TYPE}export const taxonomies = `)
        .replace(/export const contentTypes = \[([^\]]*)\]/, 'export const contentTypes = [$1, event]'),
    );
    const i18n = path.join(copy, 'site', 'src', 'i18n');
    const english = readJson(path.join(i18n, 'en.json'));
    fs.writeFileSync(
      path.join(i18n, 'pt.json'),
      JSON.stringify({ ...english, 'site.tagline': 'Conhecimento da cooperação Sul-Sul sobre segurança alimentar' }, null, 2),
    );
    for (const file of fs.readdirSync(i18n).filter((name) => name.endsWith('.json'))) {
      const strings = readJson(path.join(i18n, file));
      fs.writeFileSync(path.join(i18n, file), JSON.stringify({ ...strings, 'types.event.plural': 'Events', 'types.event.all': 'All events' }, null, 2));
    }

    // Generate: the CMS's files for the type, its locales and roles, the partner API's locales.
    const generated = await runInCopy('scripts/tasks/generate.ts', []);
    expect(generated).toContain('src/api/event/content-types/event/schema.json');
    const model = readJson(path.join(copy, 'cms', 'src', 'generated', 'model.json'));
    expect(model.locales.map((l: Json) => l.code)).toContain('pt');
    expect(model.collections.map((c: Json) => c.name)).toContain('event');
    expect(fs.readFileSync(path.join(copy, 'cms', 'src', 'generated', 'partner-api.openapi.json'), 'utf8')).toContain('"pt"');
    expect(await runInCopy('scripts/tasks/generate.ts', ['--check'])).toContain('match');

    // The fixture site of the copy, with its Portuguese entries derived from English and a few events.
    fs.writeFileSync(path.join(copy, 'sixth.ts'), SCRIPT);
    const snapshot = lastLine(await runInCopy('sixth.ts', ['fixture', path.join(root, 'snapshot')]));
    expect(snapshot).toBe(path.join(root, 'snapshot'));
    const events = addEvents(snapshot);
    const out = path.join(root, 'site');
    await runInCopy('sixth.ts', ['build', snapshot, out, path.join(copy, 'site', '.astro', 'sixth-cache'), SITE_URL]);
    const html = (url: string) => {
      const file = path.join(out, url, 'index.html');
      expect(fs.existsSync(file), url).toBe(true);
      return parse(fs.readFileSync(file, 'utf8'));
    };
    const alternates = (doc: ReturnType<typeof parse>) =>
      Object.fromEntries(doc.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));

    // Portuguese pages, with their lang, dir, strings and hreflang both ways.
    const home = html('pt');
    expect(home.querySelector('html')!.getAttribute('lang')).toBe('pt-BR');
    expect(home.querySelector('html')!.getAttribute('dir')).toBe('ltr');
    expect(home.toString()).toContain('Conhecimento da cooperação Sul-Sul');
    expect(alternates(home)['pt-BR']).toBe(`${SITE_URL}/pt/`);
    expect(alternates(html('en'))['pt-BR']).toBe(`${SITE_URL}/pt/`);
    const news = readJson(path.join(snapshot, 'entries', 'news.en.json'))[0];
    expect(alternates(html(`en/news/${news.slug}`))['pt-BR']).toBe(`${SITE_URL}/pt/news/${news.slug}/`);
    expect(html(`pt/news/${news.slug}`).querySelector('html')!.getAttribute('lang')).toBe('pt-BR');
    for (const page of ['pt/news', 'pt/about', 'pt/search', 'pt/feeds']) html(page);

    // The sitemap and the feeds.
    const sitemap = fs
      .readdirSync(out)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => fs.readFileSync(path.join(out, f), 'utf8'))
      .join('');
    expect(sitemap).toContain(`${SITE_URL}/pt/news/${news.slug}/`);
    expect(sitemap).toContain(`${SITE_URL}/pt/events/${events[0]}/`);
    expect(fs.readFileSync(path.join(out, 'pt', 'feeds', 'all.rss.xml'), 'utf8')).toContain('<language>pt-BR</language>');
    const eventFeed = readJson(path.join(out, 'pt', 'feeds', 'events.json'));
    expect(eventFeed.items).toHaveLength(events.length);
    expect(eventFeed.items[0].authors?.[0]?.name).toBeTruthy();
    expect(eventFeed.items[0].attachments?.length).toBeGreaterThan(0);

    // One search index per language, Portuguese included, with its item pages (events among them).
    const bundle = readJson(path.join(out, 'pagefind', 'pagefind-entry.json'));
    expect(bundle.languages['pt-br']?.page_count).toBeGreaterThan(events.length);
    expect(fs.readdirSync(path.join(out, 'pagefind', 'fragment')).some((f) => f.startsWith('pt-br_'))).toBe(true);

    // The new type: its lists, and item pages with everything the model gives it.
    for (const list of ['en/events', 'pt/events']) {
      const links = html(list)
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href'));
      expect(links, list).toContain(`/${list}/${events[0]}/`);
    }
    const item = html(`en/events/${events[0]}`);
    const article = item.querySelector('article[data-pagefind-body]')!;
    expect(article.querySelector('h1')?.text).toMatch(/^Event: /);
    expect(article.querySelector('.lead')?.text, 'summary').toBe(news.summary);
    expect(article.querySelector('time')?.getAttribute('datetime'), 'date').toBe('2025-01-10');
    expect(article.querySelector('.body')?.text, 'body').toContain('EVENT-BODY-MARKER');
    expect(article.querySelector('figure img'), 'image').not.toBeNull();
    expect(article.querySelector('ul.files a[download]'), 'attachments').not.toBeNull();
    expect(
      article.querySelectorAll('a').some((a) => a.getAttribute('href')?.startsWith('/en/themes/')),
      'themes',
    ).toBe(true);
    expect(alternates(item)['pt-BR']).toBe(`${SITE_URL}/pt/events/${events[0]}/`);
    expect(fs.existsSync(path.join(out, 'api', 'pt', 'events', '1.json'))).toBe(true);

    // And the code still type-checks as it is: the workspace, the CMS (its generated files for the type included)
    // and the site with its .astro files (as `npm test` checks it). No per-type or per-language table needed a line.
    await runInCopy('node_modules/typescript/bin/tsc', ['-p', copy]);
    await runInCopy('node_modules/typescript/bin/tsc', ['-p', path.join(copy, 'cms'), '--noEmit']);
    await runInCopy('node_modules/astro/bin/astro.mjs', ['check'], { cwd: path.join(copy, 'site'), env: { SSC_SNAPSHOT_DIR: snapshot } });
    await runInCopy('node_modules/typescript/bin/tsc', ['-p', path.join(copy, 'site')]);

    // The benchmark corpus writes the new language and type too, and its snapshot is valid.
    const corpus = JSON.parse(lastLine(await runInCopy('sixth.ts', ['corpus', path.join(root, 'corpus'), '30']))) as Record<string, Record<string, number>>;
    expect(corpus.event.pt).toBeGreaterThan(0);
    expect(corpus.news.pt).toBe(corpus.news.en);

    // The copy's own site tests that go over every locale and type pass as they are: UI strings (one file per
    // locale, every type named, every shown enum labelled), pages, feeds, static API and search index.
    const siteTests = ['i18n', 'pages', 'feeds', 'static-api', 'search-index'].map((name) => `site/test/${name}.test.ts`);
    expect(await runInCopy('node_modules/vitest/vitest.mjs', ['run', '--project', 'site', ...siteTests])).toContain('passed');
  });
});
