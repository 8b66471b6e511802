/**
 * Cloud School certificates in the real CMS: issued through the service (by the
 * `credentials` tool, which loads the CMS like the progress part's call does), served as
 * a page, a PDF and a wallet JSON, published with the issuer's keys and status list for
 * the pull, verified as the site's verify page does, and revoked by the chief editor only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLocale } from '@ssc/content-schemas';
import { adminApi, cms, contentApi } from './support/http.ts';
import { createEditor } from './support/editors.ts';
import { runJsonTool } from './support/json-tool.ts';
import { recordRebuildRequests, type RebuildRecorder } from './support/rebuild-recorder.ts';
import { verifyCredential } from '../src/lib/learning/credentials/verify-credential.ts';
import { decodeStatusList, isBitSet } from '../src/lib/learning/credentials/status-list.ts';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../../test-support/browser.ts';

interface Issued {
  id: string;
  credential: any;
}

const issue = (learnerId: number, email: string, course: string, locale: string) =>
  runJsonTool<Issued>(
    'tools/credentials.ts',
    ['issue', '--learner-id', String(learnerId), '--email', email, '--course', course, '--locale', locale, '--json'],
    cms().env,
  );

async function published() {
  const res = await contentApi<{ files: Record<string, any> }>('/learning/published-credentials');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.files;
}

async function verifyAgainstPublished(credential: unknown) {
  const files = await published();
  return verifyCredential(credential, {
    issuer: files['issuer.json'],
    statusList: async (url) => (url === 'https://knowledge.example.org/credentials/status/1.json' ? files['status/1.json'] : null),
  });
}

async function firstCourse(locale: string): Promise<{ documentId: string; title: string }> {
  const res = await contentApi<{ data: { documentId: string; title: string }[] }>(`/courses?locale=${locale}&fields[0]=title&pagination[pageSize]=1`);
  expect(res.body.data.length, `a published course in ${locale}`).toBeGreaterThan(0);
  return res.body.data[0]!;
}

describe('certificates', () => {
  let french: { documentId: string; title: string };
  let issued: Issued;
  let rebuildCalls: { event: string }[];
  let rebuildRecorder: RebuildRecorder;

  beforeAll(async () => {
    rebuildRecorder = await recordRebuildRequests();
    rebuildCalls = rebuildRecorder.calls;
    french = await firstCourse('fr');
    issued = await issue(990_001, 'Apprenante@Example.org', french.documentId, 'fr');
  });

  afterAll(() => rebuildRecorder.close());

  it('issues an Open Badges 3.0 credential for the course in its language, with a hashed email and a revocation entry', () => {
    const c = issued.credential;
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.issuer.id).toBe('https://knowledge.example.org/credentials/issuer.json');
    expect(c.credentialSubject.achievement).toMatchObject({ name: french.title, inLanguage: 'fr' });
    expect(c.credentialSubject.identifier[0]).toMatchObject({ hashed: true, identityType: 'emailAddress' });
    expect(JSON.stringify(c)).not.toMatch(/apprenante/i);
    expect(c.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: 'https://knowledge.example.org/credentials/status/1.json',
    });
    expect(c.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022' });
  });

  it('issues once: a replayed completion gets the same certificate back', async () => {
    const again = await issue(990_001, 'apprenante@example.org', french.documentId, 'fr');
    expect(again.id).toBe(issued.id);
  });

  it('serves the wallet JSON to anyone with the id, and nothing for an unknown id', async () => {
    const res = await fetch(`${cms().url}/api/learning/certificates/${issued.id}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual(issued.credential);
    expect((await fetch(`${cms().url}/api/learning/certificates/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${cms().url}/api/learning/certificates/not-an-id.json`)).status).toBe(404);
  });

  it('renders a printable page in the learner’s language with a QR code to the verify page, right to left in Arabic', async () => {
    const page = await (await fetch(`${cms().url}/api/learning/certificates/${issued.id}`)).text();
    expect(page).toContain('<html lang="fr" dir="ltr">');
    expect(page).toContain('Certificat de réussite');
    expect(page).toMatch(new RegExp(`href="https://knowledge\\.example\\.org/fr/verify/#http://[^"]+/api/learning/certificates/${issued.id}\\.json"`));
    expect(page).toMatch(/<svg[^>]*viewBox/);
    expect(page).not.toMatch(/apprenante/i);
    const arabic = await issue(990_002, 'learner-ar@example.org', (await firstCourse('ar')).documentId, 'ar');
    const arPage = await (await fetch(`${cms().url}/api/learning/certificates/${arabic.id}`)).text();
    expect(arPage).toContain(`<html lang="${getLocale('ar').tag}" dir="rtl">`);
    expect(arPage).toContain('شهادة إتمام');
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 850 } });
      await tab.goto(`${cms().url}/api/learning/certificates/${arabic.id}`);
      mkdirSync('test-results/screenshots', { recursive: true });
      await tab.screenshot({ path: 'test-results/screenshots/certificate-ar.png', fullPage: true });
      // Right to left: the title sits at the right edge of its box.
      const title = await tab.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction);
      expect(title).toBe('rtl');
    } finally {
      await browser.close();
    }
  });

  it.runIf(existsSync(process.env.SSC_CHROMIUM_PATH || '/usr/bin/chromium'))(
    'prints the page to a PDF with the fonts embedded',
    async () => {
      const res = await fetch(`${cms().url}/api/learning/certificates/${issued.id}.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.toString('latin1')).toMatch(/FontFile2|FontFile3/);
      mkdirSync('test-results/screenshots', { recursive: true });
      writeFileSync('test-results/certificate-fr.pdf', bytes);
    },
    90_000,
  );

  it('publishes the issuer’s keys and a signed status list to the build token only; the certificate verifies against them', async () => {
    expect((await contentApi('/learning/published-credentials', null)).status).toBeGreaterThanOrEqual(401);
    const files = await published();
    expect(files['issuer.json'].verificationMethod[0]).toMatchObject({ type: 'Multikey', controller: 'https://knowledge.example.org/credentials/issuer.json' });
    expect(files['issuer.json'].verificationMethod[0].publicKeyMultibase).toMatch(/^z6Mk/);
    expect((await verifyAgainstPublished(issued.credential)).status).toBe('valid');
  });

  it('shows every editor per-course counts by locale, and nothing about learners', async () => {
    const arabicEditor = await createEditor(`${getLocale('ar').englishName} editor`);
    const res = await adminApi<{ courses: any[] }>('GET', '/ssc-learning/counts', undefined, arabicEditor);
    expect(res.status).toBe(200);
    expect(res.body.courses).toContainEqual(
      expect.objectContaining({ courseDocumentId: french.documentId, locale: 'fr', title: french.title, certificates: 1 }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/@|learner|credential_json/i);
  });

  it('rotates the signing key: new certificates use the new key, earlier ones still verify against the published keys', async () => {
    const before = (await published())['issuer.json'].verificationMethod as { id: string }[];
    const rotated = await runJsonTool<{ keyId: string }>('tools/credentials.ts', ['rotate-key', '--json'], cms().env);
    const after = (await published())['issuer.json'].verificationMethod as { id: string }[];
    expect(after.map((m) => m.id)).toEqual([...before.map((m) => m.id), `https://knowledge.example.org/credentials/issuer.json#${rotated.keyId}`]);
    const fresh = await issue(990_003, 'new-learner@example.org', french.documentId, 'fr');
    expect(fresh.credential.proof.verificationMethod).toBe(`https://knowledge.example.org/credentials/issuer.json#${rotated.keyId}`);
    expect((await verifyAgainstPublished(fresh.credential)).status).toBe('valid');
    expect((await verifyAgainstPublished(issued.credential)).status).toBe('valid');
  });

  it('lets the chief editor revoke a certificate, not a language editor; its bit is set, the page says so and the site rebuilds', async () => {
    const arabicEditor = await createEditor(`${getLocale('ar').englishName} editor`);
    const chief = await createEditor('Chief editor');
    expect((await adminApi('POST', `/ssc-learning/certificates/${issued.id}/revoke`, {}, arabicEditor)).status).toBe(403);
    expect((await adminApi('GET', `/ssc-learning/certificates`, undefined, arabicEditor)).status).toBe(403);
    const listed = await adminApi('GET', `/ssc-learning/certificates?id=${issued.id}`, undefined, chief);
    expect(listed.body.certificates).toEqual([expect.objectContaining({ id: issued.id, locale: 'fr', revokedAt: null })]);
    expect(JSON.stringify(listed.body)).not.toMatch(/@|learner/i);
    const revoked = await adminApi('POST', `/ssc-learning/certificates/${issued.id}/revoke`, {}, chief);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const files = await published();
    const bits = await decodeStatusList(files['status/1.json'].credentialSubject.encodedList);
    expect(isBitSet(bits, Number(issued.credential.credentialStatus.statusListIndex))).toBe(true);
    expect((await verifyAgainstPublished(issued.credential)).status).toBe('revoked');
    expect(await (await fetch(`${cms().url}/api/learning/certificates/${issued.id}`)).text()).toContain('Ce certificat a été révoqué.');
    await expect.poll(() => rebuildCalls.map((c) => c.event)).toContain('learning.certificate.revoke');
  });
});
