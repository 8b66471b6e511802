/** Where benchmarks find the shared reference corpus and keep their caches and results. */
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';

/** The shared bench folder (corpus.mjs, hugo/): SSC_BENCH_DIR, else <repo>/../shared/bench. */
export function benchDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SSC_BENCH_DIR || path.join(repoRoot, '..', 'shared', 'bench'));
}

/** Generated corpora, snapshots and build output, kept between runs (git-ignored). */
export const benchCacheDir = path.join(repoRoot, '.cache', 'bench');

/** One JSON file per benchmark run (git-ignored). */
export const benchResultsDir = path.join(repoRoot, 'bench-results');
