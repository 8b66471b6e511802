/** Images: AVIF and WebP variants from sharp, dimensions and alt text, lazy loading. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allPages, fileFor, page, srcsetUrls } from './helpers.ts';

describe('images', () => {
  it('give every <img> width, height and alt', () => {
    const images = allPages().flatMap((p) => p.doc.querySelectorAll('img').map((img) => ({ url: p.url, img })));
    expect(images.length).toBeGreaterThan(30);
    for (const { url, img } of images) {
      for (const attr of ['width', 'height', 'alt']) expect(img.hasAttribute(attr), `${url} ${img.toString()} ${attr}`).toBe(true);
      expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
    }
  });

  it('offer AVIF and WebP sources at several widths', () => {
    const hero = page('/en/news/ssc-platform-launch-2022/').doc.querySelector('figure picture')!;
    for (const type of ['image/avif', 'image/webp']) {
      const source = hero.querySelector(`source[type="${type}"]`);
      expect(source, type).not.toBeNull();
      const srcset = source!.getAttribute('srcset')!;
      expect(srcset).toMatch(/ 400w/);
      expect(srcset).toMatch(/ 800w/);
      expect(source!.getAttribute('sizes')).toBeTruthy();
      for (const url of srcsetUrls(srcset)) expect(fileFor(url), url).toBeDefined();
    }
  });

  it('keep the hero image at 400 px within 25 KB', () => {
    const hero = page('/en/news/ssc-platform-launch-2022/').doc.querySelector('figure picture')!;
    for (const source of hero.querySelectorAll('source')) {
      const entry = source
        .getAttribute('srcset')!
        .split(',')
        .map((s) => s.trim())
        .find((s) => s.endsWith(' 400w'))!;
      const file = fileFor(entry.split(' ')[0])!;
      expect(fs.statSync(file).size).toBeLessThanOrEqual(25 * 1024);
    }
  });

  it('load the first image eagerly and images lower on the page lazily', () => {
    expect(page('/en/news/ssc-platform-launch-2022/').doc.querySelector('figure img')!.getAttribute('loading')).toBe('eager');
    const logos = page('/fr/about/').doc.querySelectorAll('.logos img');
    expect(logos.length).toBeGreaterThan(0);
    for (const img of logos) expect(img.getAttribute('loading')).toBe('lazy');
  });

  it('use localized alt text', () => {
    const alt = (url: string) => page(url).doc.querySelector('figure img')!.getAttribute('alt');
    expect(alt('/zh/news/ssc-platform-launch-2022/')).toMatch(/[\u4e00-\u9fff]/);
    expect(alt('/ar/news/ssc-platform-launch-2022/')).toMatch(/[\u0600-\u06ff]/);
  });
});
