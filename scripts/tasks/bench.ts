/**
 * `npm run bench [-- name…]`: runs the named benchmarks (all of them when none is
 * named; see scripts/bench/benchmark.ts), writes each run's JSON to bench-results/,
 * replaces the benchmark's section of docs/benchmarks.md (scripts/bench/figures-doc.ts)
 * and prints a summary. Benchmarks are not tests: they never run in `npm test`.
 */
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';
import { listBenchmarks, loadBenchmark } from '../bench/benchmark.ts';
import { updateFiguresDoc, figuresDocFile } from '../bench/figures-doc.ts';
import { runFile, writeResult } from '../bench/results.ts';

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = names.length ? names : listBenchmarks();
let failed = false;
for (const name of chosen) {
  const log = (message: string) => console.log(`[bench ${name}] ${message}`);
  try {
    const benchmark = await loadBenchmark(name);
    log(benchmark.description);
    const startedAt = new Date();
    const outcome = await benchmark.run({ log });
    const run = runFile({
      benchmark: name,
      description: benchmark.description,
      startedAt,
      finishedAt: new Date(),
      summary: outcome.summary,
      results: outcome.results,
    });
    const file = writeResult(run);
    updateFiguresDoc(run);
    console.log(`\n${name}:`);
    for (const line of outcome.summary) console.log(`  ${line}`);
    console.log(`  results: ${path.relative(repoRoot, file)} (figures in ${path.relative(repoRoot, figuresDocFile)})\n`);
  } catch (error) {
    failed = true;
    console.error(`[bench ${name}] failed: ${(error as Error).stack ?? error}`);
  }
}
process.exit(failed ? 1 : 0);
