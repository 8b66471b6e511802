/**
 * `npm test`: builds the CMS when its sources changed (from the committed schema
 * files: no regeneration, so the drift test can catch a stale cms/), then runs
 * the strict type check and every vitest project. Extra arguments go to vitest.
 */
import path from 'node:path';
import { ensureCmsBuilt } from '../lib/cms.ts';
import { repoRoot } from '../lib/paths.ts';
import { run } from '../lib/processes.ts';

await ensureCmsBuilt();
const typescript = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
try {
  await run(process.execPath, [typescript, '-p', repoRoot], { cwd: repoRoot });
  await run(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { cwd: repoRoot });
} catch {
  process.exit(1);
}
