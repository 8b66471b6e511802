/**
 * Rich text (Markdown from the CMS) to safe HTML. The Markdown is untrusted: editors
 * paste from Word and the web, so the HTML marked produces goes through an allow-list
 * sanitizer. Scripts, styles, event handlers, `javascript:` and other non-web URLs,
 * iframes, forms and images are dropped; what remains is text structure and links.
 */
import { Marked, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'hr',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'del',
    's',
    'sub',
    'sup',
    'abbr',
    'q',
    'cite',
    'small',
    'mark',
    'span',
    'a',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'dl',
    'dt',
    'dd',
  ],
  allowedAttributes: {
    // Language marks are useful inside multilingual text; nothing else is global.
    '*': ['lang', 'dir'],
    a: ['href', 'title', 'hreflang'],
    abbr: ['title'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'cite'],
  allowProtocolRelative: false,
  // Script and style bodies are removed with their tags, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
  disallowedTagsMode: 'discard',
  // The page owns the only h1.
  transformTags: { h1: 'h2' },
};

/** Makes HTML safe to insert with set:html. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/**
 * Renders Markdown to sanitized HTML. Headings are shifted so that the highest one
 * becomes `topLevel` (h2 under the page title, h3 inside a section), keeping the
 * page's heading outline in order whatever levels the editor used.
 */
export function renderMarkdown(markdown: string, options: { topLevel?: number } = {}): string {
  const topLevel = options.topLevel ?? 2;
  const tokens = marked.lexer(markdown);
  let highest = 7;
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'heading') highest = Math.min(highest, token.depth);
  });
  const shift = highest === 7 ? 0 : topLevel - highest;
  marked.walkTokens(tokens, (token: Token) => {
    if (token.type === 'heading') token.depth = Math.min(6, Math.max(topLevel, token.depth + shift));
  });
  return sanitize(marked.parser(tokens));
}
