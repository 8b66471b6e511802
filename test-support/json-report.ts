/** Runs a Node script that ends by printing a JSON report, for tests and benchmarks that drive the CMS's tools. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export interface JsonReportOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** `inherit` shows the script's progress on our stderr; `pipe` (default) keeps it for the error message. */
  stderr?: 'pipe' | 'inherit';
}

/** Runs `script` with Node and resolves with the JSON of the last line it prints that starts with `{`. */
export function runJsonReport<T>(script: string, args: string[], options: JsonReportOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', options.stderr ?? 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`${path.basename(script)} exited with ${code}${line ? '' : ' and printed no report'}:\n${err}\n${out}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}
