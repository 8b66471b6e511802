/**
 * Where one CMS instance keeps what a backup must hold: its database and its uploads
 * folder, read from the same settings the CMS reads (cms/.env, or the file ENV_PATH
 * names, under the process environment; see cms/config/database.ts and server.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { cmsEnvFile, readEnvFile } from '../env-file.ts';
import { cmsDir } from '../paths.ts';

export type DatabaseClient = 'sqlite' | 'postgres';

export interface SqliteDatabase {
  client: 'sqlite';
  filename: string;
}

/** libpq settings (host, port, database, user, password, sslmode) and the schema Strapi uses. */
export interface PostgresDatabase {
  client: 'postgres';
  connection: { host: string; port: number; database: string; user: string; password: string; sslmode?: string };
  schema: string;
}

export type InstanceDatabase = SqliteDatabase | PostgresDatabase;

export interface Instance {
  env: Record<string, string | undefined>;
  database: InstanceDatabase;
  /** Strapi's public folder (server.dirs.public). */
  publicDir: string;
  /** Where the local upload provider keeps media: always `<public>/uploads`. */
  uploadsDir: string;
}

/** The settings the CMS would see: its .env file under the process environment. */
export function instanceEnv(processEnv: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  return { ...readEnvFile(processEnv.ENV_PATH || cmsEnvFile), ...processEnv };
}

function postgresFromEnv(env: Record<string, string | undefined>): PostgresDatabase {
  const schema = env.DATABASE_SCHEMA || 'public';
  const sslmode = env.DATABASE_SSL === 'true' ? (env.DATABASE_SSL_REJECT_UNAUTHORIZED === 'false' ? 'require' : 'verify-full') : undefined;
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return {
      client: 'postgres',
      schema,
      connection: {
        host: decodeURIComponent(url.hostname) || '127.0.0.1',
        port: Number(url.port || 5432),
        database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        sslmode: url.searchParams.get('sslmode') ?? sslmode,
      },
    };
  }
  return {
    client: 'postgres',
    schema,
    connection: {
      host: env.DATABASE_HOST || '127.0.0.1',
      port: Number(env.DATABASE_PORT || 5432),
      database: env.DATABASE_NAME || 'ssc',
      user: env.DATABASE_USERNAME || 'ssc',
      password: env.DATABASE_PASSWORD ?? '',
      sslmode,
    },
  };
}

export function databaseFromEnv(env: Record<string, string | undefined>): InstanceDatabase {
  const client = env.DATABASE_CLIENT || 'sqlite';
  if (client === 'postgres') return postgresFromEnv(env);
  if (client !== 'sqlite') throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}"`);
  return { client: 'sqlite', filename: path.resolve(cmsDir, env.DATABASE_FILENAME || 'data/cms.db') };
}

export function instanceFromEnv(env: Record<string, string | undefined> = instanceEnv()): Instance {
  const publicDir = path.resolve(cmsDir, env.PUBLIC_DIR || 'public');
  return { env, database: databaseFromEnv(env), publicDir, uploadsDir: path.join(publicDir, 'uploads') };
}

/** A short description for messages, without passwords. */
export function describeDatabase(db: InstanceDatabase): string {
  if (db.client === 'sqlite') return `SQLite file ${db.filename}`;
  const c = db.connection;
  return `PostgreSQL database "${c.database}" on ${c.host}:${c.port} (schema "${db.schema}")`;
}

/** The Strapi version installed in this checkout. */
export function installedStrapiVersion(): string {
  const file = path.join(cmsDir, '..', 'node_modules', '@strapi', 'strapi', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}
