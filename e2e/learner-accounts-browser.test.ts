/**
 * A learner signs up, signs out and signs in again through the site's static French
 * and Arabic pages in headless Chromium with JavaScript off: plain forms posting to
 * the real CMS, which redirects back with a fragment the page shows by CSS `:target`,
 * or to "my learning", rendered by the CMS. The site is built from the fixture
 * snapshot with the forms pointing at the test CMS, and served over HTTPS (a
 * throw-away self-signed certificate) on a local port that Chromium reaches under the
 * CMS's SSC_SITE_URL (`--host-resolver-rules`), so that the CMS's redirects land on it.
 * Screenshots of the Arabic pages go to test-results/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../test-support/browser.ts';
import { buildSite } from '../site/lib/build.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import { cms } from '../cms/test/support/http.ts';
import { uniqueEmail } from '../cms/test/support/learner-client.ts';

const SCREENSHOTS = path.join(repoRoot, 'test-results', 'screenshots');
const FIXTURE_SNAPSHOT = path.join(repoRoot, 'site', 'test', 'fixtures', 'snapshot');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

let work: string;
let siteDir: string;
let siteUrl: string;
let browser: Browser;
let server: https.Server;

/** Serves the built site over HTTPS on a free local port. */
async function serveSiteOverTls(): Promise<number> {
  const key = path.join(work, 'key.pem');
  const cert = path.join(work, 'cert.pem');
  const host = new URL(siteUrl).hostname;
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${host}`], {
    stdio: 'ignore',
  });
  server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', siteUrl).pathname);
    const file = path.join(siteDir, pathname, pathname.endsWith('/') ? 'index.html' : '');
    if (!file.startsWith(siteDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  siteUrl = String(cms().env.SSC_SITE_URL);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-learner-browser-'));
  siteDir = path.join(work, 'site');
  await buildSite({ snapshotDir: FIXTURE_SNAPSHOT, outDir: siteDir, siteUrl, cmsPublicUrl: cms().url, cacheDir: path.join(work, 'cache'), incremental: false });
  const port = await serveSiteOverTls();
  browser = await launchChromium([`--host-resolver-rules=MAP ${new URL(siteUrl).hostname} 127.0.0.1:${port}`]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  fs.rmSync(work, { recursive: true, force: true });
});

/** A browser context with JavaScript off that accepts the test site's self-signed certificate. */
function readerWithoutScript(): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, ignoreHTTPSErrors: true, viewport: { width: 420, height: 900 } });
}

/** The ids of the form messages the page shows (those its fragment targets). */
const shownMessages = (page: Page) => page.locator('.form-message:visible').evaluateAll((els) => els.map((el) => el.id));

async function submit(page: Page, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`form.learn-form [name="${name}"]`, value);
  await Promise.all([page.waitForNavigation(), page.click('form.learn-form button')]);
}

describe.each([
  { locale: 'fr', dir: 'ltr', my: 'Mon apprentissage', signUpTitle: 'Créer un compte d’apprenant' },
  { locale: 'ar', dir: 'rtl', my: 'تعلّمي', signUpTitle: 'إنشاء حساب متعلّم' },
])('a learner without JavaScript, in $locale', ({ locale, dir, my, signUpTitle }) => {
  const email = uniqueEmail(`browser-${locale}`);
  const password = `Cassava-mills-of-Brazzaville-${locale}`;

  it('is told which password rule failed, on the sign-up page in its language', async () => {
    const context = await readerWithoutScript();
    const page = await context.newPage();
    await page.goto(`${siteUrl}/${locale}/learn/sign-up/`);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect(await page.textContent('h1')).toBe(signUpTitle);
    expect(await shownMessages(page)).toEqual([]);
    await submit(page, { email, password: 'password1234' });
    expect(page.url()).toBe(`${siteUrl}/${locale}/learn/sign-up/#error-password-too-common`);
    expect(await shownMessages(page)).toEqual(['error-password-too-common']);
    if (locale === 'ar') {
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'learner-sign-up-ar.png'), fullPage: true });
    }
    await context.close();
  });

  it('signs up, lands on "my learning", signs out and signs in again', async () => {
    const context = await readerWithoutScript();
    const page = await context.newPage();
    await page.goto(`${siteUrl}/${locale}/learn/sign-up/`);
    await submit(page, { email, password });
    expect(page.url()).toBe(`${cms().url}/api/learning/${locale}/my?status=welcome#status-welcome`);
    expect(await page.textContent('h1')).toBe(my);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect(await page.textContent('main')).toContain(email);
    const hint = (await context.cookies(cms().url)).find((c) => c.name === 'ssc_learner');
    expect(hint?.value).toBe('1');
    if (locale === 'ar') await page.screenshot({ path: path.join(SCREENSHOTS, 'learner-my-learning-ar.png'), fullPage: true });

    await Promise.all([page.waitForNavigation(), page.click('form[action$="/sign-out"] button')]);
    expect(page.url()).toBe(`${siteUrl}/${locale}/learn/sign-in/?status=signed-out#status-signed-out`);
    expect(await shownMessages(page)).toEqual(['status-signed-out']);

    await submit(page, { email, password: `${password}-wrong` });
    expect(await shownMessages(page)).toEqual(['error-invalid-credentials']);
    await submit(page, { email, password });
    expect(page.url()).toBe(`${cms().url}/api/learning/${locale}/my?status=signed-in#status-signed-in`);
    expect(await page.textContent('main')).toContain(email);
    await context.close();
  });
});
