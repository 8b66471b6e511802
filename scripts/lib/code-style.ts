/**
 * The repository's code style: ESLint (eslint.config.js, typescript-eslint's recommended rules) and Prettier
 * (.prettierrc.json; .prettierignore and .gitignore say what it skips). `npm run lint` and the full `npm test`
 * check both; `npm run format` rewrites every file Prettier covers. Both keep a cache under node_modules/.cache/.
 */
import path from 'node:path';
import { repoRoot } from './paths.ts';
import { run } from './processes.ts';

const eslint = [path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--cache', '--cache-location', 'node_modules/.cache/eslint/'];
const prettier = [path.join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--cache', '--cache-strategy', 'content', '--log-level', 'warn'];

/** ESLint, then Prettier's check, over the whole repository; rejects when either finds a problem (both always run). */
export async function checkCodeStyle(): Promise<void> {
  const failed: string[] = [];
  const checks: [string, string[]][] = [
    ['ESLint', [...eslint, '.']],
    ['Prettier', [...prettier, '--check', '.']],
  ];
  for (const [name, args] of checks) {
    try {
      await run(process.execPath, args, { cwd: repoRoot });
    } catch {
      failed.push(name);
    }
  }
  if (failed.length) throw new Error(`[lint] ${failed.join(' and ')} found problems (\`npm run format\` fixes the formatting)`);
}

/** Rewrites every file Prettier covers in its style. */
export function formatCode(): Promise<void> {
  return run(process.execPath, [...prettier, '--write', '.'], { cwd: repoRoot });
}
