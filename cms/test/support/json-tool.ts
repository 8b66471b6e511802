/** Runs one of the CMS's command-line scripts (seed, tools) and returns the JSON report it prints last. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cmsDir } from './paths.ts';

/** `script` is relative to cms/, e.g. `seed/run.ts`. */
export function runJsonTool<T>(script: string, args: string[], env: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cmsDir, script), ...args], { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`${script} exited with ${code}${line ? '' : ' and printed no report'}:\n${err}\n${out}`));
      resolve(JSON.parse(line) as T);
    });
  });
}
