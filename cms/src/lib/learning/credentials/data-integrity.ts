/**
 * Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite (W3C VC Data Integrity
 * EdDSA Cryptosuites): the document and the proof options are each canonicalized with
 * JCS (RFC 8785) and hashed with SHA-256; the Ed25519 signature covers the proof
 * options' hash followed by the document's hash. Works with WebCrypto only, so the same
 * code signs in the CMS (Node) and verifies in the browser.
 */
import { canonicalJson } from './jcs';
import { fromMultibaseBase58, multibaseBase58 } from './multibase';

export const CRYPTOSUITE = 'eddsa-jcs-2022';

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: typeof CRYPTOSUITE;
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
  '@context'?: unknown;
}

export type Signed<T> = T & { proof: DataIntegrityProof };

/** A document to sign: any JSON object without a proof. */
type Unsigned = object & { proof?: never };

/** A copy as a fresh ArrayBuffer-backed array, which every WebCrypto typing accepts. */
const buffer = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** What the signature covers: SHA-256(JCS(proof options)) ‖ SHA-256(JCS(document)). */
async function hashData(document: Record<string, unknown>, proofOptions: Record<string, unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const [optionsHash, documentHash] = await Promise.all([sha256(canonicalJson(proofOptions)), sha256(canonicalJson(document))]);
  const out = new Uint8Array(optionsHash.length + documentHash.length);
  out.set(optionsHash, 0);
  out.set(documentHash, optionsHash.length);
  return out;
}

/** A WebCrypto key, named without the DOM's or Node's global CryptoKey type, so that both compile this module. */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export interface SigningKey {
  /** A WebCrypto Ed25519 private key. */
  privateKey: WebCryptoKey;
  /** The URL of its Multikey verification method. */
  verificationMethod: string;
}

/** Adds an `eddsa-jcs-2022` proof to a document (which must not have one). */
export async function signDocument<T extends Unsigned>(document: T, key: SigningKey, created = new Date()): Promise<Signed<T>> {
  const options: Omit<DataIntegrityProof, 'proofValue'> = {
    type: 'DataIntegrityProof',
    cryptosuite: CRYPTOSUITE,
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: key.verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  // The proof configuration carries the document's context (the cryptosuite's "proof configuration" step).
  const fields = document as Record<string, unknown>;
  const config = fields['@context'] === undefined ? options : { ...options, '@context': fields['@context'] };
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, await hashData(fields, config)));
  return { ...document, proof: { ...options, proofValue: multibaseBase58(signature) } };
}

/** Whether `previous` is the start of `whole` (both a context array or value), as the verifier checks a proof's @context. */
function contextStartsWith(whole: unknown, previous: unknown): boolean {
  const a = Array.isArray(whole) ? whole : [whole];
  const b = Array.isArray(previous) ? previous : [previous];
  return b.length <= a.length && b.every((v, i) => canonicalJson(v) === canonicalJson(a[i]));
}

export type ProofCheck = { ok: true; verificationMethod: string } | { ok: false; reason: 'no-proof' | 'unsupported-proof' | 'unknown-key' | 'bad-signature' };

/**
 * Checks a document's `eddsa-jcs-2022` proof. `publicKeyFor` returns the raw 32-byte
 * Ed25519 key of a verification method URL, or null when that key is not trusted.
 */
export async function verifyDocument(signed: Record<string, unknown>, publicKeyFor: (verificationMethod: string) => Uint8Array | null): Promise<ProofCheck> {
  const { proof, ...document } = signed;
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return { ok: false, reason: 'no-proof' };
  const { proofValue, ...options } = proof as Record<string, unknown>;
  if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== CRYPTOSUITE || typeof proofValue !== 'string') {
    return { ok: false, reason: 'unsupported-proof' };
  }
  if (options.proofPurpose !== 'assertionMethod' || typeof options.verificationMethod !== 'string') return { ok: false, reason: 'unsupported-proof' };
  const raw = publicKeyFor(options.verificationMethod);
  if (!raw) return { ok: false, reason: 'unknown-key' };
  let config: Record<string, unknown> = options;
  if (options['@context'] !== undefined) {
    if (!contextStartsWith(document['@context'], options['@context'])) return { ok: false, reason: 'bad-signature' };
    document['@context'] = options['@context'];
  } else if (document['@context'] !== undefined) {
    config = { ...options, '@context': document['@context'] };
  }
  try {
    const key = await crypto.subtle.importKey('raw', buffer(raw), { name: 'Ed25519' }, false, ['verify']);
    const signature = buffer(fromMultibaseBase58(proofValue));
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, await hashData(document, config));
    return ok ? { ok: true, verificationMethod: options.verificationMethod } : { ok: false, reason: 'bad-signature' };
  } catch {
    return { ok: false, reason: 'bad-signature' };
  }
}
