/**
 * Has Astro render the site one language at a time, and says when each language's
 * folder is rendered, so that its search index can be made while the next language
 * renders (search-index.ts, `startEarlyIndexing`). Pagefind cannot update an index:
 * a language's index is made again from all its pages whenever one of them changes,
 * which at 10,000 entries costs more than rendering them. Started per language, it
 * runs on the second core while Astro renders on the first.
 *
 * Astro's own prerenderer does the rendering: this one only orders its paths (the
 * default locale last, whose index the build then waits for) and hands on the HTML
 * of each page of a locale's folder. The output is the same in any order.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { defaultLocale, isLocaleCode, localeCodes } from '@ssc/content-schemas';

export interface LanguageRenderHooks {
  /** An HTML page of the locale folder `folder` (`en`, `zh`…) as Astro rendered it; `output` is its file, e.g. `en/news/x/index.html`. */
  page(folder: string, output: string, html: Uint8Array): void;
  /** Every path of `folder` has been rendered. Not called for any folder once a page failed. */
  folderDone(folder: string): void;
}

/** Folders in render order: everything outside a locale first (''), then the locales, the default one last. */
const FOLDER_ORDER = ['', ...localeCodes.filter((code) => code !== defaultLocale), defaultLocale];

/** The locale folder a site path lies in ('' for none). */
function folderOf(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return isLocaleCode(first) ? first : '';
}

/** The file a page path writes (build.format 'directory'), or undefined for a path that is not a folder. */
function pageOutput(pathname: string): string | undefined {
  return pathname.endsWith('/') ? `${decodeURI(pathname).slice(1)}index.html` : undefined;
}

export function orderedPrerenderer(inner: AstroPrerenderer, hooks: LanguageRenderHooks): AstroPrerenderer {
  /** Paths of each folder still to render. */
  const remaining = new Map<string, number>();
  let failed = false;
  const finish = (folder: string) => {
    remaining.delete(folder);
    if (folder && !failed) hooks.folderDone(folder);
  };
  return {
    ...inner,
    name: 'ssc:by-language',
    setup: inner.setup && (() => inner.setup!()),
    async getStaticPaths() {
      const paths = await inner.getStaticPaths();
      const rank = (pathname: string) => FOLDER_ORDER.indexOf(folderOf(pathname));
      // A stable sort: within a folder, Astro's order is kept.
      const ordered = [...paths].sort((a, b) => rank(a.pathname) - rank(b.pathname));
      for (const { pathname } of ordered) remaining.set(folderOf(pathname), (remaining.get(folderOf(pathname)) ?? 0) + 1);
      return ordered;
    },
    async render(request, options) {
      const pathname = new URL(request.url).pathname;
      const folder = folderOf(pathname);
      let result: Awaited<ReturnType<AstroPrerenderer['render']>>;
      try {
        result = await inner.render(request, options);
      } catch (error) {
        failed = true;
        throw error;
      }
      const response = result instanceof Response ? result : result.response;
      const output = pageOutput(pathname);
      let passed = result;
      if (folder && output && response.status === 200 && response.headers.get('content-type')?.startsWith('text/html')) {
        const html = new Uint8Array(await response.arrayBuffer());
        hooks.page(folder, output, html);
        const copy = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
        passed = result instanceof Response ? copy : { ...result, response: copy };
      }
      const left = (remaining.get(folder) ?? 1) - 1;
      if (left > 0) remaining.set(folder, left);
      else finish(folder);
      return passed;
    },
    async teardown() {
      // Paths Astro did not hand to render() (a duplicate, a fallback) leave their folder unfinished.
      for (const folder of [...remaining.keys()]) finish(folder);
      await inner.teardown?.();
    },
  };
}

/** The integration: Astro's prerenderer, rendering language by language and telling `hooks`. */
export function renderByLanguage(hooks: LanguageRenderHooks): AstroIntegration {
  return {
    name: 'ssc:render-by-language',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((inner) => orderedPrerenderer(inner, hooks));
      },
    },
  };
}
