/** Runs the real seed command against a test database and returns its JSON report. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cmsDir } from '../../../scripts/lib/paths.ts';
import type { SeedReport } from '../../seed/seed.ts';

export function runSeedJson(env: Record<string, string>): Promise<SeedReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cmsDir, 'seed', 'run.ts'), '--json'], { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`seed exited with ${code}:\n${err}\n${out}`));
      const line = out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (!line) return reject(new Error(`seed printed no report:\n${out}\n${err}`));
      resolve(JSON.parse(line));
    });
  });
}
