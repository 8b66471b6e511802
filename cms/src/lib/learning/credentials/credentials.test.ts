import { createHash, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bitstringOf,
  buildIssuerProfile,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  canonicalJson,
  decodeStatusList,
  ed25519PublicKeyFromMultibase,
  ed25519PublicKeyMultibase,
  emailIdentityHash,
  encodeStatusList,
  isBitSet,
  signDocument,
  verifyCredential,
  verifyDocument,
  base58btcDecode,
  base58btcEncode,
  fromMultibaseBase58,
  type IssuerProfile,
} from './index';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
// RFC 8032, section 7.1, test 1.
const RFC8032_SEED = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const RFC8032_PUBLIC = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
const RFC8032_EMPTY_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
const PKCS8_ED25519_PREFIX = hex('302e020100300506032b657004220420');

async function keyFromSeed(seed: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', new Uint8Array([...PKCS8_ED25519_PREFIX, ...seed]), { name: 'Ed25519' }, false, ['sign']);
}

async function newKeyPair(): Promise<{ privateKey: CryptoKey; publicKey: Uint8Array }> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicKey: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)) };
}

const ISSUER = { id: 'https://hub.example.org/credentials/issuer.json', name: 'SSC Cloud School', url: 'https://hub.example.org/' };
const LIST_URL = 'https://hub.example.org/credentials/status/1.json';

async function issue(privateKey: CryptoKey, keyId = 'key-1', statusIndex = 42) {
  const credential = buildOpenBadgeCredential({
    id: 'urn:uuid:7f1c2b1e-6a55-4f0e-9d0e-2f7b8a7c1d11',
    issuer: ISSUER,
    achievement: {
      id: 'https://hub.example.org/fr/courses/juncao/',
      name: 'Juncao : cultiver des champignons sur herbe',
      description: 'Un cours en six leçons.',
      criteria: 'Terminer toutes les leçons requises et réussir le quiz.',
      inLanguage: 'fr',
    },
    recipient: { identityHash: await emailIdentityHash('Learner@Example.org ', 'pepper'), salt: 'pepper' },
    validFrom: new Date('2026-12-01T10:00:00Z'),
    status: { listUrl: LIST_URL, index: statusIndex },
  });
  return signDocument(credential, { privateKey, verificationMethod: `${ISSUER.id}#${keyId}` }, new Date('2026-12-01T10:00:01Z'));
}

async function statusList(privateKey: CryptoKey, revoked: number[], keyId = 'key-1') {
  const list = buildStatusListCredential(LIST_URL, ISSUER.id, await encodeStatusList(bitstringOf(revoked)), new Date('2026-12-01T11:00:00Z'));
  return signDocument(list, { privateKey, verificationMethod: `${ISSUER.id}#${keyId}` });
}

function trustOf(profile: IssuerProfile, list: unknown) {
  return { issuer: profile, statusList: async (url: string) => (url === LIST_URL ? list : null) };
}

describe('JCS (RFC 8785)', () => {
  it('canonicalizes the RFC example: sorted members, ECMAScript numbers and string escapes', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts member names by UTF-16 code units and refuses non-JSON numbers', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, a: { b: [], a: {} } })).toBe('{"\\r":2,"1":4,"a":{"a":{},"b":[]},"€":1,"😀":3}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/not a JSON number/);
  });
});

describe('multibase and Multikey', () => {
  it('round-trips base58btc with leading zero bytes', () => {
    const bytes = Uint8Array.from([0, 0, 1, 2, 255, 254]);
    expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
    expect(base58btcEncode(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
  });

  it('writes an Ed25519 public key as a z6Mk Multikey and reads it back', () => {
    const multikey = ed25519PublicKeyMultibase(RFC8032_PUBLIC);
    expect(multikey.startsWith('z6Mk')).toBe(true);
    expect(fromMultibaseBase58(multikey).slice(0, 2)).toEqual(Uint8Array.from([0xed, 0x01]));
    expect(ed25519PublicKeyFromMultibase(multikey)).toEqual(RFC8032_PUBLIC);
  });
});

describe('eddsa-jcs-2022 proofs', () => {
  it('signs with WebCrypto Ed25519 as RFC 8032 says (test 1)', async () => {
    const key = await keyFromSeed(RFC8032_SEED);
    const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, new Uint8Array(0)));
    expect(Buffer.from(signature).toString('hex')).toBe(RFC8032_EMPTY_SIGNATURE);
  });

  it('signs SHA-256(JCS(proof options with the context)) followed by SHA-256(JCS(document)), as an independent Node computation confirms', async () => {
    const document = { '@context': ['https://www.w3.org/ns/credentials/v2'], b: 'é', a: [1, 2.5] };
    const signed = await signDocument(
      document,
      { privateKey: await keyFromSeed(RFC8032_SEED), verificationMethod: 'https://x.example/issuer#key-1' },
      new Date('2026-01-02T03:04:05.678Z'),
    );
    expect(signed.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      created: '2026-01-02T03:04:05Z',
      proofPurpose: 'assertionMethod',
    });
    // Written by hand, in RFC 8785 order, to check the library's canonical form and hashing.
    const options =
      '{"@context":["https://www.w3.org/ns/credentials/v2"],"created":"2026-01-02T03:04:05Z","cryptosuite":"eddsa-jcs-2022","proofPurpose":"assertionMethod","type":"DataIntegrityProof","verificationMethod":"https://x.example/issuer#key-1"}';
    const doc = '{"@context":["https://www.w3.org/ns/credentials/v2"],"a":[1,2.5],"b":"é"}';
    const data = Buffer.concat([createHash('sha256').update(options).digest(), createHash('sha256').update(doc).digest()]);
    const nodeKey = createPrivateKey({ key: Buffer.from([...PKCS8_ED25519_PREFIX, ...RFC8032_SEED]), format: 'der', type: 'pkcs8' });
    const expected = nodeSign(null, data, nodeKey);
    expect(fromMultibaseBase58(signed.proof.proofValue)).toEqual(new Uint8Array(expected));
    expect(await verifyDocument(signed, () => RFC8032_PUBLIC)).toEqual({ ok: true, verificationMethod: 'https://x.example/issuer#key-1' });
  });
});

describe('Open Badges 3.0 certificates', () => {
  it('identifies the learner by a salted SHA-256 of the normalized email, never the email', async () => {
    const { privateKey } = await newKeyPair();
    const credential = await issue(privateKey);
    const [identity] = credential.credentialSubject.identifier;
    expect(identity).toEqual({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      salt: 'pepper',
      identityHash: `sha256$${createHash('sha256').update('learner@example.orgpepper').digest('hex')}`,
    });
    expect(JSON.stringify(credential)).not.toMatch(/example\.org"|learner@/i);
  });

  it('verifies a certificate it issued: round trip, valid', async () => {
    const { privateKey, publicKey } = await newKeyPair();
    const profile = buildIssuerProfile(ISSUER, [{ keyId: 'key-1', publicKey }]);
    const credential = await issue(privateKey);
    const result = await verifyCredential(JSON.parse(JSON.stringify(credential)), trustOf(profile, await statusList(privateKey, [])));
    expect(result).toEqual({
      status: 'valid',
      summary: { name: 'Juncao : cultiver des champignons sur herbe', issuer: 'SSC Cloud School', validFrom: '2026-12-01T10:00:00Z', inLanguage: 'fr' },
    });
  });

  it('says tampered when one character of the credential is changed', async () => {
    const { privateKey, publicKey } = await newKeyPair();
    const profile = buildIssuerProfile(ISSUER, [{ keyId: 'key-1', publicKey }]);
    const text = JSON.stringify(await issue(privateKey));
    const altered = text.replace('réussir', 'reussir');
    expect(altered).not.toBe(text);
    const trust = trustOf(profile, await statusList(privateKey, []));
    expect((await verifyCredential(JSON.parse(altered), trust)).status).toBe('tampered');
    const proofAltered = JSON.parse(text);
    const value: string = proofAltered.proof.proofValue;
    proofAltered.proof.proofValue = value.slice(0, -1) + (value.endsWith('2') ? '3' : '2');
    expect((await verifyCredential(proofAltered, trust)).status).toBe('tampered');
  });

  it('says tampered for a certificate signed by a key that is not the issuer’s, and unknown-issuer for another issuer', async () => {
    const issuerKeys = await newKeyPair();
    const forger = await newKeyPair();
    const profile = buildIssuerProfile(ISSUER, [{ keyId: 'key-1', publicKey: issuerKeys.publicKey }]);
    const trust = trustOf(profile, await statusList(issuerKeys.privateKey, []));
    expect((await verifyCredential(await issue(forger.privateKey), trust)).status).toBe('tampered');
    expect((await verifyCredential(await issue(forger.privateKey, 'key-9'), trust)).status).toBe('tampered');
    const foreign = { ...(await issue(issuerKeys.privateKey)), issuer: { ...ISSUER, id: 'https://other.example/issuer.json' } };
    expect((await verifyCredential(foreign, trust)).status).toBe('unknown-issuer');
    expect((await verifyCredential({ hello: 'world' }, trust)).status).toBe('malformed');
  });

  it('says revoked when its bit is set in the signed status list, and status-unavailable when the list is forged', async () => {
    const { privateKey, publicKey } = await newKeyPair();
    const profile = buildIssuerProfile(ISSUER, [{ keyId: 'key-1', publicKey }]);
    const credential = await issue(privateKey, 'key-1', 42);
    expect((await verifyCredential(credential, trustOf(profile, await statusList(privateKey, [41, 43])))).status).toBe('valid');
    expect((await verifyCredential(credential, trustOf(profile, await statusList(privateKey, [42])))).status).toBe('revoked');
    const forged = await statusList((await newKeyPair()).privateKey, []);
    expect((await verifyCredential(credential, trustOf(profile, forged))).status).toBe('status-unavailable');
  });

  it('keeps verifying certificates signed by a retired key after a rotation', async () => {
    const oldKey = await newKeyPair();
    const newKey = await newKeyPair();
    const old = await issue(oldKey.privateKey, 'key-1');
    const profile = buildIssuerProfile(ISSUER, [
      { keyId: 'key-1', publicKey: oldKey.publicKey },
      { keyId: 'key-2', publicKey: newKey.publicKey },
    ]);
    const trust = trustOf(profile, await statusList(newKey.privateKey, [], 'key-2'));
    expect((await verifyCredential(old, trust)).status).toBe('valid');
    expect((await verifyCredential(await issue(newKey.privateKey, 'key-2'), trust)).status).toBe('valid');
  });
});

describe('Bitstring Status List', () => {
  it('round-trips a 16 KB list through GZIP and base64url, most significant bit first', async () => {
    const bits = bitstringOf([0, 9, 131_071]);
    expect(bits.length).toBe(16_384);
    expect(bits[0]).toBe(0x80);
    expect(bits[1]).toBe(0x40);
    const encoded = await encodeStatusList(bits);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded.length).toBeLessThan(200);
    const decoded = await decodeStatusList(encoded);
    expect([0, 1, 9, 131_071].map((i) => isBitSet(decoded, i))).toEqual([true, false, true, true]);
  });
});
