/** Runs one of the pipeline's tasks (scripts/tasks/<name>.ts) as `npm run <name>` would, with a given environment. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/paths.ts';

export interface TaskResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

export function runTask(task: string, args: string[], env: Record<string, string | undefined>): Promise<TaskResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'tasks', `${task}.ts`), ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 }));
  });
}
