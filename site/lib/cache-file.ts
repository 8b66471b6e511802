/**
 * JSON files the build keeps between runs only to save work (the audit's page facts,
 * the search index's page facts and fragment dates). Reading one never fails: a
 * missing, unreadable or damaged file reads as nothing, and the work is done again.
 * Writing one goes through a temporary file renamed over it, so that a reader (or a
 * crash) never sees half a file, and a file that cannot be written (a read-only or
 * full disk) is skipped: the result of the build stands either way.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The parsed content of `file`, or undefined. */
export function readCacheFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes `content` as JSON to `file` whole, or not at all. */
export function writeCacheFile(file: string, content: unknown): void {
  const temp = `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, JSON.stringify(content));
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

/** Whether a value read from a cache file is a plain object (not null, not an array). */
export const isCacheObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
