/**
 * `npm run build`: rebuilds the live site from the running CMS: pulls a new
 * snapshot, builds and audits a release from it, and switches `live` to it.
 * `npm run build -- --snapshot <dir>` builds from an existing snapshot instead
 * (no CMS needed), e.g. `snapshots/latest`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { pipelineConfig } from '../lib/config.ts';
import { pullSnapshot } from '../lib/pull.ts';
import { buildRelease } from '../lib/site-release.ts';

const { values } = parseArgs({ options: { snapshot: { type: 'string' } } });
const config = pipelineConfig();
const started = performance.now();

try {
  let snapshotDir: string;
  let pullSeconds: number | undefined;
  if (values.snapshot) {
    snapshotDir = path.resolve(values.snapshot);
  } else {
    if (!config.buildToken) throw new Error('CMS_BUILD_TOKEN is not set: `npm start` creates it in cms/.env, or create a read-only API token in the admin');
    const pulled = await pullSnapshot({ cmsUrl: config.cmsUrl, token: config.buildToken, snapshotsDir: config.snapshotsDir, log: console.log });
    snapshotDir = pulled.dir;
    pullSeconds = (performance.now() - started) / 1000;
  }
  const report = await buildRelease({ snapshotDir, siteUrl: config.siteUrl, releases: config.releases, log: console.log });
  const total = (performance.now() - started) / 1000;
  console.log(
    `[build] done in ${total.toFixed(1)} s (${pullSeconds !== undefined ? `pull ${pullSeconds.toFixed(1)} s, ` : ''}astro ${report.seconds.astro.toFixed(1)} s, audit ${report.seconds.audit.toFixed(1)} s); live: ${config.releases.liveLink} → ${report.dir}`,
  );
} catch (error) {
  console.error(`[build] failed: ${(error as Error).message}`);
  process.exit(1);
}
