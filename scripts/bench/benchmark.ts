/**
 * What a benchmark is, and how they are found: every module in
 * scripts/bench/benchmarks/ is one benchmark, named after its file, whose default
 * export is a `Benchmark`. Adding one is adding a file there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchmarkContext {
  /** Progress lines (not part of the result). */
  log(message: string): void;
}

export interface BenchmarkOutcome {
  /** Everything measured, written to bench-results/<name>-<time>.json. */
  results: Record<string, unknown>;
  /** A few human lines printed at the end of the run. */
  summary: string[];
}

export interface Benchmark {
  description: string;
  run(context: BenchmarkContext): Promise<BenchmarkOutcome>;
}

export const benchmarksDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'benchmarks');

/** Benchmark names, sorted. */
export function listBenchmarks(dir = benchmarksDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

export async function loadBenchmark(name: string, dir = benchmarksDir): Promise<Benchmark> {
  if (!listBenchmarks(dir).includes(name)) throw new Error(`no benchmark "${name}" (known: ${listBenchmarks(dir).join(', ')})`);
  const module = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { default?: Benchmark };
  if (!module.default || typeof module.default.run !== 'function') throw new Error(`${name}.ts must default-export a Benchmark`);
  return module.default;
}
