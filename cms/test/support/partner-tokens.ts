/** Creates partner API tokens with the real command-line tool, before the test CMS starts. */
import { runJsonTool } from './json-tool.ts';

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

const runTool = (env: Record<string, string>, args: string[]) => runJsonTool<{ created: { name: string; key: string }[] }>('tools/partner-token.ts', args, env);
