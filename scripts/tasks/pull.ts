/** `npm run pull`: writes a new content snapshot from the running CMS (see scripts/lib/pull.ts). */
import { pipelineConfig } from '../lib/config.ts';
import { pullSnapshot } from '../lib/pull.ts';

const config = pipelineConfig();
if (!config.buildToken) {
  console.error('[pull] CMS_BUILD_TOKEN is not set: `npm start` creates it in cms/.env, or create a read-only API token in the admin');
  process.exit(1);
}
try {
  const { dir } = await pullSnapshot({ cmsUrl: config.cmsUrl, token: config.buildToken, snapshotsDir: config.snapshotsDir, keep: config.keep.snapshots, log: console.log });
  console.log(`[pull] wrote ${dir}`);
} catch (error) {
  console.error(`[pull] failed: ${(error as Error).message}`);
  process.exit(1);
}
