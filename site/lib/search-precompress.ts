/**
 * Brotli copies of the search files every first search downloads, for servers that
 * can send a precompressed `.br` file when the browser accepts it (our own server,
 * nginx `brotli_static`, Caddy `precompressed br`, most CDNs' "serve precompressed").
 *
 * Pagefind stores its binary files (WASM, index metadata, chunks, fragments) already
 * gzipped, so any static host serves them small. Its script also accepts the same
 * files arriving already decoded (it recognises them by their `pagefind_dcd` header),
 * which lets the server do the compression instead: `<file>.br` holds the decoded
 * bytes compressed with Brotli, about 15–25 % smaller than Pagefind's gzip. Hosts that
 * know nothing of `.br` siblings serve the gzipped files as before.
 *
 * Only the fixed part of a search gets a copy (the script, the language's WASM and its
 * index metadata): maximum-quality Brotli over every chunk and fragment of a
 * 10,000-page site would cost minutes of build time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The files of Pagefind's bundle that every first search fetches, whatever the query. */
const FIRST_SEARCH_FILES = /^(pagefind\.js|wasm\.[a-z-]+\.pagefind|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta)$/;

export const PRECOMPRESSED_SUFFIX = '.br';

function brotli(data: Buffer): Buffer {
  return zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

/** What the browser should receive once the transfer encoding is undone: Pagefind's gzip undone too. */
function decoded(file: string, data: Buffer): Buffer {
  return file.endsWith('.js') ? data : zlib.gunzipSync(data);
}

/**
 * Pagefind's script and WASM are the same in every build of one Pagefind version, and
 * compressing them at maximum quality takes about 2 s: their copies are kept in
 * `cacheDir` under the digest of what they hold. (The index metadata changes with the
 * content and takes milliseconds, so it is not cached.)
 */
const SAME_IN_EVERY_BUILD = /^(pagefind\.js|wasm\.[a-z-]+\.pagefind)$/;

function cachedBrotli(data: Buffer, cacheDir: string): Buffer {
  const cached = path.join(cacheDir, `${createHash('sha256').update(data).digest('hex')}.br`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached);
  const compressed = brotli(data);
  fs.mkdirSync(cacheDir, { recursive: true });
  const partial = `${cached}.${process.pid}.partial`;
  fs.writeFileSync(partial, compressed);
  fs.renameSync(partial, cached);
  return compressed;
}

/** Writes `<file>.br` next to each first-search file of the bundle; returns the files written. */
export function precompressSearchBundle(bundleDir: string, cacheDir: string): string[] {
  const written: string[] = [];
  for (const name of fs.readdirSync(bundleDir)) {
    if (!FIRST_SEARCH_FILES.test(name)) continue;
    const file = path.join(bundleDir, name);
    const data = decoded(file, fs.readFileSync(file));
    fs.writeFileSync(file + PRECOMPRESSED_SUFFIX, SAME_IN_EVERY_BUILD.test(name) ? cachedBrotli(data, cacheDir) : brotli(data));
    written.push(file + PRECOMPRESSED_SUFFIX);
  }
  return written;
}
