/**
 * `search`: the Pagefind index time and what one first search transfers (JS, WASM,
 * index chunks and fragments as served, recorded in headless Chromium: by our server
 * with its Brotli copies, and by a host serving Pagefind's gzip files as they are), on the
 * fixture site and on the reference corpus (2,000 documents × 5 locales = 10,000
 * pages; SSC_BENCH_DOCUMENTS changes the count). Budget: 100 KB per search at 10,000
 * pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSite } from '../../../site/lib/build.ts';
import type { Benchmark } from '../benchmark.ts';
import { ensureCorpus, ensureCorpusSnapshot } from '../corpus.ts';
import { benchCacheDir } from '../paths.ts';
import { measureSearchCosts, type SearchBenchResult } from '../search-metrics.ts';
import type { SearchTransfer } from '../../../test-support/search-transfer.ts';
import { repoRoot } from '../../lib/paths.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fixtureSnapshot = path.join(repoRoot, 'site', 'test', 'fixtures', 'snapshot');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
}

function describeSearches(searches: SearchTransfer[]): string {
  const totals = searches.map((s) => s.total);
  const largest = [...searches].sort((a, b) => b.total - a.total)[0];
  const parts = largest
    ? `JS ${kb(largest.js)} + WASM ${kb(largest.wasm)} + meta ${kb(largest.meta)} + index ${kb(largest.index)} + fragments ${kb(largest.fragments)}`
    : '';
  return `${kb(median(totals))} median, ${kb(largest?.total ?? 0)} largest (${largest?.locale} "${largest?.query}": ${parts})`;
}

function summarize(result: SearchBenchResult): string {
  return (
    `${result.label}: ${result.pages} pages indexed in ${result.indexSeconds.toFixed(1)} s; one search as we serve it ${describeSearches(result.searches)}; ` +
    `budget ${kb(result.budgetBytes)}: ${result.withinBudget ? 'within' : 'OVER'}; from a gzip-only host ${describeSearches(result.gzipOnlySearches)}`
  );
}

const benchmark: Benchmark = {
  description: 'Pagefind index time and the bytes of one first search, fixture site and reference corpus',
  async run({ log }) {
    const documents = Number(process.env.SSC_BENCH_DOCUMENTS || 2000);
    if (!Number.isInteger(documents) || documents < 1) throw new Error('SSC_BENCH_DOCUMENTS must be a positive integer');
    const sites: { label: string; snapshotDir: string }[] = [{ label: 'fixture', snapshotDir: fixtureSnapshot }];
    log(`corpus of ${documents} documents`);
    const corpusFile = await ensureCorpus(documents);
    sites.push({ label: `corpus-${documents * 5}`, snapshotDir: await ensureCorpusSnapshot(corpusFile) });

    const results: SearchBenchResult[] = [];
    for (const site of sites) {
      const outDir = path.join(benchCacheDir, `search-${site.label}-out`);
      fs.rmSync(outDir, { recursive: true, force: true });
      log(`${site.label}: building the site (its index included)…`);
      const built = await buildSite({
        snapshotDir: site.snapshotDir,
        outDir,
        cacheDir: path.join(benchCacheDir, `search-${site.label}-cache`),
        siteUrl: 'https://bench.example.org',
      });
      log(`${site.label}: built ${built.pages} pages in ${built.seconds.toFixed(1)} s; indexing again on its own and searching…`);
      const result = await measureSearchCosts(outDir, site.label);
      results.push(result);
      log(summarize(result));
      fs.rmSync(outDir, { recursive: true, force: true });
    }
    return {
      results: { documents, sites: results },
      summary: results.map(summarize),
    };
  },
};

export default benchmark;
