/** Untrusted rich text is neutralised, both in the renderer and on the built page. */
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { renderMarkdown } from '../src/lib/markdown.ts';
import { page } from './helpers.ts';

function assertHarmless(root: HTMLElement) {
  expect(root.querySelectorAll('script, style, iframe, object, embed, form, svg, img')).toHaveLength(0);
  for (const el of root.querySelectorAll('*')) {
    for (const name of Object.keys(el.attributes)) {
      expect(name.toLowerCase().startsWith('on'), `${el.tagName} ${name}`).toBe(false);
      expect(name.toLowerCase(), el.tagName).not.toBe('style');
    }
    const href = el.getAttribute('href');
    // eslint-disable-next-line no-control-regex -- browsers drop control characters from URLs, so the test does too
    if (href !== undefined) expect(href.replace(/[\s\u0000-\u001f]/g, '')).toMatch(/^(https?:|mailto:|\/|#)/i);
  }
}

describe('rich text', () => {
  it('is neutralised on the built news page that carries hostile HTML', () => {
    const p = page('/en/news/cloud-school-hybrid-rice-webinar-2022/');
    const body = p.doc.querySelector('.body')!;
    expect(body.text).toContain('Farmers compared seed lots side by side.');
    expect(body.text).toContain('Questions came from eleven countries.');
    assertHarmless(body);
    expect(p.html).not.toContain('evil.example');
    expect(p.html).not.toContain('pwned');
    expect(p.html.toLowerCase()).not.toContain('javascript:');
    expect(body.querySelector('a[href="https://www.wfp.org/"]')).not.toBeNull();
  });

  it('drops scripts, handlers, dangerous URLs, frames and styles in the renderer', () => {
    const hostile = [
      '# Title',
      '<script>alert(1)</script><SCRIPT SRC=//evil.example/x.js></SCRIPT>',
      '<img src=x onerror=alert(1)><svg onload=alert(1)></svg>',
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:x)',
      '<a href="jav&#x09;ascript:alert(1)">e</a> <a href=" javascript:alert(1)">f</a>',
      '<iframe src="https://evil.example"></iframe><object data="x"></object><embed src="x">',
      '<style>*{display:none}</style><p style="color:red" onclick="x()">kept text</p>',
      '<form action="https://evil.example"><input name=q></form>',
      '[ok](https://example.org/) and [mail](mailto:info@example.org)',
    ].join('\n\n');
    const root = parse(renderMarkdown(hostile));
    assertHarmless(root);
    expect(root.text).toContain('kept text');
    expect(root.querySelector('a[href="https://example.org/"]')).not.toBeNull();
    expect(root.querySelector('a[href="mailto:info@example.org"]')).not.toBeNull();
  });

  it('shifts headings below the page title and keeps their order', () => {
    const html = renderMarkdown('### A\n\ntext\n\n#### B\n\n# C');
    expect(
      parse(html)
        .querySelectorAll('h1, h2, h3, h4, h5, h6')
        .map((h) => h.tagName),
    ).toEqual(['H4', 'H5', 'H2']);
    expect(
      parse(renderMarkdown('### A\n\n#### B'))
        .querySelectorAll('h2, h3')
        .map((h) => h.tagName),
    ).toEqual(['H2', 'H3']);
    expect(parse(renderMarkdown('## A', { topLevel: 3 })).querySelector('h3')).not.toBeNull();
  });
});
