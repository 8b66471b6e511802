/** Where benchmarks keep their caches and results, and the optional external bench folder. */
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';

/**
 * An external bench folder (corpus.mjs, hugo/run.sh) named by SSC_BENCH_DIR, used
 * instead of the repository's own corpus generator and Hugo runner; null when unset
 * or empty (the default: benchmarks need nothing outside the repository).
 */
export function externalBenchDir(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.SSC_BENCH_DIR ? path.resolve(env.SSC_BENCH_DIR) : null;
}

/** Generated corpora, snapshots and build output, kept between runs (git-ignored). */
export const benchCacheDir = path.join(repoRoot, '.cache', 'bench');

/** One JSON file per benchmark run (git-ignored). */
export const benchResultsDir = path.join(repoRoot, 'bench-results');
