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
  /**
   * Reuse pages whose data and code did not change since the last build with this
   * cache folder (Astro's `experimental.incrementalBuild`, keys in src/lib/cache-keys.ts),
   * and the search index of languages whose pages did not change. Default: on, unless
   * SSC_INCREMENTAL_BUILD=0.
   */
  incremental?: boolean;
}

/** Whether builds are incremental when the caller does not say: SSC_INCREMENTAL_BUILD=0 turns it off. */
export function incrementalByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SSC_INCREMENTAL_BUILD !== '0';
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
  const incremental = options.incremental ?? incrementalByDefault();
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
    // Pages are reused only when rendered one at a time (build.concurrency 1, Astro's default).
    experimental: { incrementalBuild: incremental },
    integrations: [
      snapshotIntegration({ snapshotDir: options.snapshotDir }),
      sitemap({
        // The root chooser and status pages are not content.
        filter: (page) => new URL(page).pathname !== '/',
        i18n: { defaultLocale, locales: Object.fromEntries(locales.map((l) => [l.code, l.tag])) },
      }),
      // Last: it indexes the finished HTML.
      searchIndexIntegration({ reuse: incremental }),
    ],
  };
}
