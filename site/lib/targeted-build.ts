/**
 * Targeted builds: a rebuild renders only the pages whose data changed, and takes
 * every other file from the previous output, as hard links.
 *
 * Each build leaves a record in its cache folder (`last-output.json`): where its
 * output went, a digest of its inputs and of its code (build-inputs.ts), the cache
 * key of every path (src/lib/build-plan.ts) and the `/_astro/` files each path
 * refers to. The next build with the same cache folder then:
 *
 * - when its inputs are the same: links the whole previous output and runs nothing;
 * - when its code is the same: gives Astro only the paths that are new or whose key
 *   changed, then links into Astro's output every other path's file from the
 *   previous output, and the optimized images those paths show. A path that is gone
 *   is simply not linked, nor are images no page shows any more;
 * - otherwise (first build, code or settings changed, previous output gone or
 *   altered): renders every path.
 *
 * The previous output is only ever read: releases are replaced, never patched. It
 * is trusted only while every file it held is still there with the same size.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BuildPlan } from '../src/lib/build-plan.ts';
import { linkOrCopy } from './file-links.ts';

const RECORD_FILE = 'last-output.json';
/** Bump when the record's shape changes. */
const FORMAT = 1;
/** The folder of Astro's bundled and optimized files. */
const ASSETS_DIR = '_astro';

interface PathRecord {
  key: string;
  /** Files under /_astro/ the path's output refers to. */
  assets: string[];
}

interface OutputRecord {
  format: number;
  inputs: string;
  code: string;
  /** Where the output is. */
  dir: string;
  /** A digest of its files' paths and sizes. */
  files: string;
  pages: number;
  /** Output file → its key and assets, for every path from getStaticPaths(). */
  paths: Record<string, PathRecord>;
}

/** A digest of every file's path and size under `dir` (undefined when the folder is gone). */
function listingDigest(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.push(`${path.relative(dir, file)}\0${fs.statSync(file).size}`);
  }
  return createHash('sha256').update(files.sort().join('\n')).digest('hex');
}

const recordFile = (cacheDir: string) => path.join(cacheDir, RECORD_FILE);

function writeRecord(cacheDir: string, record: OutputRecord): void {
  const file = recordFile(cacheDir);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(`${file}.next`, JSON.stringify(record));
  fs.renameSync(`${file}.next`, file);
}

function readRecord(cacheDir: string): OutputRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(recordFile(cacheDir), 'utf8')) as OutputRecord;
    return record.format === FORMAT ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The record of the last output, when it is still on disk exactly as built. */
function intactRecord(cacheDir: string): OutputRecord | undefined {
  const record = readRecord(cacheDir);
  return record && listingDigest(record.dir) === record.files ? record : undefined;
}

/** Follows the last output when its folder was renamed from `from` to `to` (a release moved into place). */
export function recordMoved(cacheDir: string, from: string, to: string): void {
  const record = readRecord(cacheDir);
  if (record?.dir === from) writeRecord(cacheDir, { ...record, dir: to });
}

/** Makes `target` a folder of links to every file of `source`. */
function linkTree(source: string, target: string): void {
  for (const entry of fs.readdirSync(source, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    linkOrCopy(file, path.join(target, path.relative(source, file)));
  }
}

const ASSET_REFERENCE = /\/_astro\/([A-Za-z0-9._-]+)/g;

/** The /_astro/ files a built file refers to (sorted, unique). */
function assetsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'latin1');
  return [...new Set([...text.matchAll(ASSET_REFERENCE)].map((m) => m[1]))].sort();
}

export interface BuildStart {
  /** What this build is made from (build-inputs.ts). */
  code: string;
  inputs: string;
  /** The plan to put in place for Astro: null previous renders every path. */
  plan: BuildPlan;
  /** The previous output the plan builds on, if any. */
  previous?: OutputRecord;
}

/**
 * Looks at the last output: returns 'reused' after linking it whole into
 * `stagingDir` when the inputs are the same, else the plan for Astro.
 */
export function startBuild(cacheDir: string, code: string, inputs: string, stagingDir: string): { reused: number } | BuildStart {
  const previous = intactRecord(cacheDir);
  if (previous && previous.inputs === inputs) {
    fs.rmSync(stagingDir, { recursive: true, force: true });
    linkTree(previous.dir, stagingDir);
    return { reused: previous.pages };
  }
  const targeted = previous && previous.code === code ? previous : undefined;
  const plan: BuildPlan = {
    previous: targeted ? new Map(Object.entries(targeted.paths).map(([output, p]) => [output, p.key])) : null,
    current: new Map(),
    rendered: new Set(),
    ...(targeted ? { previousDir: targeted.dir } : {}),
  };
  return { code, inputs, plan, previous: targeted };
}

export interface Composed {
  /** Output files Astro rendered in this build. */
  rendered: string[];
  /** Output files linked from the previous output. */
  reused: string[];
}

/**
 * After Astro wrote the rendered paths into `stagingDir`: links in every other path
 * of the plan from the previous output, with the /_astro/ files they refer to.
 * Fails when a path of the plan has no file (its output pattern is wrong).
 */
export function composeOutput(stagingDir: string, start: BuildStart): { composed: Composed; paths: Record<string, PathRecord> } {
  const { plan, previous } = start;
  const paths: Record<string, PathRecord> = {};
  const rendered: string[] = [];
  const reused: string[] = [];
  const previousAssets = new Set<string>();
  for (const [output, key] of plan.current) {
    if (plan.rendered.has(output)) {
      const file = path.join(stagingDir, output);
      if (!fs.existsSync(file))
        throw new Error(`the build plan expected Astro to write ${output}, and it did not (is the route's output pattern in getStaticPaths() right?)`);
      paths[output] = { key, assets: assetsOf(file) };
      rendered.push(output);
      continue;
    }
    // Not rendered: the key is the previous output's, so the previous file is this path's.
    const before = previous!.paths[output];
    linkOrCopy(path.join(previous!.dir, output), path.join(stagingDir, output));
    paths[output] = before;
    for (const asset of before.assets) previousAssets.add(asset);
    reused.push(output);
  }
  for (const asset of previousAssets) {
    const target = path.join(stagingDir, ASSETS_DIR, asset);
    if (!fs.existsSync(target)) linkOrCopy(path.join(previous!.dir, ASSETS_DIR, asset), target);
  }
  return { composed: { rendered, reused }, paths };
}

/** Records the finished output in `dir`, for the next build. */
export function recordOutput(
  cacheDir: string,
  start: Pick<BuildStart, 'code' | 'inputs'>,
  dir: string,
  pages: number,
  paths: Record<string, PathRecord>,
): void {
  const files = listingDigest(dir);
  if (!files) return;
  writeRecord(cacheDir, { format: FORMAT, inputs: start.inputs, code: start.code, dir: path.resolve(dir), files, pages, paths });
}

/** Records a reused output in its new folder (the same files as the output it came from). */
export function recordReused(cacheDir: string, dir: string): void {
  const record = readRecord(cacheDir);
  const files = listingDigest(dir);
  if (record && files) writeRecord(cacheDir, { ...record, dir: path.resolve(dir), files });
}
