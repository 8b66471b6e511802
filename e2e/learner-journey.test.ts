/**
 * The Cloud School from end to end, in headless Chromium, in French and in Arabic. A
 * learner registers on the static site, enrols, completes every lesson (one of them
 * while the browser is offline, sent when it is back online), fails the quiz once and
 * passes it, gets the certificate, opens the verify page from the certificate's QR
 * link (valid), pastes the credential with one character altered (tampered), and, once
 * the chief editor has revoked it in the admin and the site is rebuilt, sees it revoked.
 *
 * Deployed as production would be: the site at https://knowledge.example.org and a
 * second CMS node at https://cms.knowledge.example.org, on the test CMS's database,
 * configured with SSC_CMS_PUBLIC_URL, SSC_COOKIE_DOMAIN and IS_PROXIED, behind a
 * TLS-terminating front that Chromium reaches for both names (support/tls-front.ts).
 * The chief editor uses the first node.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot, type LocaleCode, type SnapshotEntry } from '@ssc/content-schemas';
import { launchChromium } from '../test-support/browser.ts';
import { startCms, type RunningCms } from '../scripts/lib/cms.ts';
import { freePort, stopProcess } from '../scripts/lib/processes.ts';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { buildSite } from '../site/lib/build.ts';
import { serveStatic, type StaticServer } from '../site/lib/serve.ts';
import { loadDemoContent } from '../cms/seed/load-content.ts';
import { cms } from '../cms/test/support/http.ts';
import { createEditorAccount } from '../cms/test/support/editors.ts';
import { recordRebuildRequests } from '../cms/test/support/rebuild-recorder.ts';
import { logIntoAdmin, openAdminTab, SCREENSHOTS, screenshotFailures } from './support/admin-browser.ts';
import { startTlsFront, type TlsFront } from './support/tls-front.ts';

const SITE = 'https://knowledge.example.org';
const CMS = 'https://cms.knowledge.example.org';
const COOKIE_DOMAIN = 'knowledge.example.org';
const QUEUE_KEY = 'ssc-progress-queue';

interface Journey {
  locale: LocaleCode;
  browserLocale: string;
  dir: 'ltr' | 'rtl';
  course: string;
  /** What the learner ends with, for the revocation step. */
  certificate?: { id: string; verifyLink: string };
}

const journeys: Journey[] = [
  { locale: 'fr', browserLocale: 'fr-FR', dir: 'ltr', course: 'cassava-value-chain-development' },
  { locale: 'ar', browserLocale: 'ar', dir: 'rtl', course: 'hybrid-rice-value-chain' },
];

describe('a learner takes a whole course and gets a certificate anyone can verify', () => {
  let work: string;
  let snapshotsDir: string;
  let firstSnapshot: string;
  let siteDir: string;
  let node: RunningCms;
  let server: StaticServer;
  let front: TlsFront;
  let browser: Browser;
  let tab: Page | undefined;
  screenshotFailures('learner-journey', () => tab);

  async function learnerContext(journey: Journey): Promise<BrowserContext> {
    return browser.newContext({ locale: journey.browserLocale, viewport: { width: 420, height: 900 }, ignoreHTTPSErrors: true });
  }

  const build = (snapshotDir: string) => buildSite({ snapshotDir, outDir: siteDir, siteUrl: SITE, cmsPublicUrl: CMS, cacheDir: path.join(work, 'cache') });

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-learner-journey-'));
    snapshotsDir = path.join(work, 'snapshots');
    siteDir = path.join(work, 'site');
    node = await startCms(
      {
        ...cms().env,
        PORT: String(await freePort()),
        SSC_CMS_PUBLIC_URL: CMS,
        SSC_COOKIE_DOMAIN: COOKIE_DOMAIN,
        IS_PROXIED: 'true',
        // The first node runs the schedules.
        SCHEDULER_ENABLED: 'false',
      },
      { quiet: true },
    );
    firstSnapshot = (await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir })).dir;
    await build(firstSnapshot);
    server = await serveStatic(siteDir, { port: 0 });
    front = await startTlsFront({ [new URL(SITE).hostname]: () => server.url, [new URL(CMS).hostname]: () => node.url });
    browser = await launchChromium(front.chromiumArgs);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await front?.close();
    await server?.close();
    if (node) await stopProcess(node.child);
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** The learner's progress on a course, asked of the CMS with the session cookie the browser holds. */
  async function serverProgress(context: BrowserContext, courseId: string): Promise<{ done: string[]; complete: boolean }> {
    const cookie = (await context.cookies(`${CMS}/api/learning/progress`)).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(`${node.url}/api/learning/progress?course=${courseId}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return (await res.json()).data;
  }

  const queued = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]').length as number, QUEUE_KEY);

  /** The verify page's verdict once it has one. */
  async function verdict(page: Page): Promise<{ state: string; text: string }> {
    const status = page.locator('[data-verify-status]');
    await page.waitForFunction(() => {
      const state = document.querySelector<HTMLElement>('[data-verify-status]')?.dataset.state;
      return state !== undefined && state !== 'checking';
    });
    return { state: (await status.getAttribute('data-state'))!, text: (await status.textContent())! };
  }

  it.each(journeys)(
    'in $locale: registers, enrols, completes the lessons (one offline), fails then passes the quiz, gets a certificate the verify page finds valid, then tampered',
    async (journey) => {
      const { locale, course: slug } = journey;
      const course = (readSnapshot(firstSnapshot).entries.course[locale] as SnapshotEntry<'course'>[]).find((c) => c.slug === slug)!;
      const lessons = course.modules.flatMap((m) => m.lessons);
      const context = await learnerContext(journey);
      tab = await context.newPage();

      // 1. Register on the site's static sign-up page; the CMS signs the learner in.
      const email = `journey-${locale}-${crypto.randomBytes(4).toString('hex')}@learners.example.org`;
      await tab.goto(`${SITE}/${locale}/learn/sign-up/`);
      expect(await tab.getAttribute('html', 'dir')).toBe(journey.dir);
      await tab.fill('form.learn-form [name="email"]', email);
      await tab.fill('form.learn-form [name="password"]', `Cassava-mills-of-Brazzaville-${locale}`);
      await Promise.all([tab.waitForURL(`${CMS}/api/learning/${locale}/my?status=welcome#status-welcome`), tab.click('form.learn-form button')]);
      const hint = (await context.cookies(`${SITE}/`)).find((c) => c.name === 'ssc_learner');
      expect(hint, 'the signed-in hint is shared with the site through SSC_COOKIE_DOMAIN').toMatchObject({
        value: '1',
        domain: `.${COOKIE_DOMAIN}`,
        secure: true,
      });

      // 2. Enrol from the course page.
      await tab.goto(`${SITE}/${locale}/courses/${slug}/`);
      await tab.waitForSelector('[data-ssc-learner]:not([hidden])');
      await Promise.all([tab.waitForURL(/[?&]learning=enrolled/), tab.click('form[action$="/api/learning/enrol"] button')]);

      // 3. Every reading and video lesson marked done; the second one while offline.
      const markable = lessons.filter((l) => l.kind !== 'quiz');
      for (const [n, lesson] of markable.entries()) {
        await tab.goto(`${SITE}/${locale}/courses/${slug}/${lesson.slug}/`);
        await tab.waitForSelector('[data-ssc-done-form]:not([hidden])');
        await tab.waitForFunction(() => document.querySelector('[data-ssc-status]')?.textContent !== '');
        if (n === 1) {
          const offlineNote = (await tab.getAttribute('[data-ssc-progress]', 'data-text-offline'))!;
          await context.setOffline(true);
          await tab.click('[data-ssc-done-form] button');
          await tab.waitForFunction((note) => (document.querySelector('[data-ssc-status]')?.textContent ?? '').includes(note), offlineNote);
          expect(await queued(tab)).toBe(1);
          expect((await serverProgress(context, course.documentId)).done).not.toContain(lesson.slug);
          if (locale === 'ar') await tab.screenshot({ path: path.join(SCREENSHOTS, 'journey-offline-ar.png'), fullPage: true });
          await context.setOffline(false); // the page's `online` event sends the queue
        } else {
          await tab.click('[data-ssc-done-form] button');
        }
        await tab.waitForFunction((key) => localStorage.getItem(key) === '[]', QUEUE_KEY);
      }
      const beforeQuiz = await serverProgress(context, course.documentId);
      expect(beforeQuiz.done.sort()).toEqual(markable.map((l) => l.slug).sort());
      expect(beforeQuiz.complete).toBe(false);

      // 4. The quiz: failed once, then passed, graded by the CMS.
      const quizLesson = lessons.find((l) => l.kind === 'quiz')!;
      const demoCourse = loadDemoContent().courses.find((c) => c.slug === slug)!;
      const quizSlug = demoCourse.locales[locale]!.modules.flatMap((m) => m.lessons).find((l) => l.slug === quizLesson.slug)!.quiz!;
      const questions = loadDemoContent().quizzes.find((q) => q.slug === quizSlug)!.locales[locale]!.questions;
      const answer = async (pick: (choices: { correct?: boolean }[]) => number[]) => {
        await tab!.goto(`${SITE}/${locale}/courses/${slug}/${quizLesson.slug}/`);
        for (const [q, question] of questions.entries())
          for (const c of pick(question.choices)) await tab!.check(`form.quiz input[name="q${q}"][value="${c}"]`);
        await Promise.all([tab!.waitForURL(`${CMS}/**`), tab!.click('form.quiz button[type=submit]')]);
        return tab!.getAttribute('[data-passed]', 'data-passed');
      };
      expect(await answer((choices) => [choices.findIndex((c) => !c.correct)])).toBe('false');
      expect(await answer((choices) => choices.flatMap((c, i) => (c.correct ? [i] : [])))).toBe('true');
      expect((await serverProgress(context, course.documentId)).complete).toBe(true);

      // 5. The certificate, from "my learning", in the learner's language.
      await tab.goto(`${CMS}/api/learning/${locale}/my`);
      await Promise.all([tab.waitForURL(`${CMS}/api/learning/certificates/**`), tab.click('main a[href*="/api/learning/certificates/"]')]);
      expect(await tab.getAttribute('html', 'lang')).toBe(locale);
      expect(await tab.getAttribute('html', 'dir')).toBe(journey.dir);
      expect(await tab.textContent('body')).toContain(course.title);
      expect(await tab.locator('a.qr svg').count()).toBe(1);
      await tab.screenshot({ path: path.join(SCREENSHOTS, `journey-certificate-${locale}.png`), fullPage: true });
      const verifyLink = (await tab.getAttribute('a.qr', 'href'))!;
      const credentialUrl = `${tab.url()}.json`;
      expect(verifyLink).toBe(`${SITE}/${locale}/verify/#${credentialUrl}`);
      const credentialText = await (await fetch(credentialUrl.replace(CMS, node.url))).text();
      const credential = JSON.parse(credentialText);
      expect(credential.type).toContain('OpenBadgeCredential');
      expect(credentialText).not.toContain(email);

      // 6. The verify page, opened from the QR link: valid.
      await tab.goto(verifyLink);
      const valid = await verdict(tab);
      expect(valid.state).toBe('valid');
      expect(valid.text).toBe(await tab.getAttribute('[data-verify-status]', 'data-valid'));
      await tab.screenshot({ path: path.join(SCREENSHOTS, `journey-verify-valid-${locale}.png`), fullPage: true });

      // 7. One character of the credential altered: tampered.
      const altered = credentialText.replace(`"${credential.name}"`, `"${credential.name.slice(0, -1)}${credential.name.endsWith('x') ? 'y' : 'x'}"`);
      expect(altered).not.toBe(credentialText);
      await tab.goto(`${SITE}/${locale}/verify/`);
      await tab.fill('[data-verify-input]', altered);
      await tab.click('[data-verify-form] button');
      const tampered = await verdict(tab);
      expect(tampered.state).toBe('tampered');
      expect(tampered.text).toBe(await tab.getAttribute('[data-verify-status]', 'data-tampered'));

      journey.certificate = { id: credential.id, verifyLink };
      await context.close();
      tab = undefined;
    },
    240_000,
  );

  it('the chief editor revokes both certificates in the admin, and after the next build the verify page says revoked', async () => {
    const issued = journeys.map((j) => j.certificate);
    expect(issued.every(Boolean), 'both journeys got a certificate').toBe(true);

    const rebuilds = await recordRebuildRequests();
    tab = await openAdminTab(browser);
    tab.on('dialog', (dialog) => void dialog.accept());
    await logIntoAdmin(tab, await createEditorAccount('Chief editor'));
    await tab.waitForURL(/\/admin(\/)?$/);
    for (const certificate of issued) {
      await tab.goto(`${cms().url}/admin/ssc-certificates`);
      await tab.getByLabel('Credential id').fill(certificate!.id);
      await tab.getByRole('button', { name: 'Find' }).click();
      const row = tab.getByRole('row').filter({ hasText: certificate!.id.replace(/^urn:uuid:/, '') });
      await row.getByRole('button', { name: 'Revoke' }).click();
      await row.getByText(/^Revoked /).waitFor();
      await tab.getByRole('status').filter({ hasText: 'the site rebuild was requested' }).waitFor();
    }
    await tab.context().close();
    tab = undefined;
    await expect.poll(() => rebuilds.calls.filter((c) => c.event === 'learning.certificate.revoke').length).toBe(issued.length);
    await rebuilds.close();

    // The release the revocations asked for: a new snapshot and build.
    const next = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir, previous: firstSnapshot });
    await build(next.dir);

    for (const journey of journeys) {
      const context = await learnerContext(journey);
      tab = await context.newPage();
      await tab.goto(journey.certificate!.verifyLink);
      const revoked = await verdict(tab);
      expect(revoked.state).toBe('revoked');
      expect(revoked.text).toBe(await tab.getAttribute('[data-verify-status]', 'data-revoked'));
      expect(await tab.getAttribute('html', 'dir')).toBe(journey.dir);
      await tab.screenshot({ path: path.join(SCREENSHOTS, `journey-verify-revoked-${journey.locale}.png`), fullPage: true });
      await context.close();
    }
    tab = undefined;
  }, 600_000);
});
