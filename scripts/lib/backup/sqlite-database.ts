/**
 * SQLite: an online backup through better-sqlite3's backup API (SQLite copies the
 * pages itself and starts over when another connection writes meanwhile, so the copy
 * is consistent while Strapi serves), gzipped into the archive. Restoring
 * decompresses next to the target file, checks the copy, then renames it into place.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { sha256File } from './checksum.ts';
import { damaged } from './refusal.ts';

export type TableCounts = Record<string, number>;

/** Rows per table (SQLite's own tables left out), by table name. */
export function sqliteTableCounts(filename: string): TableCounts {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    const names = db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      names.map((n) => [
        n,
        Number(
          db
            .prepare(`select count(*) from "${n.replace(/"/g, '""')}"`)
            .pluck()
            .get(),
        ),
      ]),
    );
  } finally {
    db.close();
  }
}

/** True when there is no database yet: no file, an empty file, or a file without tables. */
export function isSqliteEmpty(filename: string): boolean {
  if (!fs.existsSync(filename) || fs.statSync(filename).size === 0) return true;
  return Object.keys(sqliteTableCounts(filename)).length === 0;
}

export interface SqliteBackup {
  tables: TableCounts;
  fileSha256: string;
  fileSize: number;
}

/** Copies the live database `filename` into the gzip file `member`. */
export async function backupSqlite(filename: string, member: string): Promise<SqliteBackup> {
  if (!fs.existsSync(filename)) throw new Error(`there is no SQLite database at ${filename} (DATABASE_FILENAME)`);
  const copy = `${member}.copy`;
  const source = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  const result = { tables: sqliteTableCounts(copy), fileSha256: await sha256File(copy), fileSize: fs.statSync(copy).size };
  await pipeline(fs.createReadStream(copy), zlib.createGzip({ level: 6 }), fs.createWriteStream(member));
  fs.rmSync(copy);
  return result;
}

const SIDE_FILES = ['', '-journal', '-wal', '-shm'];

/** Checks a decompressed copy: the checksum taken at backup time, SQLite's integrity check, rows per table. */
function verifyCopy(copy: string, expected: { fileSha256: string; tables: TableCounts }, checksum: string): void {
  if (checksum !== expected.fileSha256) throw damaged('database/cms.db.gz decompresses to a file that does not match the checksum in the manifest');
  const db = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw damaged(`the restored SQLite file fails SQLite's integrity check: ${String(integrity)}`);
  } finally {
    db.close();
  }
  const counts = sqliteTableCounts(copy);
  const wrong = Object.entries(expected.tables).filter(([t, n]) => counts[t] !== n);
  if (wrong.length)
    throw damaged(
      `the restored database does not hold the rows the manifest counts: ${wrong.map(([t, n]) => `${t} ${counts[t] ?? 'missing'} instead of ${n}`).join(', ')}`,
    );
}

/**
 * Restores the gzip file `member` as the database `target`. The copy is made and
 * checked next to the target, then renamed over it; the old file (with its journal
 * or WAL) is moved aside first and put back if the rename fails, else deleted.
 */
export async function restoreSqlite(member: string, target: string, expected: { fileSha256: string; tables: TableCounts }): Promise<void> {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const staged = path.join(dir, `.${path.basename(target)}.restore-${crypto.randomBytes(4).toString('hex')}`);
  try {
    await pipeline(fs.createReadStream(member), zlib.createGunzip(), fs.createWriteStream(staged));
    verifyCopy(staged, expected, await sha256File(staged));
  } catch (error) {
    fs.rmSync(staged, { force: true });
    if (error instanceof Error && /incorrect header check|unexpected end of file|invalid/.test(error.message)) {
      throw damaged(`database/cms.db.gz cannot be decompressed (${error.message})`);
    }
    throw error;
  }
  const movedAside: [string, string][] = [];
  try {
    for (const suffix of SIDE_FILES) {
      if (!fs.existsSync(target + suffix)) continue;
      fs.renameSync(target + suffix, `${staged}.old${suffix}`);
      movedAside.push([`${staged}.old${suffix}`, target + suffix]);
    }
    fs.renameSync(staged, target);
  } catch (error) {
    for (const [aside, original] of movedAside) fs.renameSync(aside, original);
    fs.rmSync(staged, { force: true });
    throw error;
  }
  for (const [aside] of movedAside) fs.rmSync(aside, { force: true });
}
