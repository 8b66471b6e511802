/**
 * The static server against hostile and unusual requests, on a small site made here:
 * two releases and a `live` symlink, as `npm start` serves them. Every answer is a real
 * HTTP exchange with a real server on 127.0.0.1, sent with node:http so that request
 * paths reach the server exactly as written (fetch would normalise them).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../lib/serve.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as sent over the wire (not decoded). */
  body: Buffer;
}

function request(base: string, rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The body once its content coding is undone. */
function decoded(answer: Answer): string {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(answer.body).toString();
  if (coding === 'gzip') return zlib.gunzipSync(answer.body).toString();
  return answer.body.toString();
}

const SAME_ORIGIN = /^\/(?![/\\])/;
const longText = (label: string) => `${label} ${'lorem ipsum dolor sit amet '.repeat(40)}`;
const page = (lang: string, text: string) => `<!doctype html><html lang="${lang}"><title>${text}</title><p>${longText(text)}</p></html>`;

let tmp: string;
let live: string;
let server: StaticServer;
let get: (rawPath: string, headers?: Record<string, string>, method?: string) => Promise<Answer>;
const pagefindScript = longText('pagefind script');

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function pointLiveAt(release: string): void {
  const next = `${live}.next`;
  fs.rmSync(next, { force: true });
  fs.symlinkSync(path.join('releases', release), next);
  fs.renameSync(next, live);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-serve-hardening-'));
  write(path.join(tmp, 'secret.txt'), 'TOP SECRET, outside every release');
  const a = path.join(tmp, 'releases', 'a');
  write(path.join(a, 'index.html'), page('en', 'language chooser A'));
  write(path.join(a, 'en', 'index.html'), page('en', 'english home A'));
  write(path.join(a, 'en', 'news', 'index.html'), page('en', 'english news'));
  write(path.join(a, 'en', '404', 'index.html'), page('en', 'english not found'));
  write(path.join(a, 'fr', 'index.html'), page('fr', 'accueil'));
  write(path.join(a, '404.html'), page('en', 'root not found'));
  write(path.join(a, '_astro', 'app.3f2a1b.js'), `console.log(${JSON.stringify(longText('app'))});`);
  write(path.join(a, 'pagefind', 'pagefind.js'), pagefindScript);
  write(path.join(a, 'pagefind', 'pagefind.js.br'), zlib.brotliCompressSync(Buffer.from(pagefindScript)));
  write(path.join(a, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  write(path.join(a, 'en', 'rss.xml'), `<?xml version="1.0"?><rss version="2.0"><channel><title>${longText('feed')}</title></channel></rss>`);
  write(path.join(a, 'styles.css'), `body { color: black; } /* ${longText('css')} */`);
  write(path.join(a, 'media', 'report.pdf'), '%PDF-1.4\n%fake report\n');
  write(path.join(a, 'media', 'letter.docx'), Buffer.from('PK\u0003\u0004 not really a docx'));
  write(path.join(a, 'media', 'evil.html'), '<!doctype html><script>document.cookie</script>');
  write(path.join(a, 'media', 'evil.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  write(path.join(a, 'media', 'feed.xml'), '<?xml version="1.0"?><x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></x:html>');
  write(path.join(a, 'media', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
  write(path.join(a, 'media', 'photo.webp'), Buffer.from('RIFF....WEBP'));
  write(path.join(a, 'media', 'clip.mp4'), Buffer.from(Array.from({ length: 100 }, (_, i) => i)));
  write(path.join(a, 'media', 'clip.en.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n');
  write(path.join(a, 'media', 'notes.txt'), 'plain text notes');
  fs.symlinkSync(path.join('..', '..', 'secret.txt'), path.join(a, 'leak.txt'));
  // Release b: the home page changed, the stylesheet did not (same bytes, written later).
  const b = path.join(tmp, 'releases', 'b');
  write(path.join(b, 'en', 'index.html'), page('en', 'english home B'));
  write(path.join(b, '404.html'), page('en', 'root not found B'));
  fs.copyFileSync(path.join(a, 'styles.css'), path.join(b, 'styles.css'));
  fs.utimesSync(path.join(b, 'styles.css'), new Date(), new Date(Date.now() + 60_000));
  live = path.join(tmp, 'live');
  pointLiveAt('a');
  server = await serveStatic(live, { port: 0 });
  get = (rawPath, headers = {}, method = 'GET') => request(server.url, rawPath, headers, method);
});

afterEach(() => pointLiveAt('a'));

afterAll(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Path variants that try to leave the site, by redirect or by file system. */
const HOSTILE_PATHS = [
  '//evil.example',
  '//evil.example/',
  '//evil.example/en',
  '/.//evil.example/x%2F..%2F..%2Fen',
  '/.//evil.example/x%2F..%2F..%2Fen/',
  '/%2F%2Fevil.example',
  '/%2F%2Fevil.example%2F..%2Fen',
  '/%2f%2fevil.example/%2e%2e/en',
  '/\\evil.example',
  '/\\evil.example/..%2Fen',
  '/%5Cevil.example%2F..%2Fen',
  '/%5C%5Cevil.example',
  '/./en',
  '/en/.',
  '/en/%2E',
  '/en%2F',
  '/en/news%2F',
  '/..%2F..%2Fetc/passwd',
  '/../secret.txt',
  '/%2e%2e/%2e%2e/secret.txt',
  '/..%2F..%2Fsecret.txt',
  '/media/..%5C..%5C..%5Csecret.txt',
  '/%00',
  '/en%00',
  '/index.html%00.jpg',
  '/en/%00/',
  '/%C0%AE%C0%AE/secret.txt',
  '/%E0%80%AF',
  '/leak.txt',
];

describe('serveStatic: redirects never leave the site', () => {
  it('does not redirect /.//evil.example/x%2F..%2F..%2Fen to //evil.example', async () => {
    const res = await get('/.//evil.example/x%2F..%2F..%2Fen');
    expect(res.headers.location).toBeUndefined();
    expect(res.status).toBe(404);
  });

  it('sends no Location that leaves the site, for any path variant, method or query', async () => {
    for (const rawPath of HOSTILE_PATHS) {
      for (const suffix of ['', '?next=//evil.example', '?%0d%0aSet-Cookie:x=1']) {
        for (const method of ['GET', 'HEAD']) {
          const res = await get(rawPath + suffix, {}, method);
          const where = `${method} ${rawPath}${suffix}`;
          expect(res.status, where).not.toBe(500);
          if (res.headers.location !== undefined) expect(res.headers.location, where).toMatch(SAME_ORIGIN);
        }
      }
    }
  });

  it('redirects a directory URL to its canonical path with one leading slash, keeping a plain query', async () => {
    expect((await get('/en/news?page=2')).headers.location).toBe('/en/news/?page=2');
    expect((await get('/en/%6Eews')).headers.location).toBe('/en/news/');
    const redirect = await get('/en');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/en/');
  });
});

describe('serveStatic: nothing outside the served release', () => {
  it('answers every traversal, encoded separator, NUL and symlink variant with a 404 that leaks nothing', async () => {
    for (const rawPath of HOSTILE_PATHS) {
      const res = await get(rawPath);
      expect(res.status, rawPath).toBe(404);
      expect(res.body.toString(), rawPath).not.toMatch(/TOP SECRET|root:x:0/);
    }
  });
});

describe('serveStatic: Accept-Encoding q-values', () => {
  it('does not send the Brotli copy to a client that gives br q=0', async () => {
    const res = await get('/pagefind/pagefind.js', { 'accept-encoding': 'br;q=0' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(pagefindScript);
  });

  it('does not gzip for a client that gives gzip q=0', async () => {
    const res = await get('/en/', { 'accept-encoding': 'gzip;q=0, deflate' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toContain('english home A');
  });

  it("follows the client's weights, breaking ties in favour of Brotli, then gzip", async () => {
    const cases: Array<[string, string | undefined, string | undefined]> = [
      ['/pagefind/pagefind.js', 'gzip, deflate, br', 'br'],
      ['/pagefind/pagefind.js', 'br, gzip', 'br'],
      ['/pagefind/pagefind.js', 'BR', 'br'],
      ['/pagefind/pagefind.js', 'gzip;q=1, br;q=0.5', 'gzip'],
      ['/pagefind/pagefind.js', 'br;q=0, *', 'gzip'],
      ['/pagefind/pagefind.js', '*', 'br'],
      ['/pagefind/pagefind.js', '*;q=0, identity', undefined],
      ['/pagefind/pagefind.js', 'br;q=0, gzip;q=0', undefined],
      ['/pagefind/pagefind.js', 'identity', undefined],
      ['/pagefind/pagefind.js', '', undefined],
      ['/pagefind/pagefind.js', undefined, undefined],
      // Nothing acceptable at all: the server disregards the header rather than answering 406.
      ['/pagefind/pagefind.js', 'identity;q=0, *;q=0', undefined],
      ['/en/', 'gzip, deflate, br', 'gzip'],
      ['/en/', '*;q=0.5, gzip;q=0', undefined],
      ['/en/', 'deflate', undefined],
    ];
    for (const [urlPath, acceptEncoding, expected] of cases) {
      const res = await get(urlPath, acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding });
      expect(res.status, `${urlPath} ${acceptEncoding}`).toBe(200);
      expect(res.headers['content-encoding'], `${urlPath} ${acceptEncoding}`).toBe(expected);
      expect(res.headers.vary, urlPath).toBe('Accept-Encoding');
      expect(decoded(res)).toContain(urlPath === '/en/' ? 'english home A' : 'pagefind script');
    }
  });

  it('sends the plain files, never the .br copies, with precompressed: false', async () => {
    const plain = await serveStatic(live, { port: 0, precompressed: false });
    try {
      const res = await request(plain.url, '/pagefind/pagefind.js', { 'accept-encoding': 'br' });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).toBe(pagefindScript);
      const gzipped = await request(plain.url, '/pagefind/pagefind.js', { 'accept-encoding': 'br, gzip' });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
    } finally {
      await plain.close();
    }
  });
});

describe('serveStatic: ETag and 304', () => {
  it('answers a page request whose If-None-Match holds its ETag with 304 and no body', async () => {
    const first = await get('/en/');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[^"]+"$/);
    for (const ifNoneMatch of [etag, `"something-else", ${etag}`, `W/${etag}`, '*']) {
      const again = await get('/en/', { 'if-none-match': ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('no-cache');
    }
    expect((await get('/en/', { 'if-none-match': '"something-else"' })).status).toBe(200);
    expect((await get('/en/', { 'if-none-match': etag }, 'HEAD')).status).toBe(304);
  });

  it('gives each content coding its own ETag, so a cached copy in one coding never validates another', async () => {
    const identity = await get('/pagefind/pagefind.js', { 'accept-encoding': 'identity' });
    const brotli = await get('/pagefind/pagefind.js', { 'accept-encoding': 'br' });
    const gzipped = await get('/pagefind/pagefind.js', { 'accept-encoding': 'gzip' });
    const tags = [identity, brotli, gzipped].map((r) => r.headers.etag);
    expect(new Set(tags).size).toBe(3);
    expect(gzipped.headers.etag).toMatch(/^W\//);
    for (const res of [identity, brotli, gzipped]) expect(res.headers.vary).toBe('Accept-Encoding');
    const crossed = await get('/pagefind/pagefind.js', { 'accept-encoding': 'br', 'if-none-match': identity.headers.etag! });
    expect(crossed.status).toBe(200);
    expect(crossed.headers['content-encoding']).toBe('br');
    const matched = await get('/pagefind/pagefind.js', { 'accept-encoding': 'br', 'if-none-match': brotli.headers.etag! });
    expect(matched.status).toBe(304);
    expect(matched.headers.vary).toBe('Accept-Encoding');
  });

  it('sends ETag and 304 for files, keeping their Cache-Control and media headers', async () => {
    const asset = await get('/_astro/app.3f2a1b.js');
    const cached = await get('/_astro/app.3f2a1b.js', { 'if-none-match': asset.headers.etag! });
    expect(cached.status).toBe(304);
    expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const pdf = await get('/media/report.pdf');
    const pdfAgain = await get('/media/report.pdf', { 'if-none-match': pdf.headers.etag! });
    expect(pdfAgain.status).toBe(304);
    expect(pdfAgain.headers['content-disposition']).toBe('attachment');
  });

  it('keeps the ETag of a file a new release leaves unchanged, and changes that of a changed one', async () => {
    const cssBefore = (await get('/styles.css')).headers.etag;
    const pageBefore = (await get('/en/')).headers.etag;
    pointLiveAt('b');
    const cssAfter = await get('/styles.css', { 'if-none-match': cssBefore! });
    expect(cssAfter.status).toBe(304);
    const pageAfter = await get('/en/', { 'if-none-match': pageBefore! });
    expect(pageAfter.status).toBe(200);
    expect(pageAfter.body.toString()).toContain('english home B');
  });

  it('sends 404 pages without an ETag, and never answers them 304', async () => {
    const res = await get('/en/nowhere/', { 'if-none-match': '*' });
    expect(res.status).toBe(404);
    expect(res.headers.etag).toBeUndefined();
  });

  it('sends the whole file when If-Range does not hold the current ETag', async () => {
    const { etag } = (await get('/media/clip.mp4')).headers;
    expect((await get('/media/clip.mp4', { range: 'bytes=0-3', 'if-range': etag! })).status).toBe(206);
    const stale = await get('/media/clip.mp4', { range: 'bytes=0-3', 'if-range': '"an-older-version"' });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(100);
  });
});

describe('serveStatic: uploads and active documents', () => {
  it('sandboxes every file under /media/ and makes all but pictures, video and captions download', async () => {
    const inline = ['/media/photo.jpg', '/media/photo.webp', '/media/clip.mp4', '/media/clip.en.vtt', '/media/notes.txt'];
    const downloads = ['/media/report.pdf', '/media/letter.docx', '/media/evil.html', '/media/evil.svg', '/media/feed.xml'];
    for (const urlPath of [...inline, ...downloads]) {
      const res = await get(urlPath);
      expect(res.status, urlPath).toBe(200);
      expect(res.headers['x-content-type-options'], urlPath).toBe('nosniff');
      expect(res.headers['content-security-policy'], urlPath).toMatch(/default-src 'none'.*\bsandbox\b/);
      expect(res.headers['content-disposition'], urlPath).toBe(inline.includes(urlPath) ? undefined : 'attachment');
    }
  });

  it('applies the media policy however /media/ is spelled in the URL', async () => {
    for (const urlPath of ['/%6Dedia/evil.html', '/%6d%65%64%69%61/evil.svg', '/media/%65vil.html']) {
      const res = await get(urlPath);
      expect(res.status, urlPath).toBe(200);
      expect(res.headers['content-disposition'], urlPath).toBe('attachment');
      expect(res.headers['content-security-policy'], urlPath).toMatch(/\bsandbox\b/);
    }
  });

  it('sandboxes SVG and XML documents elsewhere, but not the site pages or their scripts', async () => {
    for (const urlPath of ['/logo.svg', '/en/rss.xml']) {
      const res = await get(urlPath);
      expect(res.headers['content-security-policy'], urlPath).toMatch(/\bsandbox\b/);
      expect(res.headers['content-disposition'], urlPath).toBeUndefined();
    }
    for (const urlPath of ['/en/', '/', '/pagefind/pagefind.js', '/_astro/app.3f2a1b.js', '/en/nowhere', '/media/missing.html']) {
      const res = await get(urlPath);
      expect(res.headers['content-security-policy'], urlPath).toBeUndefined();
      expect(res.headers['content-disposition'], urlPath).toBeUndefined();
      expect(res.headers['x-content-type-options'], urlPath).toBe('nosniff');
    }
  });
});

describe('serveStatic: releases, methods, ranges, caching, 404 pages', () => {
  it('answers each request from the release live points at when it arrives', async () => {
    expect((await get('/en/')).body.toString()).toContain('english home A');
    pointLiveAt('b');
    expect((await get('/en/')).body.toString()).toContain('english home B');
    expect((await get('/nowhere')).body.toString()).toContain('root not found B');
  });

  it('answers 503 while no release is published', async () => {
    fs.rmSync(live);
    const res = await get('/en/');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
  });

  it('answers methods other than GET and HEAD with 405, and HEAD with the headers of GET and no body', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await get('/en/', {}, method);
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    const full = await get('/en/', { 'accept-encoding': 'gzip' });
    const head = await get('/en/', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'vary']) expect(head.headers[name], name).toBe(full.headers[name]);
  });

  it('sends a single byte range or a suffix range, the whole file for several, and 416 when out of reach', async () => {
    const one = await get('/media/clip.mp4', { range: 'bytes=4-7' });
    expect(one.status).toBe(206);
    expect(one.headers['content-range']).toBe('bytes 4-7/100');
    expect([...one.body]).toEqual([4, 5, 6, 7]);
    const suffix = await get('/media/clip.mp4', { range: 'bytes=-3' });
    expect(suffix.status).toBe(206);
    expect([...suffix.body]).toEqual([97, 98, 99]);
    const open = await get('/media/clip.mp4', { range: 'bytes=98-' });
    expect([...open.body]).toEqual([98, 99]);
    const several = await get('/media/clip.mp4', { range: 'bytes=0-1,50-51' });
    expect(several.status).toBe(200);
    expect(several.body.length).toBe(100);
    const reversed = await get('/media/clip.mp4', { range: 'bytes=9-3' });
    expect(reversed.status).toBe(200);
    const beyond = await get('/media/clip.mp4', { range: 'bytes=500-' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */100');
  });

  it('caches /_astro/ files for a year, and nothing else, not even a miss under /_astro/', async () => {
    expect((await get('/_astro/app.3f2a1b.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const miss = await get('/_astro/app.0000.js');
    expect(miss.status).toBe(404);
    expect(miss.headers['cache-control']).toBe('no-cache');
    expect((await get('/en/')).headers['cache-control']).toBe('no-cache');
  });

  it("answers a miss with the locale's 404 page, else the root one, with status 404", async () => {
    const localized = await get('/en/news/no-such-item/');
    expect(localized.status).toBe(404);
    expect(localized.body.toString()).toContain('english not found');
    const french = await get('/fr/nothing');
    expect(french.status).toBe(404);
    expect(french.body.toString()).toContain('root not found');
    expect((await get('/favicon.ico')).status).toBe(404);
  });
});
