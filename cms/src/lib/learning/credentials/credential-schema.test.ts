import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildOpenBadgeCredential, emailIdentityHash, signDocument } from './index';

/** Our schema of OB 3.0's normative requirements for the fields we emit (see its description: not 1EdTech's file). */
const schema = JSON.parse(readFileSync(new URL('./ssc-open-badge-credential.schema.json', import.meta.url), 'utf8'));

async function signedCredential() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const credential = buildOpenBadgeCredential({
    id: 'urn:uuid:0b4f1e8a-3d8c-4a4e-8f0f-5b8f8a1f9c21',
    issuer: { id: 'https://hub.example.org/credentials/issuer.json', name: 'SSC Cloud School', url: 'https://hub.example.org/' },
    achievement: {
      id: 'https://hub.example.org/ar/courses/cassava/',
      name: 'تصنيع الكسافا',
      description: 'دورة من خمسة دروس.',
      criteria: 'إكمال جميع الدروس المطلوبة.',
      inLanguage: 'ar',
    },
    recipient: { identityHash: await emailIdentityHash('a@b.example', 'salt'), salt: 'salt' },
    validFrom: new Date('2026-12-01T00:00:00Z'),
    status: { listUrl: 'https://hub.example.org/credentials/status/1.json', index: 7 },
  });
  return signDocument(credential, { privateKey: pair.privateKey, verificationMethod: 'https://hub.example.org/credentials/issuer.json#key-1' });
}

describe('the OpenBadgeCredential JSON Schema check (ajv)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  it('accepts a signed certificate as the CMS builds it', async () => {
    const valid = validate(JSON.parse(JSON.stringify(await signedCredential())));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a credential without its achievement criteria, with a clear-text identity hash or without the OB context', async () => {
    const base = JSON.parse(JSON.stringify(await signedCredential()));
    const noCriteria = structuredClone(base);
    delete noCriteria.credentialSubject.achievement.criteria;
    expect(validate(noCriteria)).toBe(false);
    const clearText = structuredClone(base);
    clearText.credentialSubject.identifier[0].identityHash = 'a@b.example';
    expect(validate(clearText)).toBe(false);
    const noContext = structuredClone(base);
    noContext['@context'] = ['https://www.w3.org/ns/credentials/v2'];
    expect(validate(noContext)).toBe(false);
  });
});
