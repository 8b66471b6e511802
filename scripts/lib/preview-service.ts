/**
 * The preview service: renders one entry as the site would show it, from the
 * entry's draft, for an admin who opened its preview in the CMS.
 *
 * `GET /preview/<type>/<documentId>/<locale>/<token>/` (the URL the CMS's preview
 * handler gives, see cms/src/lib/site-preview.ts) asks the CMS for that entry with
 * the token and SITE_PREVIEW_SECRET; the CMS checks the token (signature, expiry,
 * the same type, document and locale) and answers with the entry. The service
 * writes a preview snapshot (the live one with this entry in place,
 * preview-snapshot.ts) in its own folder, renders only the entry's page with the
 * site's Astro components and CSS (site/lib/build.ts, `renderPreview`), and serves
 * it, its stylesheet and images under the same token path; every other link goes to
 * the live site. Nothing here touches the snapshots, releases, feeds, search index
 * or the live build cache.
 *
 * Every answer is `Cache-Control: private, no-store` and `X-Robots-Tag: noindex`,
 * may be framed only by the admin's origins, and sends no referrer (the token is in
 * the URL). A refused token gets 403 and no content.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lookup } from 'mrmime';
import { collections, localeCodes, type CollectionName, type EntryProblem } from '@ssc/content-schemas';
import { renderPreview } from '../../site/lib/build.ts';
import { MediaStore } from './media-store.ts';
import { previewPageHtml } from './preview-html.ts';
import { writePreviewSnapshot } from './preview-snapshot.ts';
import { latestSnapshotDir } from './pull.ts';

export interface PreviewServiceOptions {
  host?: string;
  port: number;
  /** The CMS that issued the tokens and holds the drafts. */
  cmsUrl: string;
  /** SITE_PREVIEW_SECRET, shared with the CMS. */
  secret: string;
  /** The live site's origin: every link of a preview but to its own files goes there. */
  siteUrl: string;
  /** Where the live snapshots are (`<snapshotsDir>/latest` is the base of every preview). */
  snapshotsDir: string;
  /** The service's own folder: preview snapshots, rendered pages, Astro's cache for previews, media. */
  workDir: string;
  /** The live builds' Astro cache folder, whose optimized images previews reuse (default: the site's own). */
  liveCacheDir?: string;
  /** Origins allowed to frame previews (the admin panel's). */
  adminOrigins: string[];
  log?: (line: string) => void;
}

export interface PreviewService {
  /** The service's origin, e.g. http://127.0.0.1:4323 (SITE_PREVIEW_URL of the CMS). */
  url: string;
  close(): Promise<void>;
}

/** How many rendered previews stay servable (their stylesheet and images load after the page). */
const KEEP_RENDERS = 8;

interface Render {
  outDir: string;
  /** When the token expires (ms): its files are not served after that. */
  expires: number;
  /** The URL path the render's files are served under. */
  prefix: string;
}

const PREVIEW_PATH = /^\/preview\/([a-z][a-z0-9-]*)\/([^/]+)\/([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)(\/.*)$/;

/** The expiry a token states (the CMS checked its signature before anything was rendered for it). */
function tokenExpiry(token: string): number {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
    return Array.isArray(claims) && typeof claims[4] === 'number' ? claims[4] * 1000 : 0;
  } catch {
    return 0;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startPreviewService(options: PreviewServiceOptions): Promise<PreviewService> {
  const log = options.log ?? (() => {});
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  fs.mkdirSync(options.workDir, { recursive: true });
  const store = new MediaStore(options.workDir);
  const renders = new Map<string, Render>();
  let counter = 0;

  const headers = (type: string): http.OutgoingHttpHeaders => ({
    'Content-Type': type,
    'Cache-Control': 'private, no-store',
    'X-Robots-Tag': 'noindex',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': `frame-ancestors ${options.adminOrigins.length ? options.adminOrigins.join(' ') : "'none'"}`,
  });

  const message = (res: http.ServerResponse, status: number, title: string, lines: string[] = []) => {
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`;
    res.writeHead(status, headers('text/html; charset=utf-8')).end(body);
  };

  /** Asks the CMS for the entry the token names: the entry, or the status to answer with. */
  const readEntry = async (type: string, documentId: string, locale: string, token: string) => {
    const query = new URLSearchParams({ type, documentId, locale });
    // The token goes in a header: the CMS logs request URLs.
    const res = await fetch(`${options.cmsUrl}/ssc-preview/draft?${query}`, {
      headers: { authorization: `Bearer ${options.secret}`, 'x-preview-token': token },
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) return { status: res.status, error: ((await res.json().catch(() => ({}))) as { error?: string }).error ?? res.statusText };
    return { status: 200, entry: ((await res.json()) as { data: Record<string, unknown> }).data };
  };

  /** Keeps the newest renders; older ones and their files go. */
  const remember = (token: string, render: Render) => {
    renders.delete(token);
    renders.set(token, render);
    const old = [...renders.keys()].slice(0, Math.max(0, renders.size - KEEP_RENDERS));
    for (const key of old) {
      fs.rmSync(renders.get(key)!.outDir, { recursive: true, force: true });
      renders.delete(key);
    }
  };

  const renderPage = async (res: http.ServerResponse, type: CollectionName, documentId: string, locale: string, token: string, prefix: string) => {
    const started = performance.now();
    const read = await readEntry(type, documentId, locale, token);
    if (read.status === 401 || read.status === 403)
      return message(res, 403, 'This preview link is not valid', ['It may have expired: open the preview again from the edit view.']);
    if (read.status === 404) return message(res, 404, 'Nothing to preview', ['This entry does not exist in this language.']);
    if (!read.entry) return message(res, 502, 'The CMS did not answer', [String(read.error)]);
    const live = latestSnapshotDir(options.snapshotsDir);
    if (!live) return message(res, 503, 'No site to preview in yet', ['The site has not been built: previews need its first snapshot.']);

    const id = `${Date.now()}-${++counter}`;
    const snapshotDir = path.join(options.workDir, 'snapshots', id);
    const outDir = path.join(options.workDir, 'pages', id);
    try {
      const snapshot = await writePreviewSnapshot({ liveSnapshotDir: live, targetDir: snapshotDir, cmsUrl: options.cmsUrl, store, type, raw: read.entry });
      if (!snapshot.ok)
        return message(
          res,
          422,
          'This draft cannot be shown on the site yet',
          snapshot.problems.map((p: EntryProblem) => `${p.field}: ${p.message}`),
        );
      const rendered = await renderPreview({
        snapshotDir,
        outDir,
        pages: [snapshot.page],
        cacheDir: path.join(options.workDir, 'astro-cache'),
        liveCacheDir: options.liveCacheDir,
        siteUrl,
      });
      remember(token, { outDir, prefix, expires: tokenExpiry(token) });
      const html = previewPageHtml(fs.readFileSync(path.join(outDir, snapshot.page), 'utf8'), {
        prefix,
        siteUrl,
        rendered: (sitePath) => fs.existsSync(path.join(outDir, sitePath)),
      });
      res.writeHead(200, headers('text/html; charset=utf-8')).end(html);
      log(
        `[preview] ${type} ${documentId} [${locale}] rendered in ${((performance.now() - started) / 1000).toFixed(2)} s (Astro ${rendered.seconds.toFixed(2)} s)`,
      );
    } finally {
      fs.rmSync(snapshotDir, { recursive: true, force: true });
    }
  };

  /** A file of a render (stylesheet, image, media) under its token path. */
  const serveFile = (res: http.ServerResponse, token: string, prefix: string, rest: string) => {
    const render = renders.get(token);
    const relative = path.normalize(decodeURIComponent(rest)).replace(/^[/\\]+/, '');
    if (!render || render.prefix !== prefix || render.expires <= Date.now()) return message(res, 403, 'This preview link is not valid');
    if (relative.startsWith('..') || path.isAbsolute(relative)) return message(res, 404, 'Not found');
    const file = path.join(render.outDir, relative);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return message(res, 404, 'Not found');
    res.writeHead(200, headers(lookup(file) ?? 'application/octet-stream'));
    fs.createReadStream(file).pipe(res);
  };

  const types = new Set(collections.map((c) => c.name as string));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = PREVIEW_PATH.exec(url.pathname);
    if (req.method !== 'GET' || !match || !types.has(match[1]) || !localeCodes.includes(match[3] as never)) return message(res, 404, 'Not found');
    const [, type, documentId, locale, token, rest] = match;
    const prefix = `/preview/${type}/${documentId}/${locale}/${token}`;
    // Async all the way: a malformed escape in the URL must fail this request, not the service.
    const task = async () =>
      rest === '/' ? renderPage(res, type as CollectionName, decodeURIComponent(documentId), locale, token, prefix) : serveFile(res, token, prefix, rest);
    task().catch((error: Error) => {
      log(`[preview] ${type} ${documentId} [${locale}] failed: ${error.message}`);
      if (!res.headersSent) message(res, 500, 'The preview could not be rendered', [error.message.split('\n')[0]]);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const render of renders.values()) fs.rmSync(render.outDir, { recursive: true, force: true });
    },
  };
}
