/**
 * The archive checks on small, made-up instances (no CMS): what a restore refuses,
 * and that a refused restore leaves the target alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArchive } from './archive.ts';
import { createBackup } from './create-backup.ts';
import { instanceFromEnv, type Instance } from './instance.ts';
import { MANIFEST_NAME, parseManifest, serializeManifest } from './manifest.ts';
import { restoreBackup } from './restore-backup.ts';
import { compareSecrets, fingerprintSecrets } from './secret-fingerprints.ts';
import { sqliteTableCounts } from './sqlite-database.ts';

let dir: string;
const secrets = { API_TOKEN_SALT: 'secret-salt-1', ENCRYPTION_KEY: 'secret-key-2', ADMIN_JWT_SECRET: 'secret-jwt-3' };

/** An instance with a SQLite file of two tables and two upload files. */
function sourceInstance(): Instance {
  const filename = path.join(dir, 'source', 'cms.db');
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename);
  db.exec(`create table news (id integer primary key, title text); insert into news (title) values ('one'), ('two'), ('three');
           create table files (id integer primary key, name text); insert into files (name) values ('logo.png');`);
  db.close();
  const uploads = path.join(dir, 'source', 'public', 'uploads');
  fs.mkdirSync(uploads, { recursive: true });
  fs.writeFileSync(path.join(uploads, 'logo.png'), Buffer.alloc(4096, 7));
  fs.writeFileSync(path.join(uploads, 'report.pdf'), 'a report');
  return instanceFromEnv({ ...secrets, DATABASE_FILENAME: filename, PUBLIC_DIR: path.join(dir, 'source', 'public') });
}

const emptyInstance = (name: string, extra: Record<string, string> = {}) =>
  instanceFromEnv({ ...secrets, DATABASE_FILENAME: path.join(dir, name, 'cms.db'), PUBLIC_DIR: path.join(dir, name, 'public'), ...extra });

/** Unpacks an archive, lets `edit` change the folder, packs it again (in the order given). */
async function repack(archive: string, out: string, edit: (folder: string) => string[]): Promise<void> {
  const folder = fs.mkdtempSync(path.join(dir, 'repack-'));
  await tar.x({ file: archive, cwd: folder });
  await tar.c({ file: out, cwd: folder, portable: true }, edit(folder));
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-archive-test-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup archive', () => {
  it('round-trips a SQLite database and its uploads, with counts and checksums in the manifest', async () => {
    const source = sourceInstance();
    const { file, manifest } = await createBackup(source, { out: path.join(dir, 'a.tar') });
    expect(manifest.counts).toMatchObject({ tables: { news: 3, files: 1 }, uploadFiles: 2, uploadBytes: 4096 + 8 });
    expect(manifest.members.map((m) => m.path)).toEqual(['database/cms.db.gz', 'uploads/logo.png', 'uploads/report.pdf']);
    expect(fs.readFileSync(file, 'latin1')).not.toMatch(/secret-(salt|key|jwt)/);

    const target = emptyInstance('target');
    await restoreBackup(file, target);
    expect(sqliteTableCounts((target.database as { filename: string }).filename)).toEqual({ files: 1, news: 3 });
    expect(fs.readFileSync(path.join(target.uploadsDir, 'report.pdf'), 'utf8')).toBe('a report');
  });

  it('refuses an archive without a manifest', async () => {
    const { file } = await createBackup(sourceInstance(), { out: path.join(dir, 'a.tar') });
    await repack(file, path.join(dir, 'b.tar'), () => ['database', 'uploads']);
    await expect(restoreBackup(path.join(dir, 'b.tar'), emptyInstance('target'))).rejects.toThrow('damaged archive: b.tar has no manifest.json');
  });

  it('refuses a manifest changed after the backup', async () => {
    const { file } = await createBackup(sourceInstance(), { out: path.join(dir, 'a.tar') });
    await repack(file, path.join(dir, 'b.tar'), (folder) => {
      const text = fs.readFileSync(path.join(folder, MANIFEST_NAME), 'utf8');
      fs.writeFileSync(path.join(folder, MANIFEST_NAME), text.replace('"news": 3', '"news": 4'));
      return [MANIFEST_NAME, 'database', 'uploads'];
    });
    await expect(restoreBackup(path.join(dir, 'b.tar'), emptyInstance('target'))).rejects.toThrow(
      'damaged archive: manifest.json does not match its own checksum',
    );
  });

  it('refuses an unknown format version, naming it', async () => {
    const { file } = await createBackup(sourceInstance(), { out: path.join(dir, 'a.tar') });
    await repack(file, path.join(dir, 'b.tar'), (folder) => {
      const { checksum: _, ...manifest } = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST_NAME), 'utf8'));
      fs.writeFileSync(path.join(folder, MANIFEST_NAME), serializeManifest({ ...manifest, formatVersion: 2 }));
      return [MANIFEST_NAME, 'database', 'uploads'];
    });
    await expect(restoreBackup(path.join(dir, 'b.tar'), emptyInstance('target'))).rejects.toThrow('unknown format version 2');
  });

  it('refuses an archive with a member the manifest does not list, or without one it lists', async () => {
    const { file } = await createBackup(sourceInstance(), { out: path.join(dir, 'a.tar') });
    await repack(file, path.join(dir, 'extra.tar'), (folder) => {
      fs.writeFileSync(path.join(folder, 'uploads', 'smuggled.html'), '<script>');
      return [MANIFEST_NAME, 'database', 'uploads'];
    });
    await expect(extractArchive(path.join(dir, 'extra.tar'), fs.mkdtempSync(path.join(dir, 'x-')))).rejects.toThrow(
      'member uploads/smuggled.html is not in the manifest',
    );
    await repack(file, path.join(dir, 'missing.tar'), (folder) => {
      fs.rmSync(path.join(folder, 'uploads', 'report.pdf'));
      return [MANIFEST_NAME, 'database', 'uploads'];
    });
    await expect(extractArchive(path.join(dir, 'missing.tar'), fs.mkdtempSync(path.join(dir, 'x-')))).rejects.toThrow('member uploads/report.pdf is missing');
  });

  it('leaves a non-empty target untouched without --force, and replaces it with --force', async () => {
    const { file } = await createBackup(sourceInstance(), { out: path.join(dir, 'a.tar') });
    const target = emptyInstance('target');
    const filename = (target.database as { filename: string }).filename;
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    const db = new Database(filename);
    db.exec(`create table mine (x); insert into mine values (1);`);
    db.close();
    await expect(restoreBackup(file, target)).rejects.toThrow(
      /the target is not empty: the database \(SQLite file .*\) holds tables\. Restore replaces them only with --force/,
    );
    expect(sqliteTableCounts(filename)).toEqual({ mine: 1 });
    await restoreBackup(file, target, { force: true });
    expect(sqliteTableCounts(filename)).toEqual({ files: 1, news: 3 });
  });
});

describe('secret fingerprints', () => {
  it('hold no secret, match the same secrets, and name the ones that differ', () => {
    const recorded = fingerprintSecrets({ ...secrets, JWT_SECRET: 'secret-users-4' });
    expect(JSON.stringify(recorded)).not.toMatch(/secret-/);
    expect(compareSecrets(recorded, { ...secrets, JWT_SECRET: 'secret-users-4' })).toEqual({ dataSecretsDiffer: [], sessionSecretsDiffer: [] });
    expect(compareSecrets(recorded, { ...secrets, API_TOKEN_SALT: 'other', JWT_SECRET: 'other' })).toEqual({
      dataSecretsDiffer: ['API_TOKEN_SALT'],
      sessionSecretsDiffer: ['JWT_SECRET'],
    });
    expect(compareSecrets(recorded, { ADMIN_JWT_SECRET: 'secret-jwt-3', JWT_SECRET: 'secret-users-4' }).dataSecretsDiffer).toEqual([
      'API_TOKEN_SALT',
      'ENCRYPTION_KEY',
    ]);
  });

  it('survive the manifest round trip', async () => {
    const { file } = await createBackup(sourceInstance(), { out: path.join(dir, 'a.tar') });
    const folder = fs.mkdtempSync(path.join(dir, 'x-'));
    await tar.x({ file, cwd: folder });
    const manifest = parseManifest(fs.readFileSync(path.join(folder, MANIFEST_NAME), 'utf8'));
    expect(compareSecrets(manifest.secrets, secrets).dataSecretsDiffer).toEqual([]);
  });
});
