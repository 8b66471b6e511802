/** Runs one of the CMS's command-line scripts (seed, tools) and returns the JSON report it prints last. */
import path from 'node:path';
import { runJsonReport } from '../../../test-support/json-report.ts';
import { cmsDir } from './paths.ts';

/** `script` is relative to cms/, e.g. `seed/run.ts`. */
export const runJsonTool = <T>(script: string, args: string[], env: Record<string, string>): Promise<T> =>
  runJsonReport<T>(path.join(cmsDir, script), args, { cwd: cmsDir, env });
