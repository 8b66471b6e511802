/**
 * The manifest of a backup archive (`manifest.json`, its first member): what the
 * archive holds, a SHA-256 checksum of every other member, where the data came
 * from, and fingerprints of the secrets. The manifest carries a checksum of its
 * own, so a damaged manifest is told apart from a damaged member.
 */
import { z } from 'zod';
import { sha256Text } from './checksum.ts';
import { damaged, mismatched } from './refusal.ts';
import type { SecretFingerprints } from './secret-fingerprints.ts';

export const ARCHIVE_FORMAT = 'ssc-knowledge-platform-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
/** Archive members: the database under database/, the uploads folder's files under uploads/. */
export const SQLITE_MEMBER = 'database/cms.db.gz';
export const POSTGRES_MEMBER = 'database/cms.pgdump';
export const UPLOADS_PREFIX = 'uploads/';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const count = z.number().int().nonnegative();

const memberSchema = z.object({ path: z.string().min(1), size: count, sha256 });

const databaseSchema = z.discriminatedUnion('client', [
  z.object({
    client: z.literal('sqlite'),
    member: z.literal(SQLITE_MEMBER),
    /** SHA-256 and size of the database file once decompressed. */
    fileSha256: sha256,
    fileSize: count,
  }),
  z.object({
    client: z.literal('postgres'),
    member: z.literal(POSTGRES_MEMBER),
    schema: z.string().min(1),
    serverVersion: z.string(),
    dumpVersion: z.string(),
  }),
]);

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  strapiVersion: z.string(),
  database: databaseSchema,
  counts: z.object({
    /** Rows per table, as the archived database holds them. */
    tables: z.record(z.string(), count),
    uploadFiles: count,
    uploadBytes: count,
  }),
  members: z.array(memberSchema),
  secrets: z.object({
    algorithm: z.literal('scrypt'),
    params: z.object({
      N: z
        .number()
        .int()
        .min(2)
        .max(1 << 20),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      keylen: z.number().int().min(16).max(64),
    }),
    salt: z.string().min(1),
    fingerprints: z.record(z.string(), z.string().regex(/^[0-9a-f]+$/)),
  }),
});

export type Manifest = z.infer<typeof manifestSchema> & { secrets: SecretFingerprints };
export type ManifestMember = z.infer<typeof memberSchema>;
type UnsignedManifest = Omit<Manifest, 'checksum'>;

const render = (manifest: UnsignedManifest) => JSON.stringify(manifest, null, 2);

/** The manifest's text: its fields, then `checksum`, the SHA-256 of the text without it. */
export function serializeManifest(manifest: UnsignedManifest): string {
  const checksum = sha256Text(render(manifest));
  return `${JSON.stringify({ ...manifest, checksum }, null, 2)}\n`;
}

/** Reads and checks a manifest; refuses a damaged one, another format or an unknown version. */
export function parseManifest(text: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged(`${MANIFEST_NAME} is not valid JSON`);
  }
  if (!raw || typeof raw !== 'object') throw damaged(`${MANIFEST_NAME} is not a JSON object`);
  const { checksum, ...rest } = raw as Record<string, unknown>;
  if (typeof checksum !== 'string' || sha256Text(render(rest as UnsignedManifest)) !== checksum) {
    throw damaged(`${MANIFEST_NAME} does not match its own checksum`);
  }
  if (rest.format !== ARCHIVE_FORMAT) throw mismatched(`not a backup of the SSC Knowledge Platform (format ${JSON.stringify(rest.format)})`);
  if (rest.formatVersion !== FORMAT_VERSION) {
    throw mismatched(
      `unknown format version ${JSON.stringify(rest.formatVersion)}: this restore reads version ${FORMAT_VERSION} (a newer platform may have made it)`,
    );
  }
  const parsed = manifestSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw damaged(`${MANIFEST_NAME}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as Manifest;
}
