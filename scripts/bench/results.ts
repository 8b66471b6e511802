/** Writes one benchmark run as JSON to bench-results/<name>-<timestamp>.json. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';
import { benchResultsDir } from './paths.ts';

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export interface RunRecord {
  benchmark: string;
  startedAt: Date;
  finishedAt: Date;
  results: Record<string, unknown>;
}

export function writeResult(record: RunRecord, dir = benchResultsDir): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = record.startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${record.benchmark}-${stamp}.json`);
  const body = {
    benchmark: record.benchmark,
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt.toISOString(),
    commit: gitCommit(),
    machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? null, memoryBytes: os.totalmem(), node: process.version, platform: `${process.platform}-${process.arch}` },
    results: record.results,
  };
  fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}
