/** Creates partner API tokens with the real command-line tool, before the test CMS starts. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { cmsDir } from '../../../scripts/lib/paths.ts';

export interface TokenSpec {
  name: string;
  rateLimit?: number;
}

/** Runs cms/tools/partner-token.ts once per rate limit group; returns each token's key by name. */
export async function createPartnerTokens(env: Record<string, string>, specs: TokenSpec[]): Promise<Record<string, string>> {
  const keys: Record<string, string> = {};
  const groups = new Map<number | undefined, string[]>();
  for (const s of specs) groups.set(s.rateLimit, [...(groups.get(s.rateLimit) ?? []), s.name]);
  for (const [rateLimit, names] of groups) {
    const args = [...names.flatMap((n) => ['--name', n]), ...(rateLimit ? ['--rate-limit', String(rateLimit)] : []), '--json'];
    const out = await runTool(env, args);
    for (const { name, key } of out.created) keys[name] = key;
  }
  return keys;
}

function runTool(env: Record<string, string>, args: string[]): Promise<{ created: { name: string; key: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cmsDir, 'tools', 'partner-token.ts'), ...args], { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`partner-token exited with ${code}:\n${err}\n${out}`));
      resolve(JSON.parse(line));
    });
  });
}
