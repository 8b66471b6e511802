/**
 * Runs one of the CMS's command-line tools (cms/tools/<name>.ts) with this command's
 * arguments, on the database in cms/.env and the environment, whether the CMS runs or
 * not: the env file is made if missing, the schemas generated and the CMS built first.
 * Exits with 1 when the tool fails.
 */
import path from 'node:path';
import { ensureEnvFile, readEnvFile } from './env-file.ts';
import { ensureCmsBuilt, generateCmsSchemas } from './cms.ts';
import { cmsDir } from './paths.ts';
import { run } from './processes.ts';

export async function runCmsTool(name: string): Promise<void> {
  ensureEnvFile();
  generateCmsSchemas();
  await ensureCmsBuilt();
  try {
    await run(process.execPath, [path.join(cmsDir, 'tools', `${name}.ts`), ...process.argv.slice(2)], {
      cwd: cmsDir,
      env: { ...readEnvFile(), ...process.env },
    });
  } catch {
    process.exit(1);
  }
}
