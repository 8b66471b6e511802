/**
 * `npm run credentials -- rotate-key | keys | revoke <id> | issue …`: the Cloud School
 * certificates' signing keys and records (see cms/tools/credentials.ts). Works on the
 * database in cms/.env and the environment, whether the CMS runs or not.
 */
import path from 'node:path';
import { ensureEnvFile, readEnvFile } from '../lib/env-file.ts';
import { ensureCmsBuilt, generateCmsSchemas } from '../lib/cms.ts';
import { cmsDir } from '../lib/paths.ts';
import { run } from '../lib/processes.ts';

ensureEnvFile();
generateCmsSchemas();
await ensureCmsBuilt();
try {
  await run(process.execPath, [path.join(cmsDir, 'tools', 'credentials.ts'), ...process.argv.slice(2)], {
    cwd: cmsDir,
    env: { ...readEnvFile(), ...process.env },
  });
} catch {
  process.exit(1);
}
