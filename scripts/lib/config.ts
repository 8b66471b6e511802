/** Pipeline settings, from the process environment over cms/.env. */
import path from 'node:path';
import { readEnvFile } from './env-file.ts';
import { repoRoot } from './paths.ts';

export interface PipelineConfig {
  env: NodeJS.ProcessEnv;
  cmsUrl: string;
  buildToken: string | undefined;
  snapshotsDir: string;
}

export function pipelineConfig(): PipelineConfig {
  const env = { ...readEnvFile(), ...process.env };
  return {
    env,
    cmsUrl: env.CMS_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? '1337'}`,
    buildToken: env.CMS_BUILD_TOKEN || undefined,
    snapshotsDir: path.resolve(repoRoot, env.SNAPSHOTS_DIR ?? 'snapshots'),
  };
}
