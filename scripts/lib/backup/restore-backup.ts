/**
 * `npm run restore -- <archive>`: checks the whole archive first (extracted into a
 * temporary folder), then that it fits the target (database client, format) and
 * that the target is empty (or --force) and runs with the same secrets (or
 * --accept-new-secrets). Only then is the database restored (staged and checked,
 * then moved into place) and the uploads folder swapped in. A refusal or a failure
 * leaves the target as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractArchive } from './archive.ts';
import { describeDatabase, installedStrapiVersion, type Instance } from './instance.ts';
import type { Manifest } from './manifest.ts';
import { isPostgresEmpty, restorePostgres } from './postgres-database.ts';
import { mismatched, RestoreRefused } from './refusal.ts';
import { compareSecrets } from './secret-fingerprints.ts';
import { isSqliteEmpty, restoreSqlite } from './sqlite-database.ts';
import { isUploadsEmpty, stageUploadsBeside, swapUploadsIn } from './uploads.ts';

export interface RestoreOptions {
  /** Replace a database or uploads folder that holds data. */
  force?: boolean;
  /** Restore even when API_TOKEN_SALT, TRANSFER_TOKEN_SALT or ENCRYPTION_KEY differ from the backed-up instance's. */
  acceptNewSecrets?: boolean;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  warnings: string[];
  seconds: number;
}

function checkFits(manifest: Manifest, instance: Instance): void {
  const target = instance.database;
  if (manifest.database.client !== target.client) {
    throw mismatched(
      `it holds a ${manifest.database.client} database, and this instance uses ${target.client} (DATABASE_CLIENT). ` +
        `Restore it into an instance with DATABASE_CLIENT=${manifest.database.client}: restore does not move data between database clients.`,
    );
  }
  if (manifest.database.client === 'postgres' && target.client === 'postgres' && manifest.database.schema !== target.schema) {
    throw mismatched(`its tables are in the PostgreSQL schema "${manifest.database.schema}", and this instance uses "${target.schema}" (DATABASE_SCHEMA)`);
  }
}

interface TargetContents {
  databaseHasData: boolean;
  /** What --force will replace, for the log. */
  replaced: string[];
}

async function checkEmpty(instance: Instance, force: boolean): Promise<TargetContents> {
  const db = instance.database;
  const databaseHasData = !(db.client === 'sqlite' ? isSqliteEmpty(db.filename) : await isPostgresEmpty(db));
  const replaced: string[] = [];
  if (databaseHasData) replaced.push(`the database (${describeDatabase(db)}) holds tables`);
  if (!isUploadsEmpty(instance.uploadsDir)) replaced.push(`the uploads folder ${instance.uploadsDir} holds files`);
  if (replaced.length && !force) {
    throw new RestoreRefused('not-empty', `the target is not empty: ${replaced.join(', and ')}. Restore replaces them only with --force (stop the CMS first).`);
  }
  return { databaseHasData, replaced };
}

function checkSecrets(manifest: Manifest, instance: Instance, acceptNewSecrets: boolean): string[] {
  const { dataSecretsDiffer, sessionSecretsDiffer } = compareSecrets(manifest.secrets, instance.env);
  const warnings: string[] = [];
  if (dataSecretsDiffer.length) {
    const names = dataSecretsDiffer.join(', ');
    const consequence = 'the API tokens (and transfer tokens) in the archive will not work and the admin panel cannot show stored token keys';
    if (!acceptNewSecrets) {
      throw new RestoreRefused(
        'secrets',
        `this instance's ${names} ${dataSecretsDiffer.length === 1 ? 'differs' : 'differ'} from the backed-up instance's (or ${dataSecretsDiffer.length === 1 ? 'is' : 'are'} not set): ${consequence}. ` +
          'Set the same secrets as the backed-up instance (its cms/.env or environment) and run restore again, ' +
          'or pass --accept-new-secrets to restore anyway and make new API tokens.',
      );
    }
    warnings.push(`${names} differ from the backed-up instance's: ${consequence}; make new API tokens`);
  }
  if (sessionSecretsDiffer.length) {
    warnings.push(
      `${sessionSecretsDiffer.join(', ')} differ from the backed-up instance's: admin and user sessions end, everyone signs in again (nothing is lost)`,
    );
  }
  return warnings;
}

export async function restoreBackup(archive: string, instance: Instance, options: RestoreOptions = {}): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-restore-'));
  try {
    const manifest = await extractArchive(path.resolve(archive), work);
    log(
      `[restore] ${path.basename(archive)}: intact (${manifest.members.length + 1} members checked), made ${manifest.createdAt} on Strapi ${manifest.strapiVersion}`,
    );
    checkFits(manifest, instance);
    const contents = await checkEmpty(instance, !!options.force);
    const warnings = checkSecrets(manifest, instance, !!options.acceptNewSecrets);
    const installed = installedStrapiVersion();
    if (installed !== manifest.strapiVersion) {
      warnings.push(
        `the archive was made with Strapi ${manifest.strapiVersion} and this checkout has Strapi ${installed}: Strapi migrates the database when it boots, and an older Strapi may not read a newer database`,
      );
    }
    for (const line of contents.replaced) log(`[restore] --force: ${line}, which will be replaced`);

    const stagedUploads = stageUploadsBeside(path.join(work, 'uploads'), instance.uploadsDir);
    try {
      const db = instance.database;
      if (db.client === 'sqlite' && manifest.database.client === 'sqlite') {
        await restoreSqlite(path.join(work, manifest.database.member), db.filename, {
          fileSha256: manifest.database.fileSha256,
          tables: manifest.counts.tables,
        });
      } else if (db.client === 'postgres') {
        await restorePostgres(db, path.join(work, manifest.database.member), manifest.counts.tables, { replace: contents.databaseHasData });
      }
      log(`[restore] database restored into ${describeDatabase(db)} (${Object.keys(manifest.counts.tables).length} tables, row counts checked)`);
      swapUploadsIn(stagedUploads, instance.uploadsDir);
      log(`[restore] ${manifest.counts.uploadFiles} upload files (${manifest.counts.uploadBytes} bytes) restored into ${instance.uploadsDir}`);
    } finally {
      fs.rmSync(stagedUploads, { recursive: true, force: true });
    }
    return { manifest, warnings, seconds: (Date.now() - started) / 1000 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
