/**
 * `npm start`: the whole product on this machine with demo content.
 * Creates cms/.env with fresh secrets on first start, generates the CMS schemas
 * from content-schemas, builds the CMS when its sources changed, seeds an empty
 * database, then runs Strapi until interrupted.
 */
import { ensureEnvFile, readEnvFile, cmsEnvFile } from '../lib/env-file.ts';
import { ensureCmsBuilt, generateCmsSchemas, runSeed, startCms } from '../lib/cms.ts';
import { stopProcess } from '../lib/processes.ts';

const started = Date.now();
const added = ensureEnvFile();
if (added.length) console.log(`[start] created ${cmsEnvFile} with fresh secrets (${added.join(', ')}); it is git-ignored`);
const changed = generateCmsSchemas();
if (changed.length) console.log(`[start] regenerated ${changed.length} CMS schema file(s) from content-schemas`);
await ensureCmsBuilt();

const env = { ...readEnvFile(), ...process.env };
if ((env.SEED_DEMO_CONTENT ?? 'true') !== 'false') await runSeed(['--if-empty'], env);

const cms = await startCms(env);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const adminHint = env.ADMIN_EMAIL
  ? `log in as ${env.ADMIN_EMAIL} with ADMIN_PASSWORD`
  : 'log in as admin@example.org with the password printed above on first start (or set ADMIN_EMAIL/ADMIN_PASSWORD before the first start)';
console.log(
  [
    '',
    `SSC Knowledge Platform is running (ready in ${seconds} s):`,
    `  CMS API      ${cms.url}/api   (read with an API token; see README)`,
    `  Health       ${cms.url}/_health`,
    `  Admin panel  ${cms.url}/admin — ${adminHint}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

const shutdown = async () => {
  await stopProcess(cms.child);
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
cms.child.on('exit', (code) => process.exit(code ?? 0));
