import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypes, CREDENTIALS_DIR, localeCodes, readCredentialFiles, readSnapshot, strapiUid, type Snapshot } from '@ssc/content-schemas';
import { pullSnapshot } from '../scripts/lib/pull.ts';
import { freePort } from '../scripts/lib/processes.ts';
import { loadDemoContent } from '../cms/seed/load-content.ts';
import { cms, contentManager } from '../cms/test/support/http.ts';
import { uniqueSlug } from '../cms/test/support/fixtures.ts';

/** What this test reads of a demo document, whatever its type. */
interface DemoDocument {
  slug: string;
  locales: Record<string, unknown>;
  draftLocales?: readonly string[];
}

const POLICY = strapiUid(contentTypes.find((t) => t.name === 'policy')!);

describe('pulling a content snapshot from the CMS', () => {
  let snapshotsDir: string;
  let snapshot: Snapshot;
  let invalidPolicy: string;
  let unparsableLinkPolicy: string;
  const policyData = (slug: string) => ({
    slug: uniqueSlug(slug),
    title: 'Policy',
    summary: 'Left out of the snapshot',
    license: 'CC-BY-4.0',
    attribution: 'Test',
    issuingBody: 'Nobody',
    dateIssued: '2020-01-01',
    documentType: 'law',
  });

  beforeAll(async () => {
    snapshotsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-snapshots-'));
    // A published policy without its (required) country: Strapi has no required
    // relations, so only the snapshot validation can catch it.
    const created = await contentManager.create(POLICY, 'en', { ...policyData('policy-without-country'), title: 'Policy without a country' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    invalidPolicy = created.body.data.documentId;
    expect((await contentManager.publish(POLICY, invalidPolicy, 'en')).status).toBe(200);
    // A French official link that Strapi's pattern lets through but new URL() refuses (no such IPv4 address).
    const unparsable = await contentManager.create(POLICY, 'fr', { ...policyData('policy-unparsable-link'), officialLink: 'https://999.999.1.1/' });
    expect(unparsable.status, JSON.stringify(unparsable.body)).toBe(201);
    unparsableLinkPolicy = unparsable.body.data.documentId;
    expect((await contentManager.publish(POLICY, unparsableLinkPolicy, 'fr')).status).toBe(200);
    const { dir } = await pullSnapshot({ cmsUrl: cms().url, token: cms().apiToken, snapshotsDir, pageSize: 7 });
    snapshot = readSnapshot(dir);
  });

  afterAll(() => fs.rmSync(snapshotsDir, { recursive: true, force: true }));

  it('holds every published demo document in every locale, and no draft', () => {
    const demo = loadDemoContent() as unknown as Record<string, DemoDocument[] | undefined>;
    for (const type of contentTypes) {
      // The demo content of a type is cms/seed/content/<pluralName>.json; a type without one has no demo documents.
      const documents = demo[type.pluralName] ?? [];
      for (const locale of localeCodes) {
        const expected = documents
          .filter((d) => d.locales[locale] && !(d.draftLocales ?? []).includes(locale))
          .map((d) => d.slug)
          .sort();
        const got = snapshot.entries[type.name][locale].map((e) => e.slug).filter((s) => expected.includes(s) || documents.some((d) => d.slug === s));
        expect(got.sort(), `${type.name} [${locale}]`).toEqual(expected);
      }
    }
    const all = JSON.stringify(snapshot.entries);
    expect(all).not.toContain('SECRET DRAFT');
    expect(all).not.toContain('"publishedAt":null');
  });

  it('lists for each entry the locales where its document is published', () => {
    const demo = loadDemoContent();
    const partial = demo.news.find((d) => !(d.locales as Record<string, unknown>).fr && !d.draftLocales?.length)!;
    const entry = snapshot.entries.news.en.find((e) => e.slug === partial.slug)!;
    expect(entry.translations).not.toContain('fr');
    expect(entry.translations).toContain('en');
  });

  it('copies every referenced media file into the snapshot', () => {
    const hero = snapshot.entries.news.ar[0].heroImage;
    expect(hero.alt.length).toBeGreaterThan(0);
    const file = path.join(snapshot.dir, hero.image.path);
    expect(fs.statSync(file).size).toBe(hero.image.sizeBytes);
    expect(hero.image.mime).toMatch(/^image\//);
  });

  it('leaves out an invalid entry and names its type, document, locale and field in the manifest', () => {
    expect(snapshot.entries.policy.en.map((e) => e.documentId)).not.toContain(invalidPolicy);
    expect(snapshot.manifest.warnings).toContainEqual(expect.objectContaining({ type: 'policy', documentId: invalidPolicy, locale: 'en', field: 'country' }));
  });

  it('leaves out an entry whose URL new URL() cannot parse, naming the field', () => {
    expect(snapshot.entries.policy.fr.map((e) => e.documentId)).not.toContain(unparsableLinkPolicy);
    expect(snapshot.manifest.warnings).toContainEqual(
      expect.objectContaining({ type: 'policy', documentId: unparsableLinkPolicy, locale: 'fr', field: 'officialLink' }),
    );
  });

  it('has the CMS refuse to publish an official link that is not a URL, such as https://[', async () => {
    // Strapi checks patterns when a draft is published, not when it is saved.
    const draft = await contentManager.create(POLICY, 'fr', { ...policyData('policy-bracket-link'), officialLink: 'https://[' });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const refused = await contentManager.publish(POLICY, draft.body.data.documentId, 'fr');
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('officialLink');
  });

  it('fails loudly on a refused token and keeps the earlier snapshot as latest', async () => {
    const latest = fs.readlinkSync(path.join(snapshotsDir, 'latest'));
    await expect(pullSnapshot({ cmsUrl: cms().url, token: 'wrong', snapshotsDir })).rejects.toThrow(/refused the build token \(401\)/);
    expect(fs.readlinkSync(path.join(snapshotsDir, 'latest'))).toBe(latest);
    expect(fs.readdirSync(snapshotsDir).filter((n) => n.startsWith('.partial'))).toEqual([]);
  });

  it('carries the certificates’ public files: the issuer profile with its keys and the signed status list, and no learner', () => {
    expect(snapshot.manifest.credentials).toEqual(['issuer.json', 'status/1.json']);
    const files = readCredentialFiles(snapshot.dir, snapshot.manifest.credentials) as Record<string, { id: string; proof?: unknown }>;
    expect(files['issuer.json']!.id).toMatch(/\/credentials\/issuer\.json$/);
    expect(files['status/1.json']!.proof).toMatchObject({ cryptosuite: 'eddsa-jcs-2022' });
    const text = fs.readFileSync(path.join(snapshot.dir, CREDENTIALS_DIR, 'issuer.json'), 'utf8');
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]|private|encrypted/i);
  });

  it('fails loudly when the CMS is unreachable', async () => {
    const port = await freePort();
    await expect(pullSnapshot({ cmsUrl: `http://127.0.0.1:${port}`, token: 'x', snapshotsDir })).rejects.toThrow(/CMS unreachable/);
  });
});
