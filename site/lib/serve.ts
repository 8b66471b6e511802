/**
 * A small static file server for a built site (`npm start`, previews, tests, benchmarks).
 *
 * - Directory URLs serve their index.html; without the trailing slash they get a 301
 *   to the same path with it, rebuilt from the decoded path so it never leaves the site.
 * - Misses get the locale's 404 page (`/{locale}/404/index.html`), else /404.html, with
 *   status 404.
 * - A file with a precompressed `<file>.br` beside it is sent as that copy to clients
 *   that accept Brotli; other text is gzipped when accepted (Accept-Encoding q-values
 *   honoured, see serve/encoding.ts).
 * - Every 200 carries an ETag (one per coding, see serve/entity-tag.ts) and a matching
 *   If-None-Match gets 304; single byte ranges are honoured so videos can be seeked.
 * - Uploads under /media/ and documents a browser could run are sandboxed
 *   (see serve/response-headers.ts).
 * - When `dir` is a symlink (the `live` link of releases), each request follows it
 *   anew, so a release switch is picked up at once and every request is answered
 *   from one whole release.
 *
 * Why not `sirv`: it matches Accept-Encoding with a bare /br/ test (so `br;q=0` gets
 * Brotli, the bug fixed here), misreads suffix ranges (`bytes=-5` is sent from byte
 * 0), throws out of the request handler on a reversed range (`bytes=9-3` ends the
 * process), compares If-None-Match as a single string and sends 304s without ETag or
 * Vary; and the rest of what we need (redirect, index pages, status-404 pages,
 * on-the-fly gzip, media policy) would be ours anyway. The parsing is left to the
 * libraries Express uses: negotiator, fresh and range-parser.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { localeCodes } from '@ssc/content-schemas';
import { PRECOMPRESSED_SUFFIX } from './search-precompress.ts';
import { requestedRange } from './serve/byte-range.ts';
import { chooseCoding, type Coding } from './serve/encoding.ts';
import { EntityTags, gzipTag, isNotModified, rangeStillValid } from './serve/entity-tag.ts';
import { GzipCache } from './serve/gzip-cache.ts';
import { directoryLocation, parseRequestPath } from './serve/request-path.ts';
import { cacheControl, contentType, isCompressible, isolationHeaders } from './serve/response-headers.ts';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string;
  port: number;
  /** Send the `.br` copies of files that have one (default true); false serves like a host that knows nothing of them. */
  precompressed?: boolean;
}

/** Text smaller than this is sent as it is: gzip would save next to nothing. */
const GZIP_MIN_BYTES = 256;

interface FoundFile {
  /** The file's real path, inside the release. */
  real: string;
  stat: fs.Stats;
}

/** The regular file at `file`, if it exists and its real path is inside `root` (no symlink out of the release). */
function fileInside(root: string, file: string): FoundFile | null {
  try {
    const real = fs.realpathSync(file);
    if (!real.startsWith(root + path.sep)) return null;
    const stat = fs.statSync(real);
    return stat.isFile() ? { real, stat } : null;
  } catch {
    return null;
  }
}

function streamFile(res: http.ServerResponse, file: string, range?: { start: number; end: number }): void {
  // pipeline destroys the response if the file cannot be read, instead of throwing.
  pipeline(fs.createReadStream(file, range), res, () => {});
}

export async function serveStatic(dir: string, options: ServeOptions): Promise<StaticServer> {
  const served = path.resolve(dir);
  fs.realpathSync(served); // fail now, not on the first request, when there is nothing to serve
  const host = options.host ?? '127.0.0.1';
  const tags = new EntityTags();
  const gzip = new GzipCache();

  /** The 404 page for a missing path: the locale's own when the path is under a locale. */
  function notFoundPage(root: string, segments: readonly string[]): FoundFile | null {
    const first = segments[0] ?? '';
    const localized = (localeCodes as readonly string[]).includes(first) ? fileInside(root, path.join(root, first, '404', 'index.html')) : null;
    return localized ?? fileInside(root, path.join(root, '404.html'));
  }

  /**
   * Sends `found` (named `name` in the request, whose path is `segments`) with `status`.
   * A 404 page is sent with `segments` empty: it is a page of the site, not the file asked for.
   */
  function send(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    root: string,
    segments: readonly string[],
    name: string,
    found: FoundFile,
    status: 200 | 404,
  ): void {
    const type = contentType(name);
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': type,
      'Cache-Control': cacheControl(segments, status),
      'X-Content-Type-Options': 'nosniff',
      ...isolationHeaders(segments, type),
    };
    const brotliCopy = status === 200 && options.precompressed !== false ? fileInside(root, found.real + PRECOMPRESSED_SUFFIX) : null;
    const available: Coding[] = ['identity'];
    if (brotliCopy) available.push('br');
    if (isCompressible(type) && found.stat.size > GZIP_MIN_BYTES) available.push('gzip');
    if (available.length > 1) headers.Vary = 'Accept-Encoding';
    const coding = chooseCoding(req.headers, available);
    const head = req.method === 'HEAD';

    let etag: string | undefined;
    if (status === 200) {
      etag = coding === 'br' ? tags.strong(brotliCopy!.real, brotliCopy!.stat) : tags.strong(found.real, found.stat);
      if (coding === 'gzip') etag = gzipTag(etag);
      headers.ETag = etag;
      if (isNotModified(req.headers, etag)) {
        delete headers['Content-Type'];
        res.writeHead(304, headers).end();
        return;
      }
    }

    if (coding === 'br') {
      res.writeHead(status, { ...headers, 'Content-Encoding': 'br', 'Content-Length': brotliCopy!.stat.size });
      if (head) res.end();
      else streamFile(res, brotliCopy!.real);
      return;
    }
    if (coding === 'gzip') {
      const body = gzip.get(found.real, found.stat);
      res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(head ? undefined : body);
      return;
    }

    headers['Accept-Ranges'] = 'bytes';
    const size = found.stat.size;
    const range = status === 200 && etag && rangeStillValid(req.headers, etag) ? requestedRange(req.headers.range, size) : null;
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    if (range) {
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': range.end - range.start + 1 });
      if (head) res.end();
      else streamFile(res, found.real, range);
      return;
    }
    res.writeHead(status, { ...headers, 'Content-Length': size });
    if (head) res.end();
    else streamFile(res, found.real);
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let root: string;
    try {
      root = fs.realpathSync(served); // one release for the whole request
    } catch {
      res
        .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Retry-After': '5' })
        .end('No site is published yet\n');
      return;
    }
    const request = parseRequestPath(req.url ?? '/');
    if (request) {
      const { segments, trailingSlash, search } = request;
      const target = path.join(root, ...segments);
      if (!trailingSlash && segments.length > 0) {
        const file = fileInside(root, target);
        if (file) return send(req, res, root, segments, target, file, 200);
      }
      const indexName = path.join(target, 'index.html');
      const index = fileInside(root, indexName);
      if (index) {
        if (!trailingSlash) {
          res.writeHead(301, { Location: directoryLocation(segments, search), 'Cache-Control': 'no-cache' }).end();
          return;
        }
        return send(req, res, root, segments, indexName, index, 200);
      }
    }
    const page = notFoundPage(root, request?.segments ?? []);
    if (page) return send(req, res, root, [], page.real, page, 404);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end('Not found\n');
  }

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end('Internal error\n');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
