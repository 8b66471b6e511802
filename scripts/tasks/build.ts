/**
 * `npm run build`: rebuilds the live site from the running CMS: pulls a new
 * snapshot, builds and audits a release from it, and switches `live` to it.
 * `npm run build -- --snapshot <dir>` builds from an existing snapshot instead
 * (no CMS needed), e.g. `snapshots/latest`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pipelineConfig } from '../lib/config.ts';
import { rebuildFromCms } from '../lib/rebuild.ts';
import { buildRelease } from '../lib/site-release.ts';

const { values } = parseArgs({ options: { snapshot: { type: 'string' } } });
const config = pipelineConfig();

try {
  if (values.snapshot) {
    const report = await buildRelease({
      snapshotDir: path.resolve(values.snapshot),
      siteUrl: config.siteUrl,
      releases: config.releases,
      keep: config.keep.releases,
      trigger: 'npm run build -- --snapshot',
      log: console.log,
    });
    console.log(`[build] done in ${report.seconds.total.toFixed(1)} s; live: ${config.releases.liveLink} → ${report.dir}`);
  } else {
    const { report, seconds } = await rebuildFromCms(config, console.log, { trigger: 'npm run build' });
    console.log(
      `[build] done in ${seconds.total.toFixed(1)} s (pull ${seconds.pull.toFixed(1)} s, astro ${report.seconds.astro.toFixed(1)} s, audit ${report.seconds.audit.toFixed(1)} s); live: ${config.releases.liveLink} → ${report.dir}`,
    );
  }
} catch (error) {
  console.error(`[build] failed: ${(error as Error).message}`);
  process.exit(1);
}
