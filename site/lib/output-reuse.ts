/**
 * Reuses the last build's output outright when a build's inputs are the same as its
 * (build-inputs.ts): the new output folder gets hard links to the same files, and
 * neither Astro nor Pagefind runs. This is what a rebuild of an unchanged snapshot
 * costs: one digest of the inputs and one folder of links.
 *
 * The cache folder remembers where the last output went and what it held (each
 * file's path and size). It is reused only while that folder is still there with the
 * same files: built sites are never edited in place (a release is replaced, never
 * patched), and a folder that was removed, pruned or changed means a real build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const RECORD_FILE = 'last-output.json';
/** Bump when the record's shape changes. */
const FORMAT = 1;

interface OutputRecord {
  format: number;
  /** The digest of the inputs the output was built from. */
  inputs: string;
  /** Where the output is. */
  dir: string;
  /** A digest of its files' paths and sizes. */
  files: string;
  pages: number;
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

function readRecord(cacheDir: string): OutputRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(cacheDir, RECORD_FILE), 'utf8')) as OutputRecord;
    return record.format === FORMAT ? record : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers that `dir` holds the output of a build from `inputs`. */
export function recordOutput(cacheDir: string, inputs: string, dir: string, pages: number): void {
  const files = listingDigest(dir);
  if (!files) return;
  const record: OutputRecord = { format: FORMAT, inputs, dir: path.resolve(dir), files, pages };
  const file = path.join(cacheDir, RECORD_FILE);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(`${file}.next`, JSON.stringify(record));
  fs.renameSync(`${file}.next`, file);
}

/** Follows the last output when its folder was renamed from `from` to `to`. */
export function movedOutput(cacheDir: string, from: string, to: string): void {
  const record = readRecord(cacheDir);
  if (!record || record.dir !== from) return;
  const file = path.join(cacheDir, RECORD_FILE);
  fs.writeFileSync(`${file}.next`, JSON.stringify({ ...record, dir: to }));
  fs.renameSync(`${file}.next`, file);
}

/** Forgets the last output (before a build that will replace what the cache describes). */
export function forgetOutput(cacheDir: string): void {
  fs.rmSync(path.join(cacheDir, RECORD_FILE), { force: true });
}

/** Makes `target` a folder of hard links to every file of `source` (a copy where a link is refused). */
function linkTree(source: string, target: string): void {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) linkTree(from, to);
    else if (entry.isFile()) {
      try {
        fs.linkSync(from, to);
      } catch {
        fs.copyFileSync(from, to);
      }
    }
  }
}

/**
 * When the last output was built from `inputs` and is intact, fills `stagingDir`
 * with links to it and returns its page count; otherwise returns undefined.
 */
export function reuseOutput(cacheDir: string, inputs: string, stagingDir: string): number | undefined {
  const record = readRecord(cacheDir);
  if (!record || record.inputs !== inputs) return undefined;
  if (listingDigest(record.dir) !== record.files) return undefined;
  fs.rmSync(stagingDir, { recursive: true, force: true });
  linkTree(record.dir, stagingDir);
  return record.pages;
}
