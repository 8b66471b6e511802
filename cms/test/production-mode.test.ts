/**
 * Production mode: loading the CMS with NODE_ENV=production on an empty database
 * creates no demo admin and prints no password; the same load in development does
 * (which shows the check can fail).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRET_GENERATORS } from '../tools/secrets.ts';
import { cmsDir } from './support/paths.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-prod-mode-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs cms/tools/prepare.ts (what npm start runs before serving) on a new SQLite database; returns its output. */
function prepare(nodeEnv: string): Promise<{ code: number | null; output: string }> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...Object.fromEntries(Object.entries(SECRET_GENERATORS).map(([k, make]) => [k, make()])),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, `${nodeEnv}.db`),
    ENV_PATH: path.join(tmp, 'no.env'),
    NODE_ENV: nodeEnv,
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  delete env.SITE_REBUILD_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cmsDir, 'tools', 'prepare.ts'), '--build-token'], { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('production mode', () => {
  it('creates no demo admin and prints no password in production; development does', async () => {
    const production = await prepare('production');
    expect(production.code, production.output).toBe(0);
    expect(production.output).not.toMatch(/Demo admin created|password/i);
    const development = await prepare('development');
    expect(development.code, development.output).toBe(0);
    expect(development.output).toMatch(/Demo admin created[\s\S]*password: \S{12,}/);
    // Two loads of Strapi on new databases: 58 s on a busy two-core machine, so more than the project's 60 s.
  }, 180_000);
});
