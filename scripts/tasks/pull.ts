/**
 * `npm run pull`: writes a new content snapshot from the running CMS (see scripts/lib/pull.ts).
 * `npm run pull -- --incremental` builds on the snapshot `latest` points at and fetches only
 * what changed since (a full pull when that snapshot cannot be used).
 */
import { pipelineConfig } from '../lib/config.ts';
import { latestSnapshotDir, pullSnapshot } from '../lib/pull.ts';

const config = pipelineConfig();
if (!config.buildToken) {
  console.error('[pull] CMS_BUILD_TOKEN is not set: `npm start` creates it in cms/.env, or create a read-only API token in the admin');
  process.exit(1);
}
try {
  const previous = process.argv.includes('--incremental') ? latestSnapshotDir(config.snapshotsDir) : undefined;
  const { dir } = await pullSnapshot({
    cmsUrl: config.cmsUrl,
    token: config.buildToken,
    snapshotsDir: config.snapshotsDir,
    keep: config.keep.snapshots,
    previous,
    log: console.log,
  });
  console.log(`[pull] wrote ${dir}`);
} catch (error) {
  console.error(`[pull] failed: ${(error as Error).message}`);
  process.exit(1);
}
