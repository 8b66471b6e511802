/**
 * The reference corpus and its content snapshot, generated once and cached under
 * .cache/bench/. The corpus comes from reference-corpus.ts, or from the external
 * corpus.mjs when SSC_BENCH_DIR names a bench folder; its folder name carries a
 * digest of the generator. The snapshot is rebuilt when the corpus or the
 * converter changes (its folder name carries a digest of both).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSnapshot } from '@ssc/content-schemas';
import { run } from '../lib/processes.ts';
import { writeCorpusSnapshot, type CorpusEntry } from './corpus-snapshot.ts';
import { benchCacheDir, externalBenchDir } from './paths.ts';
import { referenceCorpusInputs, writeReferenceCorpus } from './reference-corpus.ts';

const converterFile = fileURLToPath(new URL('./corpus-snapshot.ts', import.meta.url));
/** The content model: a snapshot written for an older model would fail the build (a new required field, say). */
const modelFile = fileURLToPath(new URL('../../content-schemas/src/model.ts', import.meta.url));

const digest = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 12);
};

/** Which generator ensureCorpus uses, for the results: the repository's, or the external one. */
export function corpusSource(env: NodeJS.ProcessEnv = process.env): string {
  return externalBenchDir(env) ? 'SSC_BENCH_DIR/corpus.mjs (with its hugo/run.sh)' : 'scripts/bench/reference-corpus.ts';
}

/**
 * corpus.json for `documents` documents (× 5 locales), generated when missing: by
 * reference-corpus.ts, or by corpus.mjs in SSC_BENCH_DIR when that is set.
 */
export async function ensureCorpus(documents: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const external = externalBenchDir(env);
  const generator = external && path.join(external, 'corpus.mjs');
  if (generator && !fs.existsSync(generator))
    throw new Error(`no ${generator} (SSC_BENCH_DIR=${env.SSC_BENCH_DIR}); unset SSC_BENCH_DIR to use the repository's generator`);
  const key = generator ? `corpus-${documents}-${digest(fs.readFileSync(generator))}` : `reference-${documents}-${digest(...referenceCorpusInputs())}`;
  const dir = path.join(benchCacheDir, key);
  const file = path.join(dir, 'corpus.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    if (generator) await run(process.execPath, [generator, String(documents), `${file}.partial`], { cwd: path.dirname(generator) });
    else writeReferenceCorpus(documents, `${file}.partial`);
    fs.renameSync(`${file}.partial`, file);
  }
  return file;
}

/** A validated snapshot of the corpus file, converted when missing. */
export async function ensureCorpusSnapshot(corpusFile: string): Promise<string> {
  const dir = path.join(
    path.dirname(corpusFile),
    `snapshot-${digest(fs.readFileSync(corpusFile), fs.readFileSync(converterFile), fs.readFileSync(modelFile))}`,
  );
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    const partial = `${dir}.partial`;
    fs.rmSync(partial, { recursive: true, force: true });
    const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as CorpusEntry[];
    await writeCorpusSnapshot(corpus, partial, path.basename(dir));
    readSnapshot(partial);
    fs.renameSync(partial, dir);
  }
  return dir;
}
