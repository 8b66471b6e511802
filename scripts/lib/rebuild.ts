/** Pull → build → audit → live, from the CMS the pipeline is configured for. */
import { performance } from 'node:perf_hooks';
import type { PipelineConfig } from './config.ts';
import { latestSnapshotDir, pullSnapshot } from './pull.ts';
import { mayPullIncrementally } from './pull-mode.ts';
import { buildRelease, type BuildReport } from './site-release.ts';

export interface Rebuilt {
  report: BuildReport & { dir: string };
  seconds: { pull: number; total: number };
}

export interface RebuildOptions {
  /** The CMS to pull from (default: the configured one). */
  cmsUrl?: string;
  /** What started this rebuild, for the build report (e.g. `npm run build`). */
  trigger?: string;
  /** Build on the snapshot `latest` points at, fetching only what changed since (see pull.ts). */
  incremental?: boolean;
}

export async function rebuildFromCms(config: PipelineConfig, log: (line: string) => void = () => {}, options: RebuildOptions = {}): Promise<Rebuilt> {
  const cmsUrl = options.cmsUrl ?? config.cmsUrl;
  if (!config.buildToken) throw new Error('CMS_BUILD_TOKEN is not set: `npm start` creates it in cms/.env, or create a read-only API token in the admin');
  const started = performance.now();
  const previous = options.incremental ? latestSnapshotDir(config.snapshotsDir) : undefined;
  const { dir } = await pullSnapshot({ cmsUrl, token: config.buildToken, snapshotsDir: config.snapshotsDir, keep: config.keep.snapshots, previous, log });
  const pull = (performance.now() - started) / 1000;
  const report = await buildRelease({
    snapshotDir: dir,
    siteUrl: config.siteUrl,
    cmsPublicUrl: config.cmsPublicUrl,
    releases: config.releases,
    keep: config.keep.releases,
    trigger: options.trigger,
    pullSeconds: pull,
    log,
  });
  return { report, seconds: { pull, total: (performance.now() - started) / 1000 } };
}

/**
 * What the rebuild service runs for the CMS's "Site rebuild" webhook (`npm start`, and the
 * publish benchmark): one rebuild for a burst of events, pulling incrementally when the
 * events allow it (see pull-mode.ts).
 */
export function rebuildOnWebhook(config: PipelineConfig, log: (line: string) => void): (events: string[]) => Promise<void> {
  return async (events) => {
    const { seconds } = await rebuildFromCms(config, log, {
      trigger: `rebuild webhook: ${events.join(', ') || 'a call'}`,
      incremental: mayPullIncrementally(events),
    });
    log(`[rebuild] the live site is up to date (${seconds.total.toFixed(1)} s: pull ${seconds.pull.toFixed(1)} s)`);
  };
}
