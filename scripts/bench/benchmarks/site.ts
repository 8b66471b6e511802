/**
 * `site`: builds the reference corpus (2,000 documents × 5 locales = 10,000 entries;
 * SSC_BENCH_DOCUMENTS changes the count) into the static site with buildSite(), then
 * with Hugo in the same run for a ratio, and records page count and sizes. The first
 * build starts from an empty content store and an empty incremental cache (a full
 * build); a second build of the same snapshot measures a rebuild where nothing
 * changed (every page and every language's search index reused); a third builds a
 * copy of the snapshot with one entry edited, what one publish costs. All keep the
 * cache of transformed images.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSite } from '../../../site/lib/build.ts';
import { incrementalByDefault } from '../../../site/lib/config.ts';
import type { Benchmark } from '../benchmark.ts';
import { corpusSource, ensureCorpus, ensureCorpusSnapshot } from '../corpus.ts';
import { runHugo } from '../hugo.ts';
import { snapshotWithOneEdit } from '../edited-snapshot.ts';
import { benchCacheDir } from '../paths.ts';
import { measureSite } from '../site-metrics.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const benchmark: Benchmark = {
  description: 'static site build of the reference corpus, with Hugo as the anchor',
  async run({ log }) {
    const documents = Number(process.env.SSC_BENCH_DOCUMENTS || 2000);
    if (!Number.isInteger(documents) || documents < 1) throw new Error(`SSC_BENCH_DOCUMENTS must be a positive integer`);
    log(`corpus of ${documents} documents`);
    const corpusFile = await ensureCorpus(documents);
    const started = performance.now();
    const snapshotDir = await ensureCorpusSnapshot(corpusFile);
    log(`snapshot ready (${((performance.now() - started) / 1000).toFixed(1)} s): ${snapshotDir}`);

    // Each build writes a folder of its own while the previous one stays, as releases do
    // (an unchanged rebuild then reuses the previous output, see site/lib/output-reuse.ts).
    const outDirs = [1, 2, 3].map((n) => path.join(benchCacheDir, `site-out-${n}`));
    for (const dir of outDirs) fs.rmSync(dir, { recursive: true, force: true });
    const [outDir, againDir, editedOutDir] = outDirs;
    const cacheDir = path.join(benchCacheDir, 'site-cache');
    // An empty content store, but the transformed images kept: the corpus' four
    // illustrations take the same AVIF/WebP work whatever the page count, and the
    // corpus is meant to time pages, not images (the very first run still makes them).
    if (fs.existsSync(cacheDir))
      for (const name of fs.readdirSync(cacheDir)) if (name !== 'assets') fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
    const options = { snapshotDir, outDir, cacheDir, siteUrl: 'https://bench.example.org' };
    log('building the site from an empty content store…');
    const first = await buildSite(options);
    log(`built ${first.pages} pages in ${first.seconds.toFixed(1)} s`);
    const metrics = measureSite(outDir);
    log('building again (unchanged snapshot)…');
    const again = await buildSite({ ...options, outDir: againDir });
    log(`rebuilt ${again.pages} pages in ${again.seconds.toFixed(1)} s`);
    const editedDir = path.join(benchCacheDir, 'site-edited-snapshot');
    const edited = snapshotWithOneEdit(snapshotDir, editedDir);
    log(`building again with one entry edited (news ${edited.documentId}, en)…`);
    const oneEdit = await buildSite({ ...options, outDir: editedOutDir, snapshotDir: editedDir });
    log(`rebuilt ${oneEdit.pages} pages in ${oneEdit.seconds.toFixed(1)} s`);
    fs.rmSync(editedDir, { recursive: true, force: true });

    log('running Hugo on the same corpus…');
    const hugo = await runHugo(corpusFile, log);
    log(`hugo ${hugo.version}: ${hugo.pages} pages in ${hugo.seconds.toFixed(1)} s`);
    for (const dir of outDirs) fs.rmSync(dir, { recursive: true, force: true });

    const ratio = first.seconds / hugo.seconds;
    return {
      results: {
        documents,
        entries: documents * 5,
        corpus: corpusSource(),
        snapshotDir,
        // SSC_INCREMENTAL_BUILD=0 times the builds as they were before incremental builds (every page rendered every time).
        incremental: incrementalByDefault(),
        build: { seconds: first.seconds, pages: first.pages },
        rebuild: { seconds: again.seconds, pages: again.pages, reusedOutput: again.reused },
        rebuildOneEntryEdited: { seconds: oneEdit.seconds, pages: oneEdit.pages },
        output: metrics,
        hugo,
        ratioToHugo: ratio,
      },
      summary: [
        `build: ${first.seconds.toFixed(1)} s for ${metrics.pages} pages (${documents * 5} entries); rebuild of the same snapshot ${again.seconds.toFixed(1)} s; after one entry edited ${oneEdit.seconds.toFixed(1)} s`,
        `hugo ${hugo.version}: ${hugo.seconds.toFixed(1)} s for ${hugo.pages} pages; ratio ${ratio.toFixed(1)}×`,
        `largest page: ${metrics.largestPage.path} ${kb(metrics.largestPage.gzipBytes)} gzip (HTML + CSS)`,
        `output: ${mb(metrics.totalBytes)} in ${metrics.files} files`,
      ],
    };
  },
};

export default benchmark;
