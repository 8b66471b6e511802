/** Runs the real seed command against a test database and returns its JSON report. */
import type { SeedReport } from '../../seed/seed.ts';
import { runJsonTool } from './json-tool.ts';

export const runSeedJson = (env: Record<string, string>): Promise<SeedReport> => runJsonTool<SeedReport>('seed/run.ts', ['--json'], env);
