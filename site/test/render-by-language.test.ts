/**
 * The prerenderer that renders the site language by language (pure logic: Astro's own
 * prerenderer is stood in for by one that answers each path with a little HTML).
 * Real builds through it are compared byte for byte with builds without it in
 * incremental-build.test.ts.
 */
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { defaultLocale } from '@ssc/content-schemas';
import { orderedPrerenderer } from '../lib/render-by-language.ts';

type PathWithRoute = Awaited<ReturnType<AstroPrerenderer['getStaticPaths']>>[number];

const PATHS = ['/en/news/a/', '/zh/news/a/', '/', '/en/feeds/news.xml', '/ar/', '/en/', '/api/en/news.json', '/zh/'];

function standIn(failing = new Set<string>()): AstroPrerenderer {
  return {
    name: 'stand-in',
    getStaticPaths: async () => PATHS.map((pathname) => ({ pathname, route: {} }) as PathWithRoute),
    render: async (request) => {
      const { pathname } = new URL(request.url);
      if (failing.has(pathname)) throw new Error(`cannot render ${pathname}`);
      const type = pathname.endsWith('/') ? 'text/html' : 'application/xml';
      return new Response(`<html>${pathname}</html>`, { headers: { 'content-type': type } });
    },
  };
}

/** Renders every path one after another, as Astro does with concurrency 1; returns what the hooks heard. */
async function renderAll(prerenderer: AstroPrerenderer) {
  const heard: string[] = [];
  const wrapped = orderedPrerenderer(prerenderer, {
    page: (folder, output, html) => heard.push(`page ${folder} ${output} ${new TextDecoder().decode(html)}`),
    folderDone: (folder) => heard.push(`done ${folder}`),
  });
  const order = (await wrapped.getStaticPaths()).map((p) => p.pathname);
  const bodies: string[] = [];
  let failure: unknown;
  for (const pathname of order) {
    try {
      const result = await wrapped.render(new Request(`http://site.example${pathname}`), { routeData: {} as never });
      bodies.push(await (result instanceof Response ? result : result.response).text());
    } catch (error) {
      failure = error;
    }
  }
  await wrapped.teardown?.();
  return { order, heard, bodies, failure };
}

describe('rendering language by language', () => {
  it('renders the paths outside any locale first and the default locale last, keeping Astro’s order within a folder', async () => {
    const { order } = await renderAll(standIn());
    expect(order.slice(0, 2)).toEqual(['/', '/api/en/news.json']);
    expect(order.slice(-3)).toEqual(['/en/news/a/', '/en/feeds/news.xml', '/en/']);
    expect(order.filter((p) => p.startsWith('/zh/'))).toEqual(['/zh/news/a/', '/zh/']);
    expect(defaultLocale).toBe('en');
  });

  it('hands on each HTML page of a locale folder, still gives Astro the same body, and says when the folder is done', async () => {
    const { heard, bodies } = await renderAll(standIn());
    expect(heard).toEqual([
      'page zh zh/news/a/index.html <html>/zh/news/a/</html>',
      'page zh zh/index.html <html>/zh/</html>',
      'done zh',
      'page ar ar/index.html <html>/ar/</html>',
      'done ar',
      'page en en/news/a/index.html <html>/en/news/a/</html>',
      'page en en/index.html <html>/en/</html>',
      'done en',
    ]);
    expect(bodies).toContain('<html>/zh/news/a/</html>');
    expect(bodies).toContain('<html>/en/feeds/news.xml</html>');
  });

  it('says no folder is done once a page failed to render', async () => {
    const { heard, failure } = await renderAll(standIn(new Set(['/zh/news/a/'])));
    expect(String(failure)).toContain('cannot render /zh/news/a/');
    expect(heard.filter((h) => h.startsWith('done'))).toEqual([]);
  });
});
