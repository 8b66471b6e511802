/**
 * `npm run bench [-- name…]`: runs the named benchmarks (all of them when none is
 * named; see scripts/bench/benchmark.ts), writes each run's JSON to bench-results/
 * and prints a summary. Benchmarks are not tests: they never run in `npm test`.
 */
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';
import { listBenchmarks, loadBenchmark } from '../bench/benchmark.ts';
import { writeResult } from '../bench/results.ts';

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
    const file = writeResult({ benchmark: name, startedAt, finishedAt: new Date(), results: outcome.results });
    console.log(`\n${name}:`);
    for (const line of outcome.summary) console.log(`  ${line}`);
    console.log(`  results: ${path.relative(repoRoot, file)}\n`);
  } catch (error) {
    failed = true;
    console.error(`[bench ${name}] failed: ${(error as Error).stack ?? error}`);
  }
}
process.exit(failed ? 1 : 0);
