/**
 * PostgreSQL: `pg_dump` in its custom format (one consistent snapshot, safe while
 * Strapi serves). Restoring feeds pg_restore's SQL to psql inside one transaction
 * that also checks the rows of every table against the manifest: the target
 * changes only when all of it worked (the transaction is the temporary place).
 */
import readline from 'node:readline';
import pg from 'pg';
import type { PostgresDatabase } from './instance.ts';
import { finished, runPgTool, spawnPgTool } from './postgres-tools.ts';
import type { TableCounts } from './sqlite-database.ts';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function withClient<T>(db: PostgresDatabase, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const c = db.connection;
  const client = new pg.Client({
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    ssl: c.sslmode ? { rejectUnauthorized: c.sslmode === 'verify-full' } : undefined,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot connect to PostgreSQL database "${c.database}" on ${c.host}:${c.port}: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** True when the schema holds no table, view or sequence (or does not exist). */
export function isPostgresEmpty(db: PostgresDatabase): Promise<boolean> {
  return withClient(db, async (client) => {
    const res = await client.query(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
      [db.schema],
    );
    return res.rows[0].n === 0;
  });
}

/**
 * Rows per table in a custom-format dump: pg_restore turns it into SQL, where each
 * table's data is a COPY block with one line per row. Tables of the Strapi schema
 * are named plainly, others as schema.table.
 */
export async function dumpTableCounts(dumpFile: string, schema: string): Promise<TableCounts> {
  const child = spawnPgTool('pg_restore', ['--data-only', '-f', '-', dumpFile], null, ['ignore', 'pipe', 'pipe']);
  const done = finished(child, 'pg_restore');
  const counts: TableCounts = {};
  let table: string | null = null;
  for await (const line of readline.createInterface({ input: child.stdout! })) {
    if (table !== null) {
      if (line === '\\.') table = null;
      else counts[table]++;
      continue;
    }
    const m = /^COPY (.+?) (?:\(.*\) )?FROM stdin;$/.exec(line);
    if (m) {
      const [s, t] = splitQualified(m[1]);
      table = s === schema ? t : `${s}.${t}`;
      counts[table] = 0;
    }
  }
  await done;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

/** `public.news` or `"My schema"."my table"` → [schema, table]. */
function splitQualified(name: string): [string, string] {
  const parts = name.match(/"(?:[^"]|"")*"|[^.]+/g) ?? [name];
  const unquote = (p: string) => (p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p);
  return parts.length >= 2 ? [unquote(parts[0]), unquote(parts[1])] : ['public', unquote(parts[0])];
}

export interface PostgresBackup {
  tables: TableCounts;
  serverVersion: string;
  dumpVersion: string;
}

export async function backupPostgres(db: PostgresDatabase, member: string): Promise<PostgresBackup> {
  const serverVersion = await withClient(db, async (client) => (await client.query(`select current_setting('server_version') as v`)).rows[0].v as string);
  const dumpVersion = (await runPgTool('pg_dump', ['--version'], null)).trim();
  await runPgTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${member}`], db);
  return { tables: await dumpTableCounts(member, db.schema), serverVersion, dumpVersion };
}

/** SQL that empties the schema (with --force): every table, view and sequence in it. */
function dropSchemaContents(schema: string): string {
  if (schema !== 'public') return `DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE;\n`;
  return `DO $restore$ DECLARE r record; BEGIN
  FOR r IN SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${literal(schema)} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
      ${literal(schema)}, r.relname);
  END LOOP;
END $restore$;\n`;
}

/** SQL that aborts the transaction unless every table holds the rows the manifest counts. */
function checkCounts(schema: string, tables: TableCounts): string {
  const checks = Object.entries(tables).map(([name, rows]) => {
    const [s, t] = name.includes('.') ? name.split('.', 2) : [schema, name];
    return `  SELECT count(*) INTO n FROM ${ident(s)}.${ident(t)};
  IF n <> ${rows} THEN RAISE EXCEPTION 'restored table % holds % rows, the manifest says %', ${literal(name)}, n, ${rows}; END IF;`;
  });
  return `DO $verify$ DECLARE n bigint; BEGIN\n${checks.join('\n')}\nEND $verify$;\n`;
}

/**
 * Restores the dump `member` into `db` in one transaction: (with `replace`) empty the
 * schema, load the dump, check the rows of every table, commit. Any error rolls all
 * of it back.
 */
export async function restorePostgres(db: PostgresDatabase, member: string, tables: TableCounts, options: { replace: boolean }): Promise<void> {
  const psql = spawnPgTool('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', '-'], db, ['pipe', 'ignore', 'pipe']);
  const psqlDone = finished(psql, 'psql');
  const restore = spawnPgTool('pg_restore', ['--no-owner', '--no-privileges', '-f', '-', member], null, ['ignore', 'pipe', 'pipe']);
  const restoreDone = finished(restore, 'pg_restore');
  // psql stops at the first error; pg_restore, no longer read, would then wait forever.
  psql.on('close', () => restore.exitCode === null && restore.kill());
  const stdin = psql.stdin!;
  stdin.on('error', () => {}); // psql stopped at an error: its exit code tells
  stdin.write(`SET client_min_messages = warning;\nBEGIN;\n`);
  // Non-public schemas come back with the dump's CREATE SCHEMA; an empty one left over would clash.
  if (options.replace || db.schema !== 'public') stdin.write(dropSchemaContents(db.schema));
  restore.stdout!.pipe(stdin, { end: false });
  let restoreError: unknown = null;
  try {
    await restoreDone;
  } catch (error) {
    restoreError = error;
  }
  stdin.end(restoreError ? 'ROLLBACK;\n' : `${checkCounts(db.schema, tables)}COMMIT;\n`);
  try {
    await psqlDone;
  } catch (error) {
    throw new Error(`restoring into PostgreSQL failed and was rolled back, the database is as it was: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
  if (restoreError)
    throw new Error(`pg_restore could not read the dump; nothing was restored: ${restoreError instanceof Error ? restoreError.message : restoreError}`);
}
