/**
 * Issuing, reading and revoking certificates, and the documents the site publishes for
 * their verification (the issuer profile with every public key, and the signed status
 * list). The `api::learning.certificates` service is a thin shell over this module.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  bitstringOf,
  buildIssuerProfile,
  buildOpenBadgeCredential,
  buildStatusListCredential,
  emailIdentityHash,
  encodeStatusList,
  signDocument,
  STATUS_LIST_BITS,
  verificationMethodId,
  type IssuerProfile,
  type OpenBadgeCredential,
  type Signed,
  type StatusListCredential,
} from '../credentials';
import { collectionByName, itemSitePath } from '../../model';
import { certificateStrings } from './strings';
import { CREDENTIALS_DIR, ISSUER_FILE, issuerInfo, siteUrl, STATUS_LIST_FILE, statusListUrl } from './issuer';
import { allSigningKeys, ensureSigningKey, importPrivateKey, publicKeyBytes } from './signing-keys';
import { CREDENTIALS_TABLE, type CredentialRow } from './tables';

const COURSE_UID = 'api::course.course';

export interface IssueRequest {
  learner: { id: number; email: string };
  courseDocumentId: string;
  locale: string;
}

export interface IssuedCertificate {
  /** The credential's UUID: its page is `/api/learning/certificates/{id}`. */
  id: string;
  credential: Signed<OpenBadgeCredential>;
  revokedAt: string | null;
  locale: string;
  courseDocumentId: string;
  learnerId: number | null;
  issuedAt: string;
}

const db = (strapi: Core.Strapi) => strapi.db.connection;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toCertificate(row: CredentialRow): IssuedCertificate {
  return {
    id: row.credential_id,
    credential: JSON.parse(row.credential_json) as Signed<OpenBadgeCredential>,
    revokedAt: iso(row.revoked_at),
    locale: row.locale,
    courseDocumentId: row.course_document_id,
    learnerId: row.learner_id,
    issuedAt: iso(row.issued_at)!,
  };
}

async function signingKey(strapi: Core.Strapi) {
  const row = await ensureSigningKey(db(strapi));
  return { privateKey: await importPrivateKey(row), verificationMethod: verificationMethodId(issuerInfo(strapi).id, row.key_id) };
}

/** A free status-list position, drawn at random so that positions say nothing about order or count. */
async function freeStatusIndex(strapi: Core.Strapi): Promise<number> {
  for (let attempt = 0; attempt < 64; attempt++) {
    const index = randomInt(STATUS_LIST_BITS);
    if (!(await db(strapi)(CREDENTIALS_TABLE).where({ status_index: index }).first())) return index;
  }
  throw new Error('certificates: the status list is full');
}

interface CourseFields {
  title?: string | null;
  summary?: string | null;
  slug?: string | null;
}

/**
 * Issues the learner's certificate for a course in a locale, once: a learner who already
 * holds an unrevoked certificate for it gets that one back.
 */
export async function issueCertificate(strapi: Core.Strapi, request: IssueRequest, now = new Date()): Promise<IssuedCertificate> {
  const { learner, courseDocumentId, locale } = request;
  const existing = (await db(strapi)(CREDENTIALS_TABLE)
    .where({ learner_id: learner.id, course_document_id: courseDocumentId, locale })
    .whereNull('revoked_at')
    .first()) as CredentialRow | undefined;
  if (existing) return toCertificate(existing);
  const course = (await strapi
    .documents(COURSE_UID)
    .findOne({ documentId: courseDocumentId, locale, status: 'published', fields: ['title', 'summary', 'slug'] })) as CourseFields | null;
  if (!course?.title) throw new Error(`certificates: no published course ${courseDocumentId} in ${locale}`);
  const courseCollection = collectionByName.get('course')!;
  const id = randomUUID();
  const salt = randomBytes(16).toString('hex');
  const statusIndex = await freeStatusIndex(strapi);
  const unsigned = buildOpenBadgeCredential({
    id: `urn:uuid:${id}`,
    issuer: issuerInfo(strapi),
    achievement: {
      id: `${siteUrl(strapi)}${itemSitePath(courseCollection, locale, course.slug ?? courseDocumentId)}`,
      name: course.title,
      description: course.summary || course.title,
      criteria: certificateStrings(locale).criteria,
      inLanguage: locale,
    },
    recipient: { identityHash: await emailIdentityHash(learner.email, salt), salt },
    validFrom: now,
    status: { listUrl: statusListUrl(strapi), index: statusIndex },
  });
  const credential = await signDocument(unsigned, await signingKey(strapi), now);
  await db(strapi)(CREDENTIALS_TABLE).insert({
    credential_id: id,
    learner_id: learner.id,
    course_document_id: courseDocumentId,
    locale,
    issued_at: now,
    status_index: statusIndex,
    revoked_at: null,
    credential_json: JSON.stringify(credential),
  });
  return { id, credential, revokedAt: null, locale, courseDocumentId, learnerId: learner.id, issuedAt: now.toISOString() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function findCertificate(strapi: Core.Strapi, id: string): Promise<IssuedCertificate | null> {
  if (!UUID.test(id)) return null;
  const row = (await db(strapi)(CREDENTIALS_TABLE).where({ credential_id: id }).first()) as CredentialRow | undefined;
  return row ? toCertificate(row) : null;
}

/** A learner's certificates (for "my learning" and the data export). */
export async function certificatesOf(strapi: Core.Strapi, learnerId: number): Promise<IssuedCertificate[]> {
  const rows = (await db(strapi)(CREDENTIALS_TABLE).where({ learner_id: learnerId }).orderBy('id', 'asc')) as CredentialRow[];
  return rows.map(toCertificate);
}

/** Revokes a certificate: its bit is set in the next status list. False when there is no such certificate. */
export async function revokeCertificate(strapi: Core.Strapi, id: string, now = new Date()): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const changed = await db(strapi)(CREDENTIALS_TABLE).where({ credential_id: id }).whereNull('revoked_at').update({ revoked_at: now });
  if (changed) await requestSiteRebuild('learning.certificate.revoke');
  return changed > 0 || !!(await findCertificate(strapi, id));
}

/** Asks the rebuild service (SITE_REBUILD_URL) for a new release, as a publish does; nothing when none is configured. */
export async function requestSiteRebuild(event: string): Promise<void> {
  const url = process.env.SITE_REBUILD_URL;
  if (!url) return;
  try {
    await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${process.env.SITE_REBUILD_SECRET ?? ''}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event, model: 'learning-certificate' }),
      signal: AbortSignal.timeout(5_000),
    });
  } catch (error) {
    console.warn(`certificates: the site rebuild could not be requested (${(error as Error).message})`);
  }
}

export interface PublishedCredentialFiles {
  /** Paths under the site's `/credentials/` folder, and their JSON. */
  files: Record<string, IssuerProfile | Signed<StatusListCredential>>;
}

/**
 * The issuer profile and the signed status list, as the site publishes them. The status
 * list is dated by the last revocation (or the signing key), so that an unchanged list
 * signs to the same bytes and the pull sees no change.
 */
export async function publishedCredentialFiles(strapi: Core.Strapi): Promise<PublishedCredentialFiles> {
  const current = await ensureSigningKey(db(strapi));
  const keys = await allSigningKeys(db(strapi));
  const issuer = issuerInfo(strapi);
  const profile = buildIssuerProfile(
    issuer,
    keys.map((k) => ({ keyId: k.key_id, publicKey: publicKeyBytes(k) })),
  );
  const revoked = (await db(strapi)(CREDENTIALS_TABLE).whereNotNull('revoked_at').select('status_index', 'revoked_at')) as Pick<
    CredentialRow,
    'status_index' | 'revoked_at'
  >[];
  const dates = [new Date(current.created_at).getTime(), ...revoked.map((r) => new Date(r.revoked_at!).getTime())];
  const asOf = new Date(Math.max(...dates));
  const list = buildStatusListCredential(statusListUrl(strapi), issuer.id, await encodeStatusList(bitstringOf(revoked.map((r) => r.status_index))), asOf);
  const signed = await signDocument(
    list,
    { privateKey: await importPrivateKey(current), verificationMethod: verificationMethodId(issuer.id, current.key_id) },
    asOf,
  );
  return { files: { [ISSUER_FILE]: profile, [STATUS_LIST_FILE]: signed } };
}

export { CREDENTIALS_DIR };
