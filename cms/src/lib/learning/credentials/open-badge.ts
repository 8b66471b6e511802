/**
 * The documents of the Cloud School's certificates: an Open Badges 3.0
 * `OpenBadgeCredential` (W3C VC 2.0 data model), the issuer's profile with its public
 * keys, and the Bitstring Status List credential of revocations. Building only: signing
 * is data-integrity.ts, checking is verify-credential.ts.
 */
import { ed25519PublicKeyMultibase } from './multibase';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface IssuerInfo {
  /** The profile's URL (where issuer.json is published). */
  id: string;
  name: string;
  /** The issuer's home page. */
  url: string;
}

export interface PublishedKey {
  /** The verification method's fragment, e.g. `key-2026-12-01`. */
  keyId: string;
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

export interface VerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export interface IssuerProfile {
  '@context': string[];
  id: string;
  type: ['Profile'];
  name: string;
  url: string;
  verificationMethod: VerificationMethod[];
}

export const verificationMethodId = (issuerId: string, keyId: string) => `${issuerId}#${keyId}`;

/** The published profile: every key the issuer ever signed with, current and retired, so that old certificates still verify. */
export function buildIssuerProfile(issuer: IssuerInfo, keys: PublishedKey[]): IssuerProfile {
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    verificationMethod: keys.map((k) => ({
      id: verificationMethodId(issuer.id, k.keyId),
      type: 'Multikey',
      controller: issuer.id,
      publicKeyMultibase: ed25519PublicKeyMultibase(k.publicKey),
    })),
  };
}

/** OB 3.0's IdentityHash: `sha256$` and the hex SHA-256 of the (trimmed, lower-cased) email followed by the salt. */
export async function emailIdentityHash(email: string, salt: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email.trim().toLowerCase() + salt));
  return `sha256$${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface CertificateInput {
  /** The credential's id: `urn:uuid:...`. */
  id: string;
  issuer: IssuerInfo;
  achievement: {
    /** A stable URL for the course's achievement (its course page). */
    id: string;
    name: string;
    description: string;
    /** What the learner did to earn it, in prose. */
    criteria: string;
    /** The course's language (BCP 47). */
    inLanguage: string;
  };
  recipient: { identityHash: string; salt: string };
  validFrom: Date;
  status: { listUrl: string; index: number };
}

export interface OpenBadgeCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  issuer: { id: string; type: ['Profile']; name: string; url: string };
  validFrom: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    identifier: { type: 'IdentityObject'; identityType: 'emailAddress'; hashed: true; identityHash: string; salt: string }[];
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'Course';
      name: string;
      description: string;
      criteria: { narrative: string };
      inLanguage: string;
    };
  };
  credentialStatus: { id: string; type: 'BitstringStatusListEntry'; statusPurpose: 'revocation'; statusListIndex: string; statusListCredential: string };
}

/** Dates as XML Schema dateTimeStamp without milliseconds, as VC examples write them. */
export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function buildOpenBadgeCredential(input: CertificateInput): OpenBadgeCredential {
  const { issuer, achievement, recipient, status } = input;
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name,
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name, url: issuer.url },
    validFrom: isoSeconds(input.validFrom),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: recipient.identityHash, salt: recipient.salt }],
      achievement: {
        id: achievement.id,
        type: ['Achievement'],
        achievementType: 'Course',
        name: achievement.name,
        description: achievement.description,
        criteria: { narrative: achievement.criteria },
        inLanguage: achievement.inLanguage,
      },
    },
    credentialStatus: {
      id: `${status.listUrl}#${status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.index),
      statusListCredential: status.listUrl,
    },
  };
}

export interface StatusListCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  credentialSubject: { id: string; type: 'BitstringStatusList'; statusPurpose: 'revocation'; encodedList: string };
}

export function buildStatusListCredential(listUrl: string, issuerId: string, encodedList: string, validFrom: Date): StatusListCredential {
  return {
    '@context': [VC_CONTEXT],
    id: listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: isoSeconds(validFrom),
    credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  };
}
