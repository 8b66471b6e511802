/**
 * Loads the built CMS in this process (no HTTP server), for seeding and tools.
 * The CMS must have been built (`strapi build`) so that cms/dist exists.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStrapi, type Core } from '@strapi/strapi';

export const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function loadStrapi(): Promise<Core.Strapi> {
  process.chdir(cmsDir);
  const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') });
  app.log.level = process.env.STRAPI_LOG_LEVEL ?? 'warn';
  return app.load();
}
