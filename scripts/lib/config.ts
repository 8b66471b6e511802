/** Pipeline settings, from the process environment over cms/.env. */
import path from 'node:path';
import { DEFAULT_CMS_PORT, DEFAULT_SITE_PORT, localSiteUrl } from '@ssc/content-schemas';
import { readEnvFile } from './env-file.ts';
import { repoRoot } from './paths.ts';
import type { ReleasePaths } from './release.ts';

export interface PipelineConfig {
  env: NodeJS.ProcessEnv;
  cmsUrl: string;
  buildToken: string | undefined;
  snapshotsDir: string;
  /** Where site builds go, and the `live` symlink the web server serves. */
  releases: ReleasePaths;
  /** The public origin of the site (canonical links, hreflang, sitemap, feeds). */
  siteUrl: string;
  /** The CMS's public origin, where the site's learner forms post (SSC_CMS_PUBLIC_URL). */
  cmsPublicUrl: string;
  /** The port of the local site server that `npm start` runs. */
  sitePort: number;
  /** The port of the rebuild service that `npm start` runs for the CMS's webhook. */
  rebuildPort: number;
  /** How many snapshots and releases (with their build reports) to keep; older ones are pruned. */
  keep: { snapshots: number; releases: number };
  /** The draft preview service `npm start` runs: its port, its origin as the CMS's preview URLs give it, and its own folder. */
  preview?: { port: number; url: string; dir: string };
}

/** A "keep the newest N" setting: a whole number of at least 1, `fallback` when unset. */
export function keepSetting(env: NodeJS.ProcessEnv, name: string, fallback = 5): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
  return value;
}

export function pipelineConfig(): PipelineConfig {
  const env = { ...readEnvFile(), ...process.env };
  const sitePort = Number(env.SITE_PORT ?? DEFAULT_SITE_PORT);
  const previewPort = Number(env.PREVIEW_PORT ?? 4323);
  return {
    env,
    cmsUrl: env.CMS_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? '1337'}`,
    buildToken: env.CMS_BUILD_TOKEN || undefined,
    snapshotsDir: path.resolve(repoRoot, env.SNAPSHOTS_DIR ?? 'snapshots'),
    releases: {
      releasesDir: path.resolve(repoRoot, env.RELEASES_DIR ?? 'releases'),
      liveLink: path.resolve(repoRoot, env.SITE_LIVE_DIR ?? 'live'),
    },
    siteUrl: (env.SSC_SITE_URL || localSiteUrl(sitePort)).replace(/\/+$/, ''),
    cmsPublicUrl: (env.SSC_CMS_PUBLIC_URL || `http://127.0.0.1:${env.PORT || DEFAULT_CMS_PORT}`).replace(/\/+$/, ''),
    sitePort,
    rebuildPort: Number(env.REBUILD_PORT ?? 4322),
    keep: { snapshots: keepSetting(env, 'SNAPSHOTS_KEEP'), releases: keepSetting(env, 'RELEASES_KEEP') },
    preview: {
      port: previewPort,
      url: (env.SITE_PREVIEW_URL || `http://127.0.0.1:${previewPort}`).replace(/\/+$/, ''),
      dir: path.resolve(repoRoot, env.PREVIEW_DIR ?? path.join('.cache', 'preview')),
    },
  };
}

/**
 * Whether `npm start` loads the demo content into an empty database: SEED_DEMO_CONTENT
 * when set, otherwise yes, except in production (NODE_ENV=production), where an
 * empty database stays empty unless asked.
 */
export function wantsDemoContent(env: NodeJS.ProcessEnv): boolean {
  const setting = env.SEED_DEMO_CONTENT?.trim().toLowerCase();
  if (setting) return setting === 'true';
  return env.NODE_ENV !== 'production';
}
