/**
 * A rendered preview page made to work where it is served: under the preview
 * service's token path, beside nothing else of the site. Every root-relative URL
 * in an attribute (href, src, srcset, action, poster) points either at a file the
 * preview rendered (its stylesheet, its images, the page itself), served under
 * `prefix`, or at the live site, where every other page already is.
 */

export interface PreviewUrlOptions {
  /** The path the preview's own files are served under, e.g. `/preview/news/abc/ar/<token>`. */
  prefix: string;
  /** The live site's origin. */
  siteUrl: string;
  /** Whether the preview rendered the file at a site path (e.g. `/_astro/site.css`, `/ar/news/x/index.html`). */
  rendered: (sitePath: string) => boolean;
}

/** Where one root-relative URL goes; other URLs are left alone. */
function resolve(url: string, options: PreviewUrlOptions): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  const sitePath = url.replace(/[?#].*$/, '');
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  return options.rendered(file) ? `${options.prefix}${url}` : `${options.siteUrl}${url}`;
}

const SINGLE_URL = /(\s(?:href|src|action|poster)=")([^"]*)"/g;
const URL_LIST = /(\s(?:srcset|imagesrcset)=")([^"]*)"/g;

export function previewPageHtml(html: string, options: PreviewUrlOptions): string {
  return html
    .replace(SINGLE_URL, (_, attribute: string, url: string) => `${attribute}${resolve(url, options)}"`)
    .replace(
      URL_LIST,
      (_, attribute: string, list: string) =>
        `${attribute}${list
          .split(',')
          .map((candidate) => candidate.trim().replace(/^\S+/, (url) => resolve(url, options)))
          .join(', ')}"`,
    );
}
