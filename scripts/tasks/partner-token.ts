/**
 * `npm run partner:token -- --name "<partner>"`: creates a partner API token and
 * prints its key once (see cms/tools/partner-token.ts for --list and --revoke).
 * Works on the database in cms/.env and the environment, whether the CMS runs or not.
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
  await run(process.execPath, [path.join(cmsDir, 'tools', 'partner-token.ts'), ...process.argv.slice(2)], {
    cwd: cmsDir,
    env: { ...readEnvFile(), ...process.env },
  });
} catch {
  process.exit(1);
}
