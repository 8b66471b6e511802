/**
 * Loads the built CMS in this process (no HTTP server), for seeding and tools.
 * The CMS must have been built (`strapi build`) so that cms/dist exists.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
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
