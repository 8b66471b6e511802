/**
 * `npm run backup`: one archive with the database, the uploads and a manifest
 * (checksums, database client, Strapi version, time, counts, fingerprints of the
 * secrets, never the secrets). Everything is gathered in a hidden folder beside the
 * archive, packed into `<archive>.partial`, then renamed: an archive that exists is
 * complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../paths.ts';
import { describeMembers, writeArchive } from './archive.ts';
import { installedStrapiVersion, type Instance } from './instance.ts';
import { FORMAT_VERSION, ARCHIVE_FORMAT, MANIFEST_NAME, POSTGRES_MEMBER, SQLITE_MEMBER, UPLOADS_PREFIX, serializeManifest, type Manifest } from './manifest.ts';
import { backupPostgres } from './postgres-database.ts';
import { fingerprintSecrets } from './secret-fingerprints.ts';
import { backupSqlite } from './sqlite-database.ts';
import { stageUploads } from './uploads.ts';

export const defaultBackupsDir = path.join(repoRoot, 'backups');

export interface BackupOptions {
  /** The archive to write; by default backups/ssc-backup-<time>-<client>.tar. */
  out?: string;
  log?: (line: string) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
  seconds: number;
  /** Upload files deleted while the backup ran (left out). */
  vanished: string[];
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '')
    .replace('T', '-');

export async function createBackup(instance: Instance, options: BackupOptions = {}): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const createdAt = new Date();
  const client = instance.database.client;
  const file = path.resolve(options.out ?? path.join(defaultBackupsDir, `ssc-backup-${stamp(createdAt)}-${client}.tar`));
  if (fs.existsSync(file)) throw new Error(`${file} already exists: choose another --out`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(file), '.backup-'));
  const partial = `${file}.partial`;
  try {
    fs.mkdirSync(path.join(staging, 'database'));
    let database: Manifest['database'];
    let tables: Record<string, number>;
    if (instance.database.client === 'sqlite') {
      const db = await backupSqlite(instance.database.filename, path.join(staging, SQLITE_MEMBER));
      database = { client: 'sqlite', member: SQLITE_MEMBER, fileSha256: db.fileSha256, fileSize: db.fileSize };
      tables = db.tables;
    } else {
      const db = await backupPostgres(instance.database, path.join(staging, POSTGRES_MEMBER));
      database = {
        client: 'postgres',
        member: POSTGRES_MEMBER,
        schema: instance.database.schema,
        serverVersion: db.serverVersion,
        dumpVersion: db.dumpVersion,
      };
      tables = db.tables;
    }
    log(`[backup] database copied (${client}, ${Object.keys(tables).length} tables) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const uploads = stageUploads(instance.uploadsDir, path.join(staging, 'uploads'));
    const memberPaths = [database.member, ...uploads.files.map((f) => UPLOADS_PREFIX + f)];
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      strapiVersion: installedStrapiVersion(),
      database,
      counts: { tables, uploadFiles: uploads.files.length, uploadBytes: uploads.bytes },
      members: await describeMembers(staging, memberPaths),
      secrets: fingerprintSecrets(instance.env),
    };
    fs.writeFileSync(path.join(staging, MANIFEST_NAME), serializeManifest(manifest));
    await writeArchive(staging, [MANIFEST_NAME, ...memberPaths], partial);
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, manifest, seconds: (Date.now() - started) / 1000, vanished: uploads.vanished };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(partial, { force: true });
  }
}
