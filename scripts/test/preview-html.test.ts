import { describe, expect, it } from 'vitest';
import { previewPageHtml } from '../lib/preview-html.ts';

const PREFIX = '/preview/news/abc/ar/t.k';
const SITE = 'https://knowledge.example.org';
const rendered = new Set(['/_astro/site.css', '/_astro/hero.avif', '/_astro/hero.webp', '/ar/news/draft/index.html', '/media/report.pdf']);
const rewrite = (html: string) => previewPageHtml(html, { prefix: PREFIX, siteUrl: SITE, rendered: (p) => rendered.has(p) });

describe('a preview page’s URLs', () => {
  it('serve the files the preview rendered (stylesheet, images, its own page, media) under the token’s path', () => {
    expect(rewrite('<link rel="stylesheet" href="/_astro/site.css">')).toBe(`<link rel="stylesheet" href="${PREFIX}/_astro/site.css">`);
    expect(rewrite('<img src="/_astro/hero.webp" alt="">')).toBe(`<img src="${PREFIX}/_astro/hero.webp" alt="">`);
    expect(rewrite('<source srcset="/_astro/hero.avif 400w, /_astro/hero.webp 800w">')).toBe(
      `<source srcset="${PREFIX}/_astro/hero.avif 400w, ${PREFIX}/_astro/hero.webp 800w">`,
    );
    expect(rewrite('<strong><a href="/ar/news/draft/">العربية</a></strong>')).toBe(`<strong><a href="${PREFIX}/ar/news/draft/">العربية</a></strong>`);
    expect(rewrite('<a href="/media/report.pdf#page=2">PDF</a>')).toBe(`<a href="${PREFIX}/media/report.pdf#page=2">PDF</a>`);
  });

  it('send every other site path (lists, other items, the search form) to the live site', () => {
    expect(rewrite('<a href="/ar/news/">الأخبار</a>')).toBe(`<a href="${SITE}/ar/news/">الأخبار</a>`);
    expect(rewrite('<a href="/en/news/draft/" hreflang="en">English</a>')).toBe(`<a href="${SITE}/en/news/draft/" hreflang="en">English</a>`);
    expect(rewrite('<form action="/ar/search/" method="get">')).toBe(`<form action="${SITE}/ar/search/" method="get">`);
  });

  it('leave absolute, protocol-relative and fragment URLs alone', () => {
    for (const html of [
      '<a href="https://example.org/x">x</a>',
      '<a href="//cdn.example.org/x">x</a>',
      '<a class="skip" href="#main">skip</a>',
      '<a href="mailto:a@b.c">m</a>',
    ])
      expect(rewrite(html)).toBe(html);
  });
});
