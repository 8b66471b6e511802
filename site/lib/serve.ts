/**
 * A small static file server for a built site (previews, tests, benchmarks).
 * Directory URLs serve their index.html (and get a trailing slash by redirect),
 * misses get the locale's 404 page or /404.html with status 404, a file with a
 * precompressed `<file>.br` beside it is sent as that copy to clients accepting
 * Brotli, other text is gzipped when the client accepts it (cached in memory per
 * file version), and single byte
 * ranges are honoured so video files can be seeked. When `dir` is a symlink (the
 * `live` link of releases), each request follows it anew, so a release switch is
 * picked up at once and every request is answered from one whole release.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { lookup } from 'mrmime';
import { localeCodes } from '@ssc/content-schemas';
import { PRECOMPRESSED_SUFFIX } from './search-precompress.ts';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json|rss\+xml|atom\+xml)|image\/svg\+xml)/;
const GZIP_CACHE_LIMIT = 64 * 1024 * 1024;

function contentType(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return /^text\/|json|xml|javascript/.test(type) ? `${type}; charset=utf-8` : type;
}

/** The file a URL path names inside `root`, or null when it would leave `root`. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function isFile(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}

export interface ServeOptions {
  host?: string;
  port: number;
  /** Send the `.br` copies of files that have one (default true); false serves like a host that knows nothing of them. */
  precompressed?: boolean;
}

export async function serveStatic(dir: string, options: ServeOptions): Promise<StaticServer> {
  const served = path.resolve(dir);
  fs.realpathSync(served); // fail now, not on the first request, when there is nothing to serve
  const host = options.host ?? '127.0.0.1';
  const gzipCache = new Map<string, Buffer>();
  let gzipCacheBytes = 0;

  function gzipped(file: string, stat: fs.Stats): Buffer {
    const key = `${file}:${stat.mtimeMs}:${stat.size}`;
    let body = gzipCache.get(key);
    if (!body) {
      body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
      if (gzipCacheBytes + body.length > GZIP_CACHE_LIMIT) {
        gzipCache.clear();
        gzipCacheBytes = 0;
      }
      gzipCache.set(key, body);
      gzipCacheBytes += body.length;
    }
    return body;
  }

  /** The 404 page for a missing path: the locale's own when the path is under a locale. */
  function notFoundPage(root: string, urlPath: string): string | null {
    const first = urlPath.split('/')[1] ?? '';
    const candidates = (localeCodes as readonly string[]).includes(first) ? [path.join(root, first, '404', 'index.html')] : [];
    candidates.push(path.join(root, '404.html'));
    return candidates.find((c) => isFile(c)) ?? null;
  }

  function send(req: http.IncomingMessage, res: http.ServerResponse, file: string, stat: fs.Stats, status: number): void {
    const type = contentType(file);
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': type,
      'Cache-Control': req.url?.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    const acceptEncoding = String(req.headers['accept-encoding'] ?? '');
    const acceptsGzip = /\bgzip\b/.test(acceptEncoding);
    const brotliCopy = status === 200 && options.precompressed !== false ? isFile(file + PRECOMPRESSED_SUFFIX) : null;
    if (COMPRESSIBLE.test(type) || brotliCopy) headers.Vary = 'Accept-Encoding';
    if (brotliCopy && /\bbr\b/.test(acceptEncoding)) {
      res.writeHead(status, { ...headers, 'Content-Encoding': 'br', 'Content-Length': brotliCopy.size });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file + PRECOMPRESSED_SUFFIX).pipe(res);
      return;
    }
    if (acceptsGzip && COMPRESSIBLE.test(type) && stat.size > 256) {
      const body = gzipped(file, stat);
      res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    headers['Accept-Ranges'] = 'bytes';
    const range = status === 200 ? /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? '')) : null;
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, stat.size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
      if (start > end || start >= stat.size) {
        res.writeHead(416, { ...headers, 'Content-Range': `bytes */${stat.size}` });
        res.end();
        return;
      }
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${stat.size}`, 'Content-Length': end - start + 1 });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(status, { ...headers, 'Content-Length': stat.size });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let root: string;
    try {
      root = fs.realpathSync(served);
    } catch {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' }).end('No site is published yet\n');
      return;
    }
    const target = resolveInside(root, url.pathname);
    if (target) {
      const direct = isFile(target);
      if (direct) return send(req, res, target, direct, 200);
      const index = path.join(target, 'index.html');
      const indexStat = isFile(index);
      if (indexStat) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        return send(req, res, index, indexStat, 200);
      }
    }
    const page = notFoundPage(root, url.pathname);
    const pageStat = page ? isFile(page) : null;
    if (page && pageStat) return send(req, res, page, pageStat, 404);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
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
