/** What each content type's page shows a reader before they tap anything. */
import { describe, expect, it } from 'vitest';
import { contentTypeNames } from '@ssc/content-schemas';
import { optionsFromEnv } from '../lib/config.ts';
import { page } from './helpers.ts';

describe('item pages', () => {
  it('video: a play control that holds a player fetching nothing up front, captions as <track>s, size and transcript', () => {
    const p = page('/fr/videos/hybrid-rice-smallholder-webinar/');
    const main = p.doc.querySelector('main')!;
    expect(main.querySelectorAll('iframe, audio, object, embed')).toHaveLength(0);
    const player = main.querySelector('details.player')!;
    expect(player.getAttribute('open')).toBeUndefined();
    expect(player.querySelector('summary')!.text).toMatch(/Lire la vidéo/);
    expect(player.querySelector('summary')!.text).toMatch(/MP4 · 28\so/);
    const video = player.querySelector('video')!;
    expect(video.getAttribute('preload')).toBe('none');
    expect(video.getAttribute('src')).toBe('/media/hybrid-rice-webinar.mp4');
    const tracks = video.querySelectorAll('track');
    expect(tracks.map((t) => t.getAttribute('srclang'))[0]).toBe('fr');
    expect(tracks.filter((t) => t.hasAttribute('default')).map((t) => t.getAttribute('srclang'))).toEqual(['fr']);
    expect(tracks.map((t) => t.getAttribute('label'))).toContain('chinois simplifié');
    expect(tracks.every((t) => t.getAttribute('kind') === 'captions' && t.getAttribute('src')!.endsWith('.vtt'))).toBe(true);
    expect(player.querySelector('a[download]')!.getAttribute('href')).toBe('/media/hybrid-rice-webinar.mp4');
    const captions = main.querySelectorAll('a[type="text/vtt"]');
    expect(captions.map((a) => a.getAttribute('hreflang'))[0]).toBe('fr');
    expect(main.querySelector('section .body')!.text.length).toBeGreaterThan(200);
  });

  it('video without a file: links to the external page only', () => {
    const a = page('/en/videos/juncao-technology-training/').doc.querySelector('.play a')!;
    expect(a.getAttribute('href')).toBe('https://video.example.org/juncao-technology-training');
    expect(a.text).toContain('video.example.org');
  });

  it('report: every attachment with its language, format, size and page count in the page language', () => {
    const files = page('/es/reports/digital-south-south-cooperation-seminar-2022/').doc.querySelectorAll('ul.files li');
    expect(files).toHaveLength(2);
    const [first, second] = files.map((li) => li.text.replace(/\s+/g, ' '));
    expect(first).toContain('Idioma: inglés');
    expect(first).toContain('Formato: PDF');
    expect(first).toMatch(/Tamaño: 627\sB/);
    expect(first).toContain('Páginas: 4');
    expect(second).toContain('chino');
    expect(files[0].querySelector('a')!.getAttribute('hreflang')).toBe('en');
  });

  it('policy: issuing body, country, document type', () => {
    const text = page('/zh/policies/kenya-agricultural-sector-transformation-growth-strategy-2019-2029/').doc.querySelector('dl.facts')!.text;
    expect(text).toContain('肯尼亚');
    expect(text).toContain('战略');
  });

  it('course: outcomes, level, hours, modules and lessons, partner, certificate', () => {
    const main = page('/en/courses/hybrid-rice-value-chain/').doc.querySelector('main')!;
    expect(main.text).toContain('Intermediate');
    expect(main.text).toContain('4 hours');
    expect(main.querySelectorAll('h3').length).toBeGreaterThan(1);
    expect(main.querySelectorAll('ol li').length).toBeGreaterThan(3);
    // Each lesson has its page; a video lesson's page links to the video.
    const videoLesson = main.querySelector('a[href="/en/courses/hybrid-rice-value-chain/webinar-hybrid-rice-for-smallholders/"]');
    expect(videoLesson).not.toBeNull();
    const lesson = page('/en/courses/hybrid-rice-value-chain/webinar-hybrid-rice-for-smallholders/').doc.querySelector('main')!;
    expect(lesson.querySelector('a[href="/en/videos/hybrid-rice-smallholder-webinar/"]')).not.toBeNull();
    expect(main.text).toContain('A certificate of completion is offered.');
    expect(main.text).toContain('WFP Centre of Excellence');
  });

  it('home: latest items of each type and the four themes', () => {
    const main = page('/ar/').doc.querySelector('main')!;
    expect(main.querySelectorAll('a[href^="/ar/themes/"]')).toHaveLength(4);
    // One section per content type, and the themes.
    expect(main.querySelectorAll('h2').length).toBe(contentTypeNames.length + 1);
  });
});

describe('configuration', () => {
  it('requires SSC_SNAPSHOT_DIR and says so', () => {
    expect(() => optionsFromEnv({})).toThrow(/SSC_SNAPSHOT_DIR/);
    expect(optionsFromEnv({ SSC_SNAPSHOT_DIR: '/tmp/x' })).toEqual({
      snapshotDir: '/tmp/x',
      siteUrl: 'http://127.0.0.1:4321',
      cmsPublicUrl: 'http://127.0.0.1:1337',
    });
    expect(optionsFromEnv({ SSC_SNAPSHOT_DIR: '/tmp/x', SSC_CMS_PUBLIC_URL: 'https://cms.hub.example.org' }).cmsPublicUrl).toBe('https://cms.hub.example.org');
  });
});
