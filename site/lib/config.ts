/**
 * The Astro configuration of the site, made from explicit options so that the CLI
 * (astro.config.ts, reading the environment) and `buildSite()` share one definition.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { cmsPublicUrl as cmsPublicUrlOf, DEFAULT_CMS_PUBLIC_URL, DEFAULT_SITE_URL, defaultLocale, locales } from '@ssc/content-schemas';
import { currentPlan, type BuildPlan } from '../src/lib/build-plan.ts';
import { linkOrCopy } from './file-links.ts';
import { renderByLanguage, type LanguageRenderHooks } from './render-by-language.ts';
import { snapshotIntegration } from './snapshot-integration.ts';
import { searchIndexIntegration } from './search-index.ts';

/** The site workspace's folder (the Astro project root). */
export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface SiteConfigOptions {
  snapshotDir: string;
  outDir?: string;
  siteUrl?: string;
  /** The CMS's public origin, where the learner forms post (default: DEFAULT_CMS_PUBLIC_URL). */
  cmsPublicUrl?: string;
  /** Astro's cache folder (content layer data store, transformed images); Astro's default when unset. */
  cacheDir?: string;
  /**
   * Reuse the search index of languages whose pages did not change since the last
   * build with this cache folder, where Astro makes the index (see `searchIndex`).
   * Default: on, unless SSC_INCREMENTAL_BUILD=0. (Pages are reused by buildSite()'s
   * targeted builds, site/lib/targeted-build.ts, not by Astro.)
   */
  incremental?: boolean;
  /**
   * Whether Astro makes the search index when it has written the site (default: yes,
   * for the Astro CLI). buildSite() turns it off and makes the index itself once the
   * pages it did not render are in place.
   */
  searchIndex?: boolean;
  /** Renders the site language by language and tells these hooks (buildSite() indexes each language meanwhile). */
  renderHooks?: LanguageRenderHooks;
}

/** Whether a targeted build has exactly the pages of the output it builds on (only their content changed). */
function samePages(plan: BuildPlan): boolean {
  if (!plan.previous) return false;
  const pages = (outputs: Iterable<string>) => [...outputs].filter((output) => output.endsWith(PAGE_FILE));
  const before = new Set(pages(plan.previous.keys()));
  const now = pages(plan.current.keys());
  return now.length === before.size && now.every((output) => before.has(output));
}

/** Links the previous output's sitemap files into `dir`; false when it has none. */
function reusePreviousSitemap(previousDir: string, dir: string): boolean {
  const files = fs.existsSync(previousDir) ? fs.readdirSync(previousDir).filter((name) => /^sitemap-.*\.xml$/.test(name)) : [];
  for (const name of files) linkOrCopy(path.join(previousDir, name), path.join(dir, name));
  return files.length > 0;
}

/**
 * The sitemap of every page of the site, also in a targeted build where Astro sees
 * only the pages it rendered: the pages the build plan reused are added to Astro's
 * list before @astrojs/sitemap writes it (it sorts the list, so the result is the
 * same as after a full build). A targeted build with the same pages as the output it
 * builds on (an edit) links that output's sitemap instead: it depends only on the
 * pages and on the code, which a targeted build shares with it.
 */
function sitemapOfAllPages(inner: AstroIntegration): AstroIntegration {
  const done = inner.hooks['astro:build:done'];
  return {
    ...inner,
    hooks: {
      ...inner.hooks,
      'astro:build:done': async (params) => {
        const plan = currentPlan();
        if (plan?.previousDir && samePages(plan) && reusePreviousSitemap(plan.previousDir, fileURLToPath(params.dir))) return;
        const reused = plan ? [...plan.current.keys()].filter((output) => !plan.rendered.has(output) && output.endsWith(PAGE_FILE)) : [];
        const pages = [...params.pages, ...reused.map((output) => ({ pathname: output.slice(0, -PAGE_FILE.length) }))];
        await done?.({ ...params, pages });
      },
    },
  };
}
const PAGE_FILE = 'index.html';

/** Whether builds are incremental when the caller does not say: SSC_INCREMENTAL_BUILD=0 turns it off. */
export function incrementalByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SSC_INCREMENTAL_BUILD !== '0';
}

/** Reads SSC_SNAPSHOT_DIR (required), SSC_SITE_URL and SSC_CMS_PUBLIC_URL from an environment. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConfigOptions {
  const snapshotDir = env.SSC_SNAPSHOT_DIR;
  if (!snapshotDir) {
    throw new Error('SSC_SNAPSHOT_DIR is not set: point it at a content snapshot directory (the one holding manifest.json)');
  }
  return {
    snapshotDir: path.resolve(snapshotDir),
    siteUrl: env.SSC_SITE_URL || DEFAULT_SITE_URL,
    cmsPublicUrl: cmsPublicUrlOf(env),
  };
}

export function createAstroConfig(options: SiteConfigOptions): AstroInlineConfig {
  const siteUrl = (options.siteUrl || DEFAULT_SITE_URL).replace(/\/+$/, '');
  const incremental = options.incremental ?? incrementalByDefault();
  const cmsPublicUrl = (options.cmsPublicUrl || DEFAULT_CMS_PUBLIC_URL).replace(/\/+$/, '');
  return {
    root: siteRoot,
    configFile: false,
    site: siteUrl,
    output: 'static',
    trailingSlash: 'always',
    // Several pages at once: with one, every page's mkdir and write waits in turn on the
    // file system; eight overlap that with rendering (a full build at 10,000 entries went
    // from 30 s to 25 s in Astro, see the site benchmark). Output is the same either way.
    build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
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
    // Read by src/lib/learn.ts: the learner forms post to the CMS.
    vite: { define: { 'import.meta.env.SSC_CMS_PUBLIC_URL': JSON.stringify(cmsPublicUrl) } },
    // Astro's own incremental build restores every unchanged page on every build (at
    // 10,000 entries that copy and its manifest cost more than rendering what changed);
    // buildSite() gives Astro only the changed paths instead (site/lib/targeted-build.ts).
    experimental: { incrementalBuild: false },
    integrations: [
      snapshotIntegration({ snapshotDir: options.snapshotDir }),
      ...(options.renderHooks ? [renderByLanguage(options.renderHooks)] : []),
      sitemapOfAllPages(
        sitemap({
          // The root chooser and status pages are not content.
          filter: (page) => new URL(page).pathname !== '/',
          i18n: { defaultLocale, locales: Object.fromEntries(locales.map((l) => [l.code, l.tag])) },
        }),
      ),
      // Last: it indexes the finished HTML.
      ...(options.searchIndex === false ? [] : [searchIndexIntegration({ reuse: incremental })]),
    ],
  };
}
