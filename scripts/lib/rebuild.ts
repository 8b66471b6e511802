/** Pull → build → audit → live, from the CMS the pipeline is configured for. */
import { performance } from 'node:perf_hooks';
import type { PipelineConfig } from './config.ts';
import { pullSnapshot } from './pull.ts';
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
}

export async function rebuildFromCms(config: PipelineConfig, log: (line: string) => void = () => {}, options: RebuildOptions = {}): Promise<Rebuilt> {
  const cmsUrl = options.cmsUrl ?? config.cmsUrl;
  if (!config.buildToken) throw new Error('CMS_BUILD_TOKEN is not set: `npm start` creates it in cms/.env, or create a read-only API token in the admin');
  const started = performance.now();
  const { dir } = await pullSnapshot({ cmsUrl, token: config.buildToken, snapshotsDir: config.snapshotsDir, keep: config.keep.snapshots, log });
  const pull = (performance.now() - started) / 1000;
  const report = await buildRelease({ snapshotDir: dir, siteUrl: config.siteUrl, releases: config.releases, keep: config.keep.releases, trigger: options.trigger, pullSeconds: pull, log });
  return { report, seconds: { pull, total: (performance.now() - started) / 1000 } };
}
