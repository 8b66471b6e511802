/**
 * The Astro configuration of the site, made from explicit options so that the CLI
 * (astro.config.ts, reading the environment) and `buildSite()` share one definition.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';
import sitemap from '@astrojs/sitemap';
import { defaultLocale, locales } from '@ssc/content-schemas';
import { snapshotIntegration } from './snapshot-integration.ts';
import { searchIndexIntegration } from './search-index.ts';

export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321';

/** The site workspace's folder (the Astro project root). */
export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface SiteConfigOptions {
  snapshotDir: string;
  outDir?: string;
  siteUrl?: string;
  /** Astro's cache folder (content layer data store, transformed images); Astro's default when unset. */
  cacheDir?: string;
}

/** Reads SSC_SNAPSHOT_DIR (required) and SSC_SITE_URL from an environment. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConfigOptions {
  const snapshotDir = env.SSC_SNAPSHOT_DIR;
  if (!snapshotDir) {
    throw new Error('SSC_SNAPSHOT_DIR is not set: point it at a content snapshot directory (the one holding manifest.json)');
  }
  return { snapshotDir: path.resolve(snapshotDir), siteUrl: env.SSC_SITE_URL || DEFAULT_SITE_URL };
}

export function createAstroConfig(options: SiteConfigOptions): AstroInlineConfig {
  const siteUrl = (options.siteUrl || DEFAULT_SITE_URL).replace(/\/+$/, '');
  return {
    root: siteRoot,
    configFile: false,
    site: siteUrl,
    output: 'static',
    trailingSlash: 'always',
    build: { format: 'directory', inlineStylesheets: 'never' },
    ...(options.outDir ? { outDir: path.resolve(options.outDir) } : {}),
    ...(options.cacheDir ? { cacheDir: path.resolve(options.cacheDir) } : {}),
    // Every locale is prefixed; `/` is our own language chooser (see src/pages/index.astro).
    i18n: {
      defaultLocale,
      locales: locales.map((l) => l.code),
      routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
    },
    image: { service: { entrypoint: 'astro/assets/services/sharp' } },
    devToolbar: { enabled: false },
    integrations: [
      snapshotIntegration({ snapshotDir: options.snapshotDir }),
      sitemap({
        // The root chooser and status pages are not content.
        filter: (page) => new URL(page).pathname !== '/',
        i18n: { defaultLocale, locales: Object.fromEntries(locales.map((l) => [l.code, l.tag])) },
      }),
      // Last: it indexes the finished HTML.
      searchIndexIntegration(),
    ],
  };
}
