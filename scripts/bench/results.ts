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
  description?: string;
  summary?: string[];
}

export interface Machine {
  cpus: number;
  cpuModel: string | null;
  memoryBytes: number;
  node: string;
  platform: string;
}

/** A run as written to bench-results/ (runs written before `description` and `summary` were recorded lack them). */
export interface RunFile {
  benchmark: string;
  description?: string;
  startedAt: string;
  finishedAt: string;
  commit: string | null;
  machine: Machine;
  summary?: string[];
  results: Record<string, unknown>;
}

export function runFile(record: RunRecord): RunFile {
  return {
    benchmark: record.benchmark,
    ...(record.description === undefined ? {} : { description: record.description }),
    startedAt: record.startedAt.toISOString(),
    finishedAt: record.finishedAt.toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryBytes: os.totalmem(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    ...(record.summary === undefined ? {} : { summary: record.summary }),
    results: record.results,
  };
}

export function writeResult(run: RunFile, dir = benchResultsDir): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = run.startedAt.replace(/[:.]/g, '-');
  const file = path.join(dir, `${run.benchmark}-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}
