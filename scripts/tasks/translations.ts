/**
 * `npm run translations`: the translation status of every document in every locale,
 * and of the site's UI strings (see cms/tools/translations.ts for the options).
 * Works on the database in cms/.env and the environment, whether the CMS runs or not;
 * exits with the tool's code (1 with --fail-on-missing when something is missing).
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { cmsEnvFile, ensureEnvFile, readEnvFile } from '../lib/env-file.ts';
import { ensureCmsBuilt, generateCmsSchemas } from '../lib/cms.ts';
import { cmsDir } from '../lib/paths.ts';

// ENV_PATH names another settings file, as it does for the CMS itself (the tests' CMS uses one).
if (!process.env.ENV_PATH) ensureEnvFile();
generateCmsSchemas();
await ensureCmsBuilt((line) => console.error(line));
const child = spawn(process.execPath, [path.join(cmsDir, 'tools', 'translations.ts'), ...process.argv.slice(2)], {
  cwd: cmsDir,
  env: { ...readEnvFile(process.env.ENV_PATH || cmsEnvFile), ...process.env },
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
