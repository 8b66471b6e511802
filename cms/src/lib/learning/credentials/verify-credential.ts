/**
 * Checks a Cloud School certificate against the issuer's published profile and status
 * list: the verify page runs this in the browser, the CMS's tests run it in Node. The
 * result is one word the page can say in the reader's language.
 */
import { verifyDocument } from './data-integrity';
import { ed25519PublicKeyFromMultibase } from './multibase';
import type { IssuerProfile } from './open-badge';
import { decodeStatusList, isBitSet } from './status-list';

export type VerificationStatus =
  /** Signed by the issuer, unaltered, not revoked. */
  | 'valid'
  /** Changed after signing, or signed by a key that is not the issuer's. */
  | 'tampered'
  /** Genuine, but revoked in the issuer's status list. */
  | 'revoked'
  /** Issued by someone else than the issuer this page trusts. */
  | 'unknown-issuer'
  /** Not an Open Badges credential this page can read. */
  | 'malformed'
  /** Its status list could not be read or is not the issuer's. */
  | 'status-unavailable';

export interface VerificationResult {
  status: VerificationStatus;
  /** What the credential says, for display once it is known to be genuine. */
  summary?: { name: string; issuer: string; validFrom: string; inLanguage: string | null };
}

export interface Trust {
  issuer: IssuerProfile;
  /** Fetches the status list credential at a URL the credential names, or null. */
  statusList(url: string): Promise<unknown>;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const issuerIdOf = (issuer: unknown) => (typeof issuer === 'string' ? issuer : isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : null);

/** The raw key of one of the trusted issuer's verification methods, or null. */
function keyResolver(issuer: IssuerProfile) {
  return (verificationMethod: string): Uint8Array | null => {
    const vm = issuer.verificationMethod.find((m) => m.id === verificationMethod && m.controller === issuer.id);
    if (!vm) return null;
    try {
      return ed25519PublicKeyFromMultibase(vm.publicKeyMultibase);
    } catch {
      return null;
    }
  };
}

/** Whether a revocation entry's bit is set in its (verified) status list; null when the list is unusable. */
async function isRevoked(entry: Obj, trust: Trust): Promise<boolean | null> {
  const url = entry.statusListCredential;
  const index = Number(entry.statusListIndex);
  if (typeof url !== 'string' || !Number.isInteger(index) || index < 0) return null;
  const list = await trust.statusList(url).catch(() => null);
  if (!isObject(list) || list.id !== url || issuerIdOf(list.issuer) !== trust.issuer.id) return null;
  if (!(await verifyDocument(list, keyResolver(trust.issuer))).ok) return null;
  const subject = list.credentialSubject;
  if (!isObject(subject) || subject.statusPurpose !== 'revocation' || typeof subject.encodedList !== 'string') return null;
  try {
    return isBitSet(await decodeStatusList(subject.encodedList), index);
  } catch {
    return null;
  }
}

export async function verifyCredential(credential: unknown, trust: Trust): Promise<VerificationResult> {
  if (!isObject(credential) || !asArray(credential.type).includes('OpenBadgeCredential') || !isObject(credential.proof)) return { status: 'malformed' };
  const issuerId = issuerIdOf(credential.issuer);
  if (issuerId !== trust.issuer.id) return { status: 'unknown-issuer' };
  const proof = await verifyDocument(credential, keyResolver(trust.issuer));
  if (!proof.ok) return { status: proof.reason === 'unsupported-proof' || proof.reason === 'no-proof' ? 'malformed' : 'tampered' };
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const summary = {
    name: String(achievement.name ?? credential.name ?? ''),
    issuer: isObject(credential.issuer) ? String(credential.issuer.name ?? issuerId) : issuerId,
    validFrom: String(credential.validFrom ?? ''),
    inLanguage: typeof achievement.inLanguage === 'string' ? achievement.inLanguage : null,
  };
  for (const entry of asArray(credential.credentialStatus)) {
    if (!isObject(entry) || entry.statusPurpose !== 'revocation') continue;
    const revoked = await isRevoked(entry, trust);
    if (revoked === null) return { status: 'status-unavailable', summary };
    if (revoked) return { status: 'revoked', summary };
  }
  return { status: 'valid', summary };
}
