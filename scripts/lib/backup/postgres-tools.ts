/**
 * PostgreSQL's client programs (pg_dump, pg_restore, psql), run with the target's
 * connection in libpq's environment variables (so no password shows in `ps`).
 * The newest /usr/lib/postgresql/<version>/bin is preferred over PATH: pg_dump must
 * be at least as new as the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PostgresDatabase } from './instance.ts';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

export function pgToolPath(tool: PgTool): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', tool)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? path.join(root, versions[0], 'bin', tool) : tool;
}

export function libpqEnv(db: PostgresDatabase): NodeJS.ProcessEnv {
  const c = db.connection;
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: c.host, PGPORT: String(c.port), PGDATABASE: c.database, PGUSER: c.user };
  if (c.password) env.PGPASSWORD = c.password;
  if (c.sslmode) env.PGSSLMODE = c.sslmode;
  return env;
}

export function spawnPgTool(tool: PgTool, args: string[], db: PostgresDatabase | null, stdio: ('pipe' | 'ignore' | 'inherit')[]): ChildProcess {
  return spawn(pgToolPath(tool), args, { env: db ? libpqEnv(db) : process.env, stdio });
}

/** Collects stderr and resolves with it when the tool exits 0; rejects with it otherwise. */
export function finished(child: ChildProcess, tool: PgTool): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT' ? new Error(`${tool} was not found: install PostgreSQL's client programs (Debian: apt-get install postgresql-client)`) : error,
      ),
    );
    // 'close', not 'exit': by then everything the tool wrote has been read.
    child.on('close', (code, signal) =>
      code === 0 ? resolve(stderr) : reject(new Error(`${tool} exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-5).join('\n')}`)),
    );
  });
}

/** Runs a tool to the end and returns its standard output. */
export async function runPgTool(tool: PgTool, args: string[], db: PostgresDatabase | null): Promise<string> {
  const child = spawnPgTool(tool, args, db, ['ignore', 'pipe', 'pipe']);
  let stdout = '';
  child.stdout?.on('data', (d) => (stdout += d));
  await finished(child, tool);
  return stdout;
}
