/** The static server: types, directory index, 404 pages, compression, ranges, no escape from the folder. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { site } from './helpers.ts';

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site.url}${path}`, { headers, redirect: 'manual' });

describe('serveStatic', () => {
  it('serves directory index pages as UTF-8 HTML', async () => {
    const res = await get('/zh/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('lang="zh-Hans"');
  });

  it('redirects a directory without its trailing slash', async () => {
    const res = await get('/en/news');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/news/');
  });

  it('answers misses with the locale 404 page, or the root one', async () => {
    const localized = await get('/fr/news/no-such-item/');
    expect(localized.status).toBe(404);
    expect(await localized.text()).toContain('lang="fr"');
    const root = await get('/nowhere');
    expect(root.status).toBe(404);
    expect(await root.text()).toContain('<section lang="ar" dir="rtl">');
  });

  it('gzips text when asked and sends media with their types', async () => {
    const res = await get('/en/', { 'accept-encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const pdf = await get('/media/seminar-summary-report.pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const vtt = await get('/media/hybrid-rice-webinar.ar.vtt');
    expect(vtt.headers.get('content-type')).toMatch(/^text\/vtt/);
  });

  it('sends the Brotli copy of a file that has one to clients accepting Brotli, and the file itself to the others', async () => {
    /** The body as it came over the wire (fetch would decode it). */
    const raw = (urlPath: string, acceptEncoding: string) =>
      new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve, reject) => {
        http
          .get(`${site.url}${urlPath}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary, body: Buffer.concat(chunks) }));
          })
          .on('error', reject);
      });
    const wasm = fs.readdirSync(path.join(site.dir, 'pagefind')).find((f) => f.startsWith('wasm.en.'))!;
    expect(wasm).toMatch(/\.pagefind$/);
    const file = fs.readFileSync(path.join(site.dir, 'pagefind', wasm));
    const brotli = await raw(`/pagefind/${wasm}`, 'gzip, deflate, br');
    expect(brotli.encoding).toBe('br');
    expect(brotli.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(brotli.body).equals(zlib.gunzipSync(file))).toBe(true);
    const plain = await raw(`/pagefind/${wasm}`, 'gzip, deflate');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.equals(file)).toBe(true);
  });

  it('honours byte ranges for media', async () => {
    const res = await get('/media/hybrid-rice-webinar.mp4', { range: 'bytes=4-7' });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('ftyp');
  });

  it('never serves files outside the folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
  });
});
