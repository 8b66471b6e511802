/**
 * Hostile content end to end: a snapshot whose every text field, alt text, caption,
 * credit, file name and media type carries script-injection payloads (see
 * hostile-snapshot.ts) is validated, built with the real Astro build, served, and
 * every HTML page is opened in headless Chromium with JavaScript on. No payload may
 * run, and none may leave a live trace in the DOM: no event-handler attribute, no
 * script URL, no script, style, frame, object or refresh the site does not emit
 * itself (the fixture site's own build says what it emits). Search results, feeds
 * and the static JSON API get the same content and are checked too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmsPublicUrl, contentTypes, localeCodes, readSnapshot, validateEntry } from '@ssc/content-schemas';
import { launchChromium } from '../../test-support/browser.ts';
import { buildSite } from '../lib/build.ts';
import { siteRoot } from '../lib/config.ts';
import { serveStatic, type StaticServer } from '../lib/serve.ts';
import { site } from './helpers.ts';
import { ENTITY_PAYLOAD, modelTextFields, readEntry, withValueAt, writeHostileSnapshot, type HostileSnapshot } from './hostile-snapshot.ts';

/** Every file of a folder, as paths relative to it with forward slashes. */
function filesOf(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The URL path of a built HTML file. */
const urlOf = (file: string) => (file.endsWith('index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`);

/**
 * What the fixture site emits itself and a content value never may: its scripts
 * (by src, or by their inline text), its <style> elements and its stylesheet links.
 */
function ownActiveElements(dir: string): Set<string> {
  const own = new Set<string>();
  for (const file of filesOf(dir, '.html')) {
    const doc = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const el of doc.querySelectorAll('script, style, link[rel="stylesheet"]'))
      own.add(activeSignature(el.tagName, el.getAttribute('src') ?? el.getAttribute('href') ?? null, el.textContent));
  }
  return own;
}

function activeSignature(tag: string, url: string | null, text: string): string {
  return url ? `${tag.toLowerCase()} ${url}` : `${tag.toLowerCase()} ${text.trim()}`;
}

interface PageReport {
  url: string;
  /** Calls of window.__pwned: a payload ran. */
  pwned: string[];
  dialogs: string[];
  errors: string[];
  /** Where the page ended up (a refresh or a script could move it). */
  finalUrl: string;
  /** Live traces of content in the DOM, each described. */
  findings: string[];
  /** Script, style and stylesheet elements of the page, by signature. */
  active: string[];
  title: string;
  text: string;
}

/**
 * Runs in the page: describes every DOM trace that could run script or change the
 * page's behaviour. Kept self-contained, since Playwright sends it to the browser as text.
 */
function inspectDom(cmsForms: string[]): { findings: string[]; active: string[]; title: string; text: string } {
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'codebase', 'cite'];
  const FORBIDDEN = ['IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'BASE', 'PORTAL'];
  const findings: string[] = [];
  const active: string[] = [];
  const where = (el: Element) => `<${el.tagName.toLowerCase()}> in <${el.parentElement?.tagName.toLowerCase() ?? '#root'}>`;
  for (const el of document.querySelectorAll('*')) {
    if (FORBIDDEN.includes(el.tagName.toUpperCase())) findings.push(`${where(el)} element`);
    if (el.tagName === 'META' && el.hasAttribute('http-equiv')) findings.push(`${where(el)} http-equiv=${el.getAttribute('http-equiv')}`);
    // Forms post to the site itself (or nowhere: the verify page's form is read by its script), or to the CMS's
    // learning API (accounts, quizzes, enrolment, progress) or the exchange's submissions.
    const action = el.getAttribute('action') ?? '';
    if (el.tagName === 'FORM' && action !== '' && !/^\/(?!\/)/.test(action) && !cmsForms.some((prefix) => action.startsWith(prefix)))
      findings.push(`${where(el)} posting to ${action}`);
    if (el.hasAttribute('srcdoc')) findings.push(`${where(el)} srcdoc`);
    // The site sets no inline style itself; one from content could cover the page with a fake one.
    if (el.hasAttribute('style')) findings.push(`${where(el)} style="${el.getAttribute('style')}"`);
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`${where(el)} ${name}="${attribute.value}"`);
      if (URL_ATTRIBUTES.includes(name)) {
        // Browsers ignore control characters and spaces before and inside a scheme.
        // eslint-disable-next-line no-control-regex -- browsers drop control characters from URLs, so the test does too
        const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        const favicon = el.tagName === 'LINK' && value === 'data:,';
        if (/^(javascript|vbscript):/.test(value) || (value.startsWith('data:') && !favicon)) findings.push(`${where(el)} ${name}="${attribute.value}"`);
      }
    }
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || (el.tagName === 'LINK' && el.getAttribute('rel') === 'stylesheet')) {
      const url = el.getAttribute('src') ?? el.getAttribute('href');
      active.push(url ? `${el.tagName.toLowerCase()} ${url}` : `${el.tagName.toLowerCase()} ${(el.textContent ?? '').trim()}`);
    }
  }
  return { findings, active, title: document.title, text: document.body?.innerText ?? '' };
}

/** Opens a page with `window.__pwned` recording calls, and reports what happened and what the DOM holds. */
async function visit(tab: Page, origin: string, url: string, settle?: (tab: Page) => Promise<void>): Promise<PageReport> {
  const dialogs: string[] = [];
  const errors: string[] = [];
  const onDialog = (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  };
  const onError = (error: Error) => errors.push(error.message);
  tab.on('dialog', onDialog);
  tab.on('pageerror', onError);
  try {
    await tab.goto(`${origin}${url}`, { waitUntil: 'load' });
    if (settle) await settle(tab);
    // Let timers and handlers queued by the load run.
    await tab.waitForTimeout(20);
    const dom = await tab.evaluate(inspectDom, [`${cmsPublicUrl()}/api/learning/`, `${cmsPublicUrl()}/api/exchange/submissions`]);
    const pwned = await tab.evaluate(() => (window as unknown as { __pwnedCalls: string[] }).__pwnedCalls.slice());
    return { url, pwned, dialogs, errors, finalUrl: new URL(tab.url()).pathname, ...dom };
  } finally {
    tab.off('dialog', onDialog);
    tab.off('pageerror', onError);
  }
}

/** The page's problems as lines: empty when nothing of the content ran or survived as markup. */
function problemsOf(report: PageReport, own: Set<string>): string[] {
  return [
    ...report.pwned.map((p) => `ran __pwned(${p})`),
    ...report.dialogs.map((d) => `opened a dialog (${d})`),
    ...report.errors.map((e) => `threw ${e}`),
    ...(report.finalUrl === new URL(report.url, 'http://site.invalid').pathname ? [] : [`moved to ${report.finalUrl}`]),
    ...report.findings,
    ...report.active.filter((a) => !own.has(a)).map((a) => `has a script or style the site does not emit: ${a.slice(0, 200)}`),
  ].map((line) => `${report.url}: ${line}`);
}

/** Passes when `problems` is empty; otherwise fails listing the first of them in full. */
function expectNone(problems: string[]): void {
  expect(problems.length ? `${problems.length} problems, the first:\n${problems.slice(0, 40).join('\n')}` : '').toBe('');
}

const ITEM_PAGE = new RegExp(`^/(${localeCodes.join('|')})/(${contentTypes.map((t) => t.pluralName).join('|')})/(?!page/)[^/]+/$`);

describe('hostile content (payloads in every text field, alt text, caption and file name)', () => {
  let scratch: string;
  let snapshotDir: string;
  let outDir: string;
  let cacheDir: string;
  let hostile: HostileSnapshot;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-hostile-'));
    snapshotDir = path.join(scratch, 'snapshot');
    outDir = path.join(scratch, 'site');
    fs.mkdirSync(path.join(siteRoot, '.astro'), { recursive: true });
    cacheDir = fs.mkdtempSync(path.join(siteRoot, '.astro', 'test-cache-hostile-'));
    hostile = writeHostileSnapshot(site.snapshotDir, snapshotDir);
    // Fails here, naming every problem, if the payloads made the snapshot invalid: the build would refuse it.
    readSnapshot(snapshotDir);
    await buildSite({ snapshotDir, outDir, siteUrl: site.siteUrl, cacheDir });
    server = await serveStatic(outDir, { port: 0 });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  describe('the hostile snapshot', () => {
    it('puts payloads into every text field of the model, or the field refuses every payload by its pattern', () => {
      const all = modelTextFields();
      expect(
        all.filter((key) => !hostile.attacked.has(key) && !hostile.refused.has(key)),
        'fields the fixture gave no value to attack',
      ).toEqual([]);
      expect(hostile.attacked.size).toBeGreaterThan(30);
      // Only fields with a pattern (slugs, codes, language tags) may stay clean.
      expect([...hostile.refused.keys()].filter((key) => !hostile.patterned.has(key))).toEqual([]);
      // URL fields take a payload (an https URL that tries to break out of its attribute).
      for (const key of ['partner.website', 'video.externalUrl', 'policy.officialLink']) expect(hostile.attacked.has(key), key).toBe(true);
      expect(hostile.media).toBeGreaterThan(0);
    });

    it('passes the snapshot validators, so it really reaches the build', () => {
      expect(() => readSnapshot(snapshotDir)).not.toThrow();
    });

    it('cannot carry javascript: (or markup) in a field with a pattern: URLs, slugs and language tags refuse it', () => {
      expect(hostile.patterned.size).toBeGreaterThanOrEqual(hostile.refused.size);
      for (const [key, at] of hostile.patterned) {
        for (const value of ["javascript:window.__pwned('url')", `x"><script>window.__pwned('slug')</script>`]) {
          const result = validateEntry(at.collection, withValueAt(readEntry(snapshotDir, at), at.path, value));
          expect(result.ok, `${key} accepted ${value}`).toBe(false);
          if (!result.ok) expect(result.problems.map((p) => p.field)).toContain(at.path.join('.'));
        }
      }
    });
  });

  describe('the built site in headless Chromium', () => {
    const reports: PageReport[] = [];
    const searchReports: (PageReport & { results: number; resultsHtml: string })[] = [];
    let own: Set<string>;

    beforeAll(async () => {
      own = ownActiveElements(site.dir);
      const context = await browser!.newContext({ javaScriptEnabled: true });
      await context.addInitScript(() => {
        const calls: string[] = [];
        Object.defineProperty(window, '__pwnedCalls', { value: calls });
        Object.defineProperty(window, '__pwned', { value: (what: unknown) => void calls.push(String(what)) });
      });
      const tab = await context.newPage();
      try {
        for (const file of filesOf(outDir, '.html')) reports.push(await visit(tab, server!.url, urlOf(file)));
        // Search renders Pagefind's excerpts as HTML: search every language for words of the payloads.
        for (const locale of localeCodes) {
          // Words of the payloads (results with Pagefind's excerpts), and a filter alone (results with the summary).
          for (const query of ['q=script', 'q=onerror', 'q=pwned', 'type=news']) {
            const report = await visit(tab, server!.url, `/${locale}/search/?${query}`, async (t) => {
              await t.waitForFunction(
                () =>
                  document.querySelector('[data-search-status]')?.textContent !== '' &&
                  !document.querySelector('[data-search-results]')!.hasAttribute('aria-busy'),
              );
            });
            const results = await tab.evaluate(() => document.querySelectorAll('[data-search-results] > li').length);
            const resultsHtml = await tab.evaluate(() => document.querySelector('[data-search-results]')!.innerHTML);
            searchReports.push({ ...report, results, resultsHtml });
          }
        }
      } finally {
        await context.close();
      }
    });

    it('visits every built page (the same pages as the fixture site)', () => {
      expect(reports.length).toBe(filesOf(site.dir, '.html').length);
      expect(reports.length).toBeGreaterThan(50);
    });

    it('runs no payload, opens no dialog and throws no error on any page', () => {
      expectNone(
        reports.flatMap((r) => [
          ...r.pwned.map((p) => `${r.url}: __pwned(${p})`),
          ...r.dialogs.map((d) => `${r.url}: ${d}`),
          ...r.errors.map((e) => `${r.url}: ${e}`),
        ]),
      );
    });

    it('leaves no event handler, script URL, frame, object, refresh, inline style or foreign script in any page', () => {
      expect(own.size).toBeGreaterThan(0);
      expectNone(reports.flatMap((r) => problemsOf(r, own)));
    });

    it('shows the payloads as text: in the title and body of every item page', () => {
      const items = reports.filter((r) => ITEM_PAGE.test(r.url));
      expect(items.length).toBeGreaterThan(20);
      for (const r of items) {
        expect(r.title, r.url).toContain('__pwned(');
        expect(r.text, r.url).toContain('<script>window.__pwned(');
      }
      // Entity-shaped text is shown as typed, not decoded.
      expect(reports.some((r) => r.text.includes(ENTITY_PAYLOAD))).toBe(true);
      expect(reports.filter((r) => r.text.includes("<script>window.__pwned('entity')")).map((r) => r.url)).toEqual([]);
    });

    it('renders search results of hostile pages as text in every language', () => {
      expectNone(searchReports.flatMap((r) => problemsOf(r, own)));
      for (const locale of localeCodes) {
        const found = searchReports.filter((r) => r.url.startsWith(`/${locale}/search/`)).reduce((sum, r) => sum + r.results, 0);
        expect(found, `results in ${locale}`).toBeGreaterThan(0);
      }
      // Pagefind's excerpt may only add <mark>: the results hold no element made of content.
      for (const r of searchReports) {
        const tags = new Set(
          parse(r.resultsHtml)
            .querySelectorAll('*')
            .map((el) => el.tagName.toLowerCase()),
        );
        expect(
          [...tags].filter((t) => !['li', 'img', 'a', 'div', 'time', 'p', 'mark'].includes(t)),
          r.url,
        ).toEqual([]);
      }
    });
  });

  describe('feeds and the static JSON API', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true, htmlEntities: false });

    /** Every text value of a parsed XML document, with the name of the element (or attribute) it belongs to. */
    function texts(
      node: unknown,
      name = '',
      out: { name: string; value: string; parent: Record<string, unknown> | null }[] = [],
      parent: Record<string, unknown> | null = null,
    ) {
      if (typeof node === 'string') out.push({ name, value: node, parent });
      else if (Array.isArray(node)) for (const n of node) texts(n, name, out, parent);
      else if (node && typeof node === 'object') {
        const obj = node as Record<string, unknown>;
        for (const [key, value] of Object.entries(obj)) texts(value, key === '#text' ? name : key, out, obj);
      }
      return out;
    }

    it('keeps every feed well-formed XML with the payloads as escaped text, and no markup where readers expect HTML', () => {
      const feeds = filesOf(outDir, '.xml');
      expect(feeds.filter((f) => f.includes('/feeds/')).length).toBeGreaterThan(50);
      let payloads = 0;
      let htmlPayloads = 0;
      let entityPayloads = 0;
      for (const file of feeds) {
        const body = fs.readFileSync(path.join(outDir, file), 'utf8');
        expect(XMLValidator.validate(body), file).toBe(true);
        const doc = xml.parse(body) as Record<string, unknown>;
        for (const t of texts(doc)) {
          if (t.value.includes('<script>window.__pwned(')) payloads += 1;
          if (t.value.includes(ENTITY_PAYLOAD)) entityPayloads += 1;
          // Entity-shaped text is text: the XML decoding must give back its characters, not a tag.
          expect(t.value, `${file} ${t.name}`).not.toContain("<script>window.__pwned('entity')");
          expect(t.value, `${file} ${t.name}`).not.toContain("<img src=x onerror=window.__pwned('decimal')");
          // RSS descriptions, and Atom text constructs of type html, are HTML to feed readers: any markup there is live.
          const html = (file.endsWith('.rss.xml') && t.name === 'description') || (t.parent?.['@type'] === 'html' && t.name !== '@type');
          if (!html) continue;
          const asRead = parse(t.value);
          expect(
            asRead.querySelectorAll('*').map((el) => el.tagName),
            `${file} ${t.name}: ${t.value.slice(0, 120)}`,
          ).toEqual([]);
          if (asRead.textContent.includes('<script>window.__pwned(')) htmlPayloads += 1;
          expect(asRead.textContent, `${file} ${t.name}`).not.toContain("<script>window.__pwned('entity')");
        }
      }
      expect(payloads).toBeGreaterThan(0);
      // …and where readers decode HTML, the payload still arrives, as text.
      expect(htmlPayloads).toBeGreaterThan(0);
      expect(entityPayloads).toBeGreaterThan(0);
    });

    it('keeps every JSON Feed and static API file valid JSON, with the payloads as strings and no HTML content', () => {
      const files = filesOf(outDir, '.json').filter((f) => f.startsWith('api/') || f.includes('/feeds/'));
      expect(files.filter((f) => f.startsWith('api/')).length).toBeGreaterThan(10);
      let payloads = 0;
      for (const file of files) {
        const data = JSON.parse(fs.readFileSync(path.join(outDir, file), 'utf8')) as unknown;
        const strings = JSON.stringify(data);
        if (strings.includes('<script>window.__pwned(')) payloads += 1;
        if (file.includes('/feeds/')) for (const item of (data as { items: Record<string, unknown>[] }).items) expect(item.content_html, file).toBeUndefined();
      }
      expect(payloads).toBeGreaterThan(10);
    });
  });
});
