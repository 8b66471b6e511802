/**
 * The whole pipeline on the real demo content: pull from the booted CMS, build and
 * audit a release, switch it live, serve it, and read it as a reader would,
 * including screenshots of an Arabic and a Chinese item page in headless Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypes,
  getLocale,
  isListed,
  isOpenOn,
  localeCodes,
  readSnapshot,
  strapiUid,
  type ContentTypeName,
  type LocaleCode,
  type Snapshot,
} from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { currentRelease } from '../scripts/lib/release.ts';
import { buildRelease, buildReportFile, type BuildReport } from '../scripts/lib/site-release.ts';
import { PAGE_BUDGET_BYTES } from '../site/lib/audit.ts';
import { serveStatic, type StaticServer } from '../site/lib/serve.ts';
import { exchangeSettingsFrom } from '../site/src/lib/exchange-status.ts';
import { loadDemoContent } from '../cms/seed/load-content.ts';
import { cms, contentApi, contentManager } from '../cms/test/support/http.ts';
import { runJsonTool } from '../cms/test/support/json-tool.ts';
import { uniqueSlug } from '../cms/test/support/fixtures.ts';
import { allItems } from '../cms/test/support/partner-api.ts';

const SITE_URL = 'https://knowledge.example.org';
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');

interface DemoDocument {
  slug: string;
  locales: Partial<Record<LocaleCode, { title: string }>>;
  draftLocales?: readonly LocaleCode[];
}

function demoDocuments(): Record<ContentTypeName, DemoDocument[]> {
  const demo = loadDemoContent();
  return {
    news: demo.news,
    video: demo.videos,
    report: demo.reports,
    policy: demo.policies,
    course: demo.courses,
    solution: demo.solutions,
    offer: demo.offers,
    demand: demo.demands,
    match: demo.matches,
  } as never;
}

const publishedIn = (doc: DemoDocument) => localeCodes.filter((l) => doc.locales[l] && !doc.draftLocales?.includes(l));
const pluralOf = (type: ContentTypeName) => contentTypes.find((t) => t.name === type)!.pluralName;

/** Every demo document with the locales it is published in and its page URL in a locale. */
function demoItems(): { doc: DemoDocument; published: LocaleCode[]; urlIn: (locale: LocaleCode) => string }[] {
  return (Object.entries(demoDocuments()) as [ContentTypeName, DemoDocument[]][]).flatMap(([type, docs]) =>
    docs.map((doc) => ({ doc, published: publishedIn(doc), urlIn: (locale: LocaleCode) => `/${locale}/${pluralOf(type)}/${doc.slug}/` })),
  );
}

describe('the demo site, built from a pull of the running CMS', () => {
  let work: string;
  let report: BuildReport & { dir: string };
  let releases: { releasesDir: string; liveLink: string };
  let server: StaticServer;
  let browser: Browser | undefined;
  let invalid: { documentId: string; slug: string };
  let snapshot: Snapshot;

  const fileOf = (urlPath: string) => path.join(releases.liveLink, urlPath, 'index.html');
  const htmlOf = (urlPath: string) => parse(fs.readFileSync(fileOf(urlPath), 'utf8'));

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-demo-site-'));
    releases = { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') };
    // A published policy without its required country (Strapi cannot require a relation): left out, and reported.
    const slug = uniqueSlug('policy-without-country');
    const policy = strapiUid(contentTypes.find((t) => t.name === 'policy')!);
    const created = await contentManager.create(policy, 'fr', {
      slug,
      title: 'Politique sans pays',
      summary: 'Laissée hors du site',
      license: 'CC-BY-4.0',
      attribution: 'Test',
      issuingBody: 'Personne',
      dateIssued: '2021-01-01',
      documentType: 'law',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    invalid = { documentId: created.body.data.documentId, slug };
    expect((await contentManager.publish(policy, invalid.documentId, 'fr')).status).toBe(200);
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    snapshot = readSnapshot(dir);
    report = await buildRelease({ snapshotDir: dir, siteUrl: SITE_URL, releases });
    server = await serveStatic(releases.liveLink, { port: 0 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('goes live only after the audit (lang/dir, budget, links, hreflang) passed, with a build report that names the entries left out', () => {
    expect(currentRelease(releases)).toBe(report.release);
    const saved = JSON.parse(fs.readFileSync(buildReportFile(releases, report.release), 'utf8'));
    expect(saved.pages).toBe(report.pages);
    expect(report.pages).toBeGreaterThan(150);
    expect(report.largestPage.bytes).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
    expect(report.warnings).toContainEqual(expect.objectContaining({ type: 'policy', documentId: invalid.documentId, locale: 'fr', field: 'country' }));
    expect(fs.existsSync(fileOf(`/fr/policies/${invalid.slug}/`))).toBe(false);
    console.info(
      `demo site: ${report.pages} pages, Astro ${report.seconds.astro.toFixed(1)} s, largest ${report.largestPage.url} ${report.largestPage.bytes} bytes gzip`,
    );
  });

  it('has a page for every published translation of every demo item, in its language and direction, and none for the others', () => {
    for (const { doc, published, urlIn } of demoItems()) {
      for (const locale of localeCodes) {
        const url = urlIn(locale);
        expect(fs.existsSync(fileOf(url)), url).toBe(published.includes(locale));
        if (!published.includes(locale)) continue;
        const page = htmlOf(url);
        const html = page.querySelector('html')!;
        expect([html.getAttribute('lang'), html.getAttribute('dir')], url).toEqual([getLocale(locale).tag, getLocale(locale).dir]);
        expect(page.querySelector('h1')!.text.trim(), url).toBe(doc.locales[locale]!.title);
      }
    }
  });

  it('lists hreflang alternates for exactly the published translations of each item', () => {
    for (const { published, urlIn } of demoItems()) {
      for (const locale of published) {
        const alternates = htmlOf(urlIn(locale))
          .querySelectorAll('link[rel="alternate"][hreflang]')
          .map((l) => l.getAttribute('hreflang'))
          .filter((h) => h !== 'x-default');
        expect(alternates.sort(), urlIn(locale)).toEqual(published.map((l) => getLocale(l).tag).sort());
      }
    }
  });

  it('never puts a draft translation on any page', () => {
    const draftTitles = Object.values(demoDocuments())
      .flat()
      .flatMap((doc) => (doc.draftLocales ?? []).map((l) => doc.locales[l]!.title));
    expect(draftTitles.length).toBeGreaterThan(0);
    for (const entry of fs.readdirSync(releases.liveLink, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(html|xml|json|txt)$/.test(entry.name)) continue;
      const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      for (const title of draftTitles) expect(text.includes(title), `${entry.name} holds the draft "${title}"`).toBe(false);
    }
  });

  it('publishes feeds (parsed independently) and JSON pages holding only entries published in their locale', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry'].includes(name) });
    const host = new URL(SITE_URL).hostname;
    let feeds = 0;
    for (const locale of localeCodes) {
      const tag = getLocale(locale).tag;
      const published = new Set(contentTypes.flatMap((t) => snapshot.entries[t.name][locale].map((e) => `tag:${host},2026:${e.documentId}/${locale}`)));
      // Feeds leave out expired offers and closed demands, which keep their pages.
      const entries = contentTypes.flatMap((t) => snapshot.entries[t.name][locale] as { type: string }[]);
      const total = entries.filter((e) => isListed(e, exchangeSettingsFrom().today)).length;
      const dir = path.join(releases.liveLink, locale, 'feeds');
      for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(rss\.xml|atom\.xml|json)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const text = fs.readFileSync(file, 'utf8');
        let ids: string[];
        if (entry.name.endsWith('.rss.xml')) {
          const channel = xml.parse(text).rss.channel;
          expect(channel.language, file).toBe(tag);
          ids = (channel.item ?? []).map((i: { guid: { '#text': string } }) => i.guid['#text']);
        } else if (entry.name.endsWith('.atom.xml')) {
          const feed = xml.parse(text).feed;
          expect(feed['@xml:lang'], file).toBe(tag);
          ids = (feed.entry ?? []).map((e: { id: string }) => e.id);
        } else {
          const json = JSON.parse(text);
          expect(json.language, file).toBe(tag);
          ids = json.items.map((i: { id: string }) => i.id);
        }
        for (const id of ids) expect(published.has(id), `${file}: ${id}`).toBe(true);
        if (entry.name.startsWith('all.')) expect(ids.length, file).toBe(Math.min(50, total));
        feeds += 1;
      }
      for (const type of contentTypes) {
        const pages = path.join(releases.liveLink, 'api', locale, type.pluralName);
        const documentIds = fs.existsSync(pages)
          ? fs
              .readdirSync(pages)
              .flatMap((f) => JSON.parse(fs.readFileSync(path.join(pages, f), 'utf8')).items.map((i: { entry: { documentId: string } }) => i.entry.documentId))
          : [];
        expect(documentIds.sort(), `/api/${locale}/${type.pluralName}/`).toEqual(snapshot.entries[type.name][locale].map((e) => e.documentId).sort());
      }
    }
    // RSS, Atom and JSON Feed of all content, of each type and of each theme, in every locale.
    expect(feeds).toBe(localeCodes.reduce((n, l) => n + 3 * (1 + contentTypes.length + snapshot.entries.theme[l].length), 0));
  });

  it('has a lesson page for every lesson of every published course, and quizzes as forms, in all five languages', () => {
    const demo = loadDemoContent();
    const withQuizzes = new Set<LocaleCode>();
    for (const course of demo.courses) {
      for (const locale of publishedIn(course)) {
        for (const lesson of course.locales[locale]!.modules.flatMap((m) => m.lessons)) {
          const url = `/${locale}/courses/${course.slug}/${lesson.slug}/`;
          const page = htmlOf(url);
          expect(page.querySelector('h1')!.text.trim(), url).toBe(lesson.title);
          expect(page.querySelector('html')!.getAttribute('dir'), url).toBe(getLocale(locale).dir);
          if (lesson.kind !== 'quiz') continue;
          const quiz = demo.quizzes.find((q) => q.slug === lesson.quiz)!;
          const form = page.querySelector('form.quiz')!;
          expect(form.querySelectorAll('fieldset'), url).toHaveLength(quiz.locales[locale]!.questions.length);
          withQuizzes.add(locale);
        }
      }
    }
    expect([...withQuizzes].sort()).toEqual([...localeCodes].sort());
  });

  it("never puts a quiz's answers or feedback in the snapshot, any page, feed or the static JSON API", () => {
    const feedback = loadDemoContent().quizzes.flatMap((q) =>
      Object.values(q.locales).flatMap((l) => l!.questions.flatMap((question) => question.choices.map((c) => c.feedback ?? '').filter(Boolean))),
    );
    expect(feedback.length).toBeGreaterThan(20);
    for (const root of [releases.liveLink, snapshot.dir]) {
      for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(html|xml|json|txt|js)$/.test(entry.name)) continue;
        const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        expect(text, entry.name).not.toMatch(/"correct"\s*:|"feedback"\s*:/);
        for (const f of feedback) expect(text.includes(f), `${entry.name} holds the feedback "${f}"`).toBe(false);
      }
    }
  });

  it("never puts an exchange submitter's details, a moderation note or a broker's notes in the snapshot, any page, feed or the static JSON API", () => {
    const demo = loadDemoContent();
    const secrets = [
      ...[...demo.offers, ...demo.demands].flatMap((d) => Object.values(d.shared.submission ?? {}).filter((v) => v.length > 8)),
      ...demo.matches.flatMap((m) => (m.shared.brokerNotes ? [m.shared.brokerNotes] : [])),
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const root of [releases.liveLink, snapshot.dir]) {
      for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(html|xml|json|txt|js)$/.test(entry.name)) continue;
        const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        expect(text, entry.name).not.toMatch(/"(contactEmail|contactName|moderationNote|brokerNotes)"\s*:/);
        for (const secret of secrets) expect(text.includes(secret), `${entry.name} holds "${secret}"`).toBe(false);
      }
    }
  });

  it('agrees with the partner API on every demand and offer: its state or validUntil, and open exactly when its feed lists it', async () => {
    const { today } = exchangeSettingsFrom();
    const seen = new Set<boolean>();
    let compared = 0;
    for (const locale of localeCodes) {
      for (const type of ['demand', 'offer'] as const) {
        const plural = pluralOf(type);
        const pages = path.join(releases.liveLink, 'api', locale, plural);
        const entries = fs
          .readdirSync(pages)
          .flatMap((f) => JSON.parse(fs.readFileSync(path.join(pages, f), 'utf8')).items.map((i: { entry: Record<string, unknown> }) => i.entry));
        const partner = new Map((await allItems(`&locale=${locale}&type=${type}`)).map((i) => [i.documentId, i]));
        const feed = fs.readFileSync(path.join(releases.liveLink, locale, 'feeds', `${plural}.json`), 'utf8');
        for (const entry of entries) {
          const where = `${type} ${entry.slug} [${locale}]`;
          const item = partner.get(entry.documentId);
          expect(item, where).toBeDefined();
          if (type === 'demand') expect(item.state, where).toBe(entry.state);
          else expect(item.validUntil, where).toBe(entry.validUntil ?? null);
          expect(item.open, where).toBe(isOpenOn(entry as { type: string }, today));
          expect(feed.includes(`:${entry.documentId}/${locale}"`), where).toBe(item.open);
          seen.add(item.open);
          compared += 1;
        }
      }
    }
    // The demo has open and closed ones (a met and a closed demand, an expired offer).
    expect([...seen].sort()).toEqual([false, true]);
    expect(compared).toBeGreaterThan(10);
  });

  it('serves every locale home with all five content types over HTTP', async () => {
    for (const locale of localeCodes) {
      const res = await fetch(`${server.url}/${locale}/`);
      expect(res.status).toBe(200);
      const body = await res.text();
      for (const type of contentTypes) expect(body, `${locale} ${type.name}`).toContain(`href="/${locale}/${type.pluralName}/`);
    }
  });

  describe('in headless Chromium', () => {
    beforeAll(async () => {
      browser = await launchChromium();
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
    });

    /** Opens an item page on a phone-sized screen and saves its screenshot. */
    async function screenshot(locale: LocaleCode, type: ContentTypeName) {
      const doc = demoDocuments()[type].find((d) => publishedIn(d).length === localeCodes.length)!;
      const page = await browser!.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, javaScriptEnabled: false });
      const url = `${server.url}/${locale}/${pluralOf(type)}/${doc.slug}/`;
      expect((await page.goto(url))!.status()).toBe(200);
      const file = path.join(SCREENSHOTS, `${locale}-${type}-${doc.slug}.png`);
      const png = await page.screenshot({ path: file, fullPage: true });
      return { page, doc, png, file };
    }

    it('publishes the certificates’ keys and status list, and the verify page says valid for a certificate the CMS issued', async () => {
      for (const file of ['issuer.json', 'status/1.json']) expect(fs.existsSync(path.join(releases.liveLink, 'credentials', file)), file).toBe(true);
      const courses = await contentApi<{ data: { documentId: string }[] }>('/courses?locale=fr&fields[0]=title&pagination[pageSize]=1');
      const args = [
        'issue',
        '--learner-id',
        '880001',
        '--email',
        'e2e-learner@example.org',
        '--course',
        courses.body.data[0]!.documentId,
        '--locale',
        'fr',
        '--json',
      ];
      const issued = await runJsonTool<{ id: string }>('tools/credentials.ts', args, cms().env);
      const page = await browser!.newPage();
      await page.goto(`${server.url}/fr/verify/#${cms().url}/api/learning/certificates/${issued.id}.json`);
      await page.waitForFunction(() => {
        const state = document.querySelector<HTMLElement>('[data-verify-status]')?.dataset.state;
        return !!state && state !== 'checking';
      });
      expect(await page.evaluate(() => document.querySelector<HTMLElement>('[data-verify-status]')!.dataset.state)).toBe('valid');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'fr-verify-cms-certificate.png'), fullPage: true });
      await page.close();
    });

    it('lays out an Arabic item page right to left (screenshot saved)', async () => {
      const { page, png } = await screenshot('ar', 'news');
      const layout = await page.evaluate(() => {
        const h1 = document.querySelector('h1')!.getBoundingClientRect();
        return {
          direction: getComputedStyle(document.documentElement).direction,
          h1Right: h1.right,
          h1Left: h1.left,
          width: document.documentElement.clientWidth,
        };
      });
      expect(layout.direction).toBe('rtl');
      // The heading starts at the right edge (within the page padding) and not at the left.
      expect(layout.width - layout.h1Right).toBeLessThan(40);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
      await page.close();
    });

    it('shows the solutions exchange in Arabic and Chinese: a solution right to left, a Chinese offer and a match story (screenshots saved)', async () => {
      const { page } = await screenshot('ar', 'solution');
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
      expect(await page.locator('dl.facts').innerText()).toContain('آخر تحقق');
      await page.close();
      for (const [type, slug] of [
        ['offers', 'nafra-academy-post-harvest-grain-training'],
        ['matches', 'kenya-county-grain-storage-training-match'],
      ]) {
        const zh = await browser!.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, javaScriptEnabled: false });
        expect((await zh.goto(`${server.url}/zh/${type}/${slug}/`))!.status()).toBe(200);
        const text = await zh.locator('main').innerText();
        expect(text).toContain(type === 'offers' ? '培训' : '已完成');
        await zh.screenshot({ path: path.join(SCREENSHOTS, `zh-${type}-${slug}.png`), fullPage: true });
        await zh.close();
      }
    });

    it('typesets a Chinese item page with a CJK system font, every glyph found (screenshot saved)', async () => {
      const { page, png, doc } = await screenshot('zh', 'report');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const cjkGlyphs = fonts.filter((f) => /CJK/.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0);
      const hanCharacters = [...doc.locales.zh!.title].filter((c) => /\p{Script=Han}/u.test(c)).length;
      expect(hanCharacters).toBeGreaterThan(4);
      expect(cjkGlyphs, JSON.stringify(fonts)).toBeGreaterThanOrEqual(hanCharacters);
      expect(png.length).toBeGreaterThan(10_000);
      await page.close();
    });
  });
});
