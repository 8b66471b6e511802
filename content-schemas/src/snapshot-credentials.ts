/**
 * The Cloud School certificates' public documents in a snapshot (docs/cloud-school.md,
 * "Certificates"): the issuer profile with its public keys, and the signed Bitstring
 * Status List of revocations. The pull writes them under `<snapshot>/credentials/`, the
 * site publishes them unchanged under `/credentials/`. They hold no learner data: keys,
 * names and a list of bits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CREDENTIALS_DIR = 'credentials';

/** The file names a snapshot may carry: the issuer profile and numbered status lists. */
export const CREDENTIAL_FILE = /^(issuer\.json|status\/[1-9][0-9]*\.json)$/;

const verificationMethod = z.object({
  id: z.string().url(),
  type: z.literal('Multikey'),
  controller: z.string().url(),
  publicKeyMultibase: z.string().regex(/^z6Mk[1-9A-HJ-NP-Za-km-z]+$/),
});

export const issuerProfileSchema = z
  .object({
    '@context': z.array(z.string()),
    id: z.string().url(),
    type: z.array(z.string()).refine((t) => t.includes('Profile'), 'must include "Profile"'),
    name: z.string().min(1),
    url: z.string().url(),
    verificationMethod: z.array(verificationMethod).min(1),
  })
  .strict();

export const statusListCredentialSchema = z
  .object({
    '@context': z.array(z.string()),
    id: z.string().url(),
    type: z.array(z.string()).refine((t) => t.includes('BitstringStatusListCredential'), 'must include "BitstringStatusListCredential"'),
    issuer: z.string().url(),
    validFrom: z.string(),
    credentialSubject: z
      .object({ id: z.string(), type: z.literal('BitstringStatusList'), statusPurpose: z.string(), encodedList: z.string().regex(/^u[A-Za-z0-9_-]+$/) })
      .strict(),
    proof: z
      .object({
        type: z.literal('DataIntegrityProof'),
        cryptosuite: z.string(),
        verificationMethod: z.string(),
        proofPurpose: z.string(),
        proofValue: z.string(),
      })
      .passthrough(),
  })
  .strict();

/** Validates the files the CMS publishes (`{ files: { name: json } }`); throws naming the first bad file. */
export function validateCredentialFiles(published: unknown): Record<string, unknown> {
  const files = z.object({ files: z.record(z.string(), z.unknown()) }).parse(published).files;
  const out: Record<string, unknown> = {};
  for (const [name, json] of Object.entries(files)) {
    if (!CREDENTIAL_FILE.test(name)) throw new Error(`credentials: unexpected file "${name}"`);
    const schema = name === 'issuer.json' ? issuerProfileSchema : statusListCredentialSchema;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new Error(`credentials: ${name} is invalid: ${parsed.error.message}`);
    out[name] = json;
  }
  return out;
}

/** Writes the files under `<snapshotDir>/credentials/`; returns their names. */
export function writeCredentialFiles(snapshotDir: string, files: Record<string, unknown>): string[] {
  for (const [name, json] of Object.entries(files)) {
    const file = path.join(snapshotDir, CREDENTIALS_DIR, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  }
  return Object.keys(files).sort();
}

/** The snapshot's credential files (validated again), none for a snapshot from before certificates. */
export function readCredentialFiles(snapshotDir: string, names: readonly string[] = []): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of names) files[name] = JSON.parse(fs.readFileSync(path.join(snapshotDir, CREDENTIALS_DIR, name), 'utf8'));
  return validateCredentialFiles({ files });
}
