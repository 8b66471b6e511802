/** `npm run typecheck`: strict TypeScript over the workspace (the CMS's own sources are checked by its build). */
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';
import { run } from '../lib/processes.ts';

try {
  await run(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', repoRoot], { cwd: repoRoot });
  console.log('[typecheck] no errors');
} catch {
  process.exit(1);
}
