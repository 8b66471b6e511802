/**
 * Loads the built CMS in this process (no HTTP server), for seeding and tools.
 * The CMS must have been built (`strapi build`) so that cms/dist exists.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';

// Strapi's ESM build does not load under Node's strict ESM resolver; its CommonJS build does.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');

export const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function loadStrapi(): Promise<Core.Strapi> {
  process.chdir(cmsDir);
  const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
  app.log.level = process.env.STRAPI_LOG_LEVEL ?? 'warn';
  return app.load();
}

/** Loads Strapi, runs `task`, shuts Strapi down and exits: 0 on success, 1 with the error printed. */
export async function runWithStrapi(label: string, task: (strapi: Core.Strapi) => Promise<void>): Promise<never> {
  const strapi = await loadStrapi();
  let exitCode = 0;
  try {
    await task(strapi);
  } catch (error) {
    console.error(`[${label}] failed:`, error instanceof Error ? error.message : error);
    if (error && typeof error === 'object' && 'details' in error) console.error(JSON.stringify((error as { details: unknown }).details, null, 2));
    exitCode = 1;
  } finally {
    // On PostgreSQL, Strapi's background work may still wait for a pooled connection when
    // the pool closes; those waits are rejected with "aborted", which is harmless here.
    process.on('unhandledRejection', (reason) => {
      if (!(reason instanceof Error && reason.message === 'aborted')) throw reason;
    });
    await strapi.destroy();
  }
  // Writes to a pipe are asynchronous: wait until what the task printed is out, or a
  // long report (`translations --json`) would be cut short by the exit.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  process.exit(exitCode);
}
