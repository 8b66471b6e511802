/**
 * The CMS's .env file: created on first start with fresh random secrets, never
 * committed. Existing values are kept; only missing secrets are added.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { SECRET_GENERATORS } from '../../cms/tools/secrets.ts';
import { cmsDir } from './paths.ts';

export { SECRET_GENERATORS };

export const cmsEnvFile = path.join(cmsDir, '.env');

/** The variables of a .env text, read as Strapi reads the file (dotenv: quotes, comments, `export`). */
export function parseEnv(text: string): Map<string, string> {
  return new Map(Object.entries(dotenv.parse(text)));
}

/**
 * Writes a file that holds secrets, readable by its owner only. `mode` in
 * writeFileSync applies only when the file is created, so a file copied from
 * .env.example (world-readable) is narrowed before the secrets go in.
 */
export function writeSecretFile(file: string, text: string): void {
  if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  fs.writeFileSync(file, text, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/** Creates or completes the .env file; returns the names of the secrets it added. */
export function ensureEnvFile(file = cmsEnvFile): string[] {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const current = parseEnv(text);
  const added = Object.keys(SECRET_GENERATORS).filter((k) => !current.get(k));
  if (!added.length) return [];
  const lines = added.map((k) => `${k}=${SECRET_GENERATORS[k]()}`);
  const header = text ? '' : '# Generated on first start. Keep it secret; never commit it. See .env.example for every setting.\n';
  writeSecretFile(file, `${header}${text}${text && !text.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`);
  return added;
}

/** Reads the .env file into an object (empty when there is none). */
export function readEnvFile(file = cmsEnvFile): Record<string, string> {
  return fs.existsSync(file) ? Object.fromEntries(parseEnv(fs.readFileSync(file, 'utf8'))) : {};
}

/** Sets one variable in the .env file, replacing its line or appending one. */
export function setEnvValue(key: string, value: string, file = cmsEnvFile): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const line = `${key}=${value}`;
  const pattern = new RegExp(`^\\s*${key}\\s*=.*$`, 'm');
  const next = pattern.test(text) ? text.replace(pattern, () => line) : `${text}${text && !text.endsWith('\n') ? '\n' : ''}${line}\n`;
  writeSecretFile(file, next);
}
