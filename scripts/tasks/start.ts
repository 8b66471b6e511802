/**
 * `npm start`: the whole product on this machine with demo content.
 * Creates cms/.env with fresh secrets on first start, generates the CMS schemas
 * from content-schemas, builds the CMS when its sources changed, seeds an empty
 * database and makes sure the build token exists, runs Strapi, pulls a content
 * snapshot from it, builds the site from that snapshot into a release that goes
 * live, and serves `live` on http://127.0.0.1:4321. The CMS's "Site rebuild"
 * webhook calls the rebuild service on 127.0.0.1:4322 on every publish, unpublish
 * and delete, so editors' changes go live by themselves. The preview service on
 * 127.0.0.1:4323 renders drafts for the edit view's "Open preview" (the CMS's
 * SITE_PREVIEW_URL points at it). Runs until interrupted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cmsEnvFile, ensureEnvFile, setEnvValue } from '../lib/env-file.ts';
import { ensureCmsBuilt, generateCmsSchemas, prepareCms, startCms } from '../lib/cms.ts';
import { pipelineConfig, wantsDemoContent } from '../lib/config.ts';
import { stopProcess } from '../lib/processes.ts';
import { pullSnapshot } from '../lib/pull.ts';
import { buildRelease } from '../lib/site-release.ts';
import { rebuildOnWebhook } from '../lib/rebuild.ts';
import { startRebuildService } from '../lib/rebuild-service.ts';
import { startPreviewService } from '../lib/preview-service.ts';
import { readSiteStatus } from '../lib/site-status.ts';
import { rollback } from '../lib/rollback.ts';
import { serveStatic, type StaticServer } from '../../site/lib/serve.ts';

const started = Date.now();
const added = ensureEnvFile();
if (added.length) console.log(`[start] created ${cmsEnvFile} with fresh secrets (${added.join(', ')}); it is git-ignored`);
const changed = generateCmsSchemas();
if (changed.length) console.log(`[start] regenerated ${changed.length} CMS schema file(s) from content-schemas`);
await ensureCmsBuilt();

const production = process.env.NODE_ENV === 'production';
const prepared = await prepareCms(pipelineConfig().env, { seedIfEmpty: wantsDemoContent(pipelineConfig().env) });
if (prepared.buildToken) {
  setEnvValue('CMS_BUILD_TOKEN', prepared.buildToken);
  console.log('[start] stored a new read-only build token in cms/.env (CMS_BUILD_TOKEN)');
}
const config = pipelineConfig();

const rebuilder = await startRebuildService({
  port: config.rebuildPort,
  secret: config.env.SITE_REBUILD_SECRET!,
  log: console.log,
  rebuild: rebuildOnWebhook(config, console.log),
  status: async () => ({ ...readSiteStatus(config.releases) }),
  rollback: async (id) => void rollback(config.releases, id),
});
const preview = config.preview!;
const previewer = await startPreviewService({
  port: preview.port,
  cmsUrl: config.cmsUrl,
  secret: config.env.SITE_PREVIEW_SECRET!,
  siteUrl: config.siteUrl,
  snapshotsDir: config.snapshotsDir,
  workDir: preview.dir,
  adminOrigins: [...new Set([new URL(config.cmsUrl).origin, ...(config.env.PUBLIC_URL ? [new URL(config.env.PUBLIC_URL).origin] : [])])],
  log: console.log,
});
const cms = await startCms({ ...config.env, SITE_REBUILD_URL: config.env.SITE_REBUILD_URL || rebuilder.url, SITE_PREVIEW_URL: preview.url });
let site: StaticServer | undefined;
const shutdown = async () => {
  await rebuilder.close();
  await previewer.close();
  await site?.close();
  await stopProcess(cms.child);
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
cms.child.on('exit', (code) => process.exit(code ?? 0));

let snapshotDir: string | undefined;
try {
  snapshotDir = (
    await pullSnapshot({ cmsUrl: cms.url, token: config.buildToken!, snapshotsDir: config.snapshotsDir, keep: config.keep.snapshots, log: console.log })
  ).dir;
} catch (error) {
  console.error(`[pull] failed: ${(error as Error).message}`);
  const latest = path.join(config.snapshotsDir, 'latest');
  if (fs.existsSync(latest)) {
    snapshotDir = fs.realpathSync(latest);
    console.error(`[pull] building from the previous snapshot ${snapshotDir} instead`);
  }
}
if (snapshotDir) {
  try {
    await buildRelease({ snapshotDir, siteUrl: config.siteUrl, releases: config.releases, keep: config.keep.releases, trigger: 'npm start', log: console.log });
  } catch (error) {
    console.error(`[build] failed: ${(error as Error).message}`);
  }
}
let siteLine = '  Site         not built (see the errors above)';
if (fs.existsSync(config.releases.liveLink)) {
  site = await serveStatic(config.releases.liveLink, { host: '127.0.0.1', port: config.sitePort });
  siteLine = `  Site         ${site.url}/   (rebuild from the CMS with \`npm run build\`)`;
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const adminHint = production
  ? 'production mode: no demo admin; the first visit creates the first administrator'
  : config.env.ADMIN_EMAIL
    ? `log in as ${config.env.ADMIN_EMAIL} with ADMIN_PASSWORD`
    : 'log in as admin@example.org with the password printed above on first start (or set ADMIN_EMAIL/ADMIN_PASSWORD before the first start)';
console.log(
  [
    '',
    `SSC Knowledge Platform is running (ready in ${seconds} s):`,
    `  CMS API      ${cms.url}/api   (read with an API token; see docs/partner-api.md)`,
    `  Health       ${cms.url}/_health`,
    `  Admin panel  ${cms.url}/admin — ${adminHint}`,
    siteLine,
    `  Rebuilds     on every publish, unpublish and delete (CMS webhook "Site rebuild" → ${rebuilder.url})`,
    `  Previews     "Open preview" in the edit view shows the draft with the site's pages (${previewer.url}; see docs/editing-guide.md)`,
    'Press Ctrl+C to stop.',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n',
);
