/**
 * Boots one real Strapi for the tests that need one, the global setup of the `cms`
 * project (cms/test, the CMS alone) and of the `e2e` project (e2e/, CMS, pipeline and
 * site together), one Strapi per project run. It starts Strapi the way the pipeline
 * does (scripts/lib/cms.ts), which is why it lives here and not in cms/test. A fresh database (SQLite in a temp
 * folder, or a fresh PostgreSQL database when TEST_POSTGRES_URL is set), fresh
 * secrets, a public folder of its own (so uploads go to a temp folder, not
 * cms/public/uploads), the demo seed, then `strapi start` on a free port. It never
 * reads or writes cms/.env or cms/data, and writes nothing into cms/public.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { SECRET_GENERATORS } from '../cms/tools/secrets.ts';
import { startCms } from '../scripts/lib/cms.ts';
import { freePort, stopProcess } from '../scripts/lib/processes.ts';
import { cmsDir } from '../scripts/lib/paths.ts';
import { createDatabase, dropDatabase } from '../cms/test/support/postgres.ts';
import { runSeedJson } from '../cms/test/support/seed-process.ts';
import { createPartnerTokens } from '../cms/test/support/partner-tokens.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    cms: {
      url: string;
      database: 'sqlite' | 'postgres';
      apiToken: string;
      adminEmail: string;
      adminPassword: string;
      adminJwt: string;
      env: Record<string, string>;
      seedSeconds: number;
      /** Where the CMS's "Site rebuild" webhook posts (nothing listens unless a test starts the rebuild service there). */
      rebuild: { port: number; secret: string };
      /** Where the CMS's preview URLs point (nothing listens unless a test starts the preview service there), and its secret. */
      preview: { port: number; secret: string };
      /** Partner API keys by token name, made with `npm run partner:token`'s tool (see syndication tests). */
      partnerTokens: Record<string, string>;
    };
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(cmsDir, 'dist', 'src', 'index.js'))) {
    throw new Error('cms/dist is missing: run the tests through `npm test`, which builds the CMS first');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-cms-test-'));
  const postgresUrl = process.env.TEST_POSTGRES_URL;
  const database = postgresUrl ? 'postgres' : 'sqlite';
  const adminEmail = 'admin@test.example.org';
  const adminPassword = `Test-${crypto.randomBytes(8).toString('hex')}-1A`;
  const port = await freePort();
  const rebuild = { port: await freePort(), secret: crypto.randomBytes(16).toString('hex') };

  let dbEnv: Record<string, string>;
  let pgDatabase: string | undefined;
  if (postgresUrl) {
    pgDatabase = `ssc_test_${process.pid}_${Date.now()}`;
    await createDatabase(postgresUrl, pgDatabase);
    const url = new URL(postgresUrl);
    url.pathname = `/${pgDatabase}`;
    dbEnv = { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() };
  } else {
    dbEnv = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(tmp, 'cms.db') };
  }
  const publicDir = path.join(tmp, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  fs.copyFileSync(path.join(cmsDir, 'public', 'robots.txt'), path.join(publicDir, 'robots.txt'));
  const secrets = Object.fromEntries(Object.entries(SECRET_GENERATORS).map(([k, make]) => [k, make()]));
  const preview = { port: await freePort(), secret: secrets.SITE_PREVIEW_SECRET };
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...secrets,
    ...dbEnv,
    ENV_PATH: path.join(tmp, 'no.env'),
    PUBLIC_DIR: publicDir,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    PUBLIC_API_READ: 'false',
    // Items of the partner API link to the public site (see syndication tests).
    SSC_SITE_URL: 'https://knowledge.example.org',
    // Many requests per test file; the limit itself is tested with a token of its own.
    SYNDICATION_RATE_LIMIT: '100000',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'false',
    SITE_REBUILD_URL: `http://127.0.0.1:${rebuild.port}/rebuild`,
    SITE_REBUILD_SECRET: rebuild.secret,
    SITE_PREVIEW_URL: `http://127.0.0.1:${preview.port}`,
  };

  const seed = await runSeedJson(env);
  const partnerTokens = await createPartnerTokens(env, [
    { name: 'test partner' },
    { name: 'test partner to revoke' },
    { name: 'test partner with a low limit', rateLimit: 5 },
  ]);
  const cms = await startCms(env, { quiet: true });

  const login = await fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const adminJwt = (await login.json()).data.token as string;
  const tokenRes = await fetch(`${cms.url}/admin/api-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminJwt}` },
    body: JSON.stringify({ name: 'test-read-only', description: 'tests', type: 'read-only', lifespan: null }),
  });
  if (!tokenRes.ok) throw new Error(`API token creation failed: ${tokenRes.status} ${await tokenRes.text()}`);
  const apiToken = (await tokenRes.json()).data.accessKey as string;

  project.provide('cms', {
    url: cms.url,
    database,
    apiToken,
    adminEmail,
    adminPassword,
    adminJwt,
    env,
    seedSeconds: seed.seconds,
    rebuild,
    preview,
    partnerTokens,
  });

  return async () => {
    await stopProcess(cms.child);
    if (postgresUrl && pgDatabase) await dropDatabase(postgresUrl, pgDatabase);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}
