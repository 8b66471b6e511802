/**
 * The certificate verify page: built in every locale, its script loaded on that page
 * only and small, and in headless Chromium (French and Arabic) it says valid, then
 * tampered after one character of the credential is changed, then revoked once the
 * published status list has the certificate's bit. The issuer's files under
 * /credentials/ are made here with a key of the test's own, as the pull publishes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page as BrowserPage } from 'playwright-core';
import { getLocale, localeCodes } from '@ssc/content-schemas';
import { launchChromium } from '../../test-support/browser.ts';
import {
  bitstringOf,
  buildIssuerProfile,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  emailIdentityHash,
  encodeStatusList,
  signDocument,
  type WebCryptoKey,
} from '../../cms/src/lib/learning/credentials/index.ts';
import { allPages, page, site } from './helpers.ts';

const ISSUER = { id: `${site.siteUrl}/credentials/issuer.json`, name: 'SSC Cloud School', url: `${site.siteUrl}/` };
const LIST_URL = `${site.siteUrl}/credentials/status/1.json`;
const STATUS_INDEX = 1234;
const CREDENTIALS = path.join(site.dir, 'credentials');
/** Where the test puts the credential, as the CMS would serve it. */
const CREDENTIAL_FILE = 'test-certificate.json';

let key: WebCryptoKey;
const sign = <T extends object>(doc: T) => signDocument(doc, { privateKey: key, verificationMethod: `${ISSUER.id}#key-1` });

async function publishStatusList(revoked: number[]) {
  const list = buildStatusListCredential(LIST_URL, ISSUER.id, await encodeStatusList(bitstringOf(revoked)), new Date());
  fs.mkdirSync(path.join(CREDENTIALS, 'status'), { recursive: true });
  fs.writeFileSync(path.join(CREDENTIALS, 'status', '1.json'), JSON.stringify(await sign(list)));
}

let browser: Browser;

beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as unknown as {
    privateKey: WebCryptoKey;
    publicKey: WebCryptoKey;
  };
  key = pair.privateKey;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  fs.mkdirSync(CREDENTIALS, { recursive: true });
  fs.writeFileSync(path.join(CREDENTIALS, 'issuer.json'), JSON.stringify(buildIssuerProfile(ISSUER, [{ keyId: 'key-1', publicKey }])));
  await publishStatusList([]);
  const credential = buildOpenBadgeCredential({
    id: 'urn:uuid:3e0f9a57-8d7b-4a53-9d1e-0c7a1c2b9f10',
    issuer: ISSUER,
    achievement: { id: `${site.siteUrl}/fr/courses/juncao/`, name: 'Juncao', description: 'Un cours.', criteria: 'Toutes les leçons.', inLanguage: 'fr' },
    recipient: { identityHash: await emailIdentityHash('someone@example.org', 'abc'), salt: 'abc' },
    validFrom: new Date('2026-12-01T00:00:00Z'),
    status: { listUrl: LIST_URL, index: STATUS_INDEX },
  });
  fs.writeFileSync(path.join(site.dir, CREDENTIAL_FILE), JSON.stringify(await sign(credential), null, 2));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(CREDENTIALS, { recursive: true, force: true });
  fs.rmSync(path.join(site.dir, CREDENTIAL_FILE), { force: true });
});

/** The verify page's one script (a module under /_astro/). */
function verifyScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]+src="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

describe('the verify page', () => {
  it('exists in every locale, in the locale’s language and direction', () => {
    for (const locale of localeCodes) {
      const p = page(`/${locale}/verify/`);
      expect(p.doc.querySelector('html')?.getAttribute('dir')).toBe(getLocale(locale).dir);
      expect(p.doc.querySelector('[data-verify-form]')).not.toBeNull();
      expect(p.doc.querySelector('[data-verify-status]')?.getAttribute('data-tampered')).toBeTruthy();
    }
  });

  it('loads its script on that page only, and the script stays small', () => {
    const scripts = verifyScripts(page('/en/verify/').html);
    expect(scripts.length).toBeGreaterThan(0);
    const others = allPages().filter((p) => !p.url.endsWith('/verify/'));
    for (const p of others) for (const s of verifyScripts(p.html)) expect(scripts, `${p.url} loads ${s}`).not.toContain(s);
    // The script and the modules it imports.
    const seen = new Set<string>();
    const visit = (src: string) => {
      if (seen.has(src)) return;
      seen.add(src);
      const text = fs.readFileSync(path.join(site.dir, src), 'utf8');
      for (const m of text.matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) visit(`/_astro/${m[1] ?? m[2]}`);
    };
    scripts.forEach(visit);
    const gzip = [...seen].reduce((n, src) => n + gzipSync(fs.readFileSync(path.join(site.dir, src))).length, 0);
    console.log(`verify page script: ${gzip} bytes gzip`);
    expect(gzip).toBeLessThanOrEqual(6 * 1024);
  });

  async function result(tab: BrowserPage): Promise<{ state: string; text: string }> {
    await tab.waitForFunction(() => {
      const s = document.querySelector<HTMLElement>('[data-verify-status]')?.dataset.state;
      return !!s && s !== 'checking';
    });
    return tab.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-verify-status]')!;
      return { state: el.dataset.state!, text: el.textContent ?? '' };
    });
  }

  for (const locale of ['fr', 'ar'] as const) {
    it(`says valid from the QR link, tampered after one character changes, then revoked (${locale})`, async () => {
      await publishStatusList([]);
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`${site.url}/${locale}/verify/#${site.url}/${CREDENTIAL_FILE}`);
      const valid = await result(tab);
      expect(valid.state).toBe('valid');
      expect(valid.text).toBe(page(`/${locale}/verify/`).doc.querySelector('[data-verify-status]')?.getAttribute('data-valid'));
      fs.mkdirSync('test-results/screenshots', { recursive: true });
      await tab.screenshot({ path: `test-results/screenshots/verify-valid-${locale}.png`, fullPage: true });

      const text = await tab.inputValue('[data-verify-input]');
      await tab.fill('[data-verify-input]', text.replace('Toutes les leçons.', 'Toutes les leçons!'));
      await tab.click('[data-verify-form] button');
      await tab.waitForFunction(() => document.querySelector<HTMLElement>('[data-verify-status]')?.dataset.state === 'tampered');
      expect((await result(tab)).text).toBe(page(`/${locale}/verify/`).doc.querySelector('[data-verify-status]')?.getAttribute('data-tampered'));
      await context.close();

      await publishStatusList([STATUS_INDEX]);
      const fresh = await browser.newContext();
      const again = await fresh.newPage();
      await again.goto(`${site.url}/${locale}/verify/#${site.url}/${CREDENTIAL_FILE}`);
      expect((await result(again)).state).toBe('revoked');
      await again.screenshot({ path: `test-results/screenshots/verify-revoked-${locale}.png`, fullPage: true });
      await fresh.close();
    }, 60_000);
  }
});
