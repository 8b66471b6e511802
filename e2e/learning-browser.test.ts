/**
 * A learner in headless Chromium on the static demo site and the real CMS: fails a quiz
 * once then passes it from the lesson page (plain forms, in French), and marks a lesson
 * done while offline, which the progress script keeps and sends when the connection
 * returns (in Arabic). The browser sees the site at https://knowledge.example.org and the
 * CMS at https://cms.knowledge.example.org (one site, as the session cookie needs),
 * both routed to the local servers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot, type SnapshotEntry } from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { buildSite } from '../site/lib/build.ts';
import { serveStatic, type StaticServer } from '../site/lib/serve.ts';
import { loadDemoContent } from '../cms/seed/load-content.ts';
import { cms } from '../cms/test/support/http.ts';
import { createLearner, learnerRoleId, sessionToken, type TestLearner } from '../cms/test/support/learners.ts';

const SITE = 'https://knowledge.example.org';
const CMS = 'https://cms.knowledge.example.org';
const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const COURSE = 'hybrid-rice-value-chain';

describe('a learner in the browser', () => {
  let work: string;
  let server: StaticServer;
  let browser: Browser;
  let learner: TestLearner;
  let course: SnapshotEntry<'course'>;
  /** While true, every request to the CMS fails as if the connection were lost. */
  let offline = false;

  /** Sends a routed request on to a local server, with the browser's own headers (its cookies included). */
  const forward = (target: string) => async (route: Route) => {
    const url = new URL(route.request().url());
    if (target === cms().url && offline) return route.abort('internetdisconnected');
    const response = await route.fetch({ url: `${target}${url.pathname}${url.search}`, headers: await route.request().allHeaders(), maxRedirects: 0 });
    await route.fulfill({ response });
  };

  async function learnerContext(locale: string): Promise<BrowserContext> {
    const context = await browser.newContext({ locale });
    await context.route(`${SITE}/**`, forward(server.url));
    await context.route(`${CMS}/**`, forward(cms().url));
    await context.addCookies([
      {
        name: 'ssc_learning',
        value: sessionToken(learner.id),
        domain: 'cms.knowledge.example.org',
        path: '/api/learning',
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      },
      { name: 'ssc_learner', value: '1', domain: 'knowledge.example.org', path: '/', secure: true, sameSite: 'Lax' },
    ]);
    return context;
  }

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-learning-browser-'));
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir: path.join(work, 'snapshots') });
    course = (readSnapshot(dir).entries.course.fr as SnapshotEntry<'course'>[]).find((c) => c.slug === COURSE)!;
    const previous = process.env.SSC_CMS_PUBLIC_URL;
    process.env.SSC_CMS_PUBLIC_URL = CMS;
    try {
      await buildSite({ snapshotDir: dir, outDir: path.join(work, 'site'), siteUrl: SITE, cacheDir: path.join(work, 'cache') });
    } finally {
      if (previous === undefined) delete process.env.SSC_CMS_PUBLIC_URL;
      else process.env.SSC_CMS_PUBLIC_URL = previous;
    }
    server = await serveStatic(path.join(work, 'site'), { port: 0 });
    learner = await createLearner(await learnerRoleId());
    browser = await launchChromium();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const progress = async () =>
    (await (await fetch(`${cms().url}/api/learning/progress?course=${course.documentId}`, { headers: { cookie: learner.cookie } })).json()).data;

  it('fails a quiz once, then passes it, from the static lesson page without any script', async () => {
    const quiz = loadDemoContent().quizzes.find((q) => q.slug === 'hybrid-rice-value-chain-quiz')!;
    const questions = quiz.locales.fr!.questions;
    const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.kind === 'quiz')!;
    const context = await learnerContext('fr-FR');
    await context.route(`${SITE}/learning/progress.js`, (route) => route.abort()); // the quiz needs no script
    const tab = await context.newPage();
    const lessonUrl = `${SITE}/fr/courses/${COURSE}/${lesson.slug}/`;
    const answer = async (pick: (choices: { correct: boolean }[]) => number[]) => {
      await tab.goto(lessonUrl);
      for (const [q, question] of questions.entries()) for (const c of pick(question.choices)) await tab.check(`form.quiz input[name="q${q}"][value="${c}"]`);
      await Promise.all([tab.waitForURL(`${CMS}/**`), tab.click('form.quiz button[type=submit]')]);
    };
    await answer((choices) => [choices.findIndex((c) => !c.correct)]);
    expect(await tab.getAttribute('[data-passed]', 'data-passed')).toBe('false');
    expect(await tab.textContent('body')).toContain('Pas encore réussi');
    await answer((choices) => choices.flatMap((c, i) => (c.correct ? [i] : [])));
    expect(await tab.getAttribute('[data-passed]', 'data-passed')).toBe('true');
    expect(await tab.textContent('body')).toContain('Bravo');
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'quiz-result-fr.png'), fullPage: true });
    expect((await progress()).done).toContain(lesson.slug);
    await context.close();
  });

  it('keeps a lesson marked done offline in the browser and sends it, once, when the connection returns', async () => {
    // The same course in Arabic: a lesson's slug is the same in every language.
    const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.kind === 'reading')!;
    const context = await learnerContext('ar');
    const tab = await context.newPage();
    await tab.goto(`${SITE}/ar/courses/${COURSE}/${lesson.slug}/`);
    expect(await tab.getAttribute('html', 'dir')).toBe('rtl');
    await tab.waitForSelector('[data-ssc-learner]:not([hidden])');
    await tab.waitForFunction(() => document.querySelector('[data-ssc-status]')?.textContent !== '');

    offline = true;
    await tab.click('[data-ssc-done-form] button');
    await tab.waitForFunction(() => (document.querySelector('[data-ssc-status]')?.textContent ?? '').includes('حُفظ'));
    const queued = await tab.evaluate(() => JSON.parse(localStorage.getItem('ssc-progress-queue') ?? '[]').length);
    expect(queued).toBe(1);
    expect((await progress()).done).not.toContain(lesson.slug);
    await tab.screenshot({ path: path.join(SCREENSHOTS, 'lesson-offline-ar.png'), fullPage: true });

    offline = false;
    await tab.evaluate(() => window.dispatchEvent(new Event('online')));
    await tab.waitForFunction(() => JSON.parse(localStorage.getItem('ssc-progress-queue') ?? '[]').length === 0);
    const done = (await progress()).done as string[];
    expect(done.filter((slug) => slug === lesson.slug)).toHaveLength(1);
    await context.close();
  });
});
