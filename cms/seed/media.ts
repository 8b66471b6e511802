/**
 * The demo media: pictures, partner logos, PDFs and WebVTT captions committed in
 * cms/seed/media/ (see LICENSE.md there). Each file is named after the document
 * that uses it; this module knows the names, so the seed, the content check and
 * the tests agree on which files the demo content needs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoContent } from './load-content.ts';

export const mediaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'media');

/** The file names of the demo media, by what they are for. */
export const mediaName = {
  partnerLogo: (slug: string) => `partner-${slug}-logo.png`,
  videoPoster: (slug: string) => `video-${slug}-poster.jpg`,
  videoCaptions: (slug: string, locale: string) => `video-${slug}-${locale}.vtt`,
  reportCover: (slug: string) => `report-${slug}-cover.jpg`,
  courseCover: (slug: string) => `course-${slug}-cover.jpg`,
  newsHero: (slug: string) => `news-${slug}-hero.jpg`,
  /** `owner` is `report-<slug>` or `policy-<slug>`; `key` names the file in the document. */
  pdf: (owner: string, key: string) => `${owner}-${key}.pdf`,
};

export interface DemoMediaFile {
  name: string;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf' | 'text/vtt';
  /** Which content file and document use it, for error messages. */
  usedBy: string;
}

/** Every media file the demo content uses, in the order the seed uploads them. */
export function demoMediaFiles(content: DemoContent): DemoMediaFile[] {
  const files: DemoMediaFile[] = [];
  const add = (name: string, mime: DemoMediaFile['mime'], usedBy: string) => files.push({ name, mime, usedBy });
  for (const p of content.taxonomy.partners) add(mediaName.partnerLogo(p.slug), 'image/png', `taxonomy.json: "${p.slug}"`);
  for (const v of content.videos) {
    add(mediaName.videoPoster(v.slug), 'image/jpeg', `videos.json: "${v.slug}"`);
    for (const [locale, text] of Object.entries(v.locales))
      if (text) add(mediaName.videoCaptions(v.slug, locale), 'text/vtt', `videos.json: "${v.slug}" [${locale}]`);
  }
  for (const r of content.reports) {
    add(mediaName.reportCover(r.slug), 'image/jpeg', `reports.json: "${r.slug}"`);
    for (const f of r.shared.files) add(mediaName.pdf(`report-${r.slug}`, f.key), 'application/pdf', `reports.json: "${r.slug}"`);
  }
  for (const p of content.policies)
    for (const f of p.shared.files) add(mediaName.pdf(`policy-${p.slug}`, f.key), 'application/pdf', `policies.json: "${p.slug}"`);
  for (const c of content.courses) add(mediaName.courseCover(c.slug), 'image/jpeg', `courses.json: "${c.slug}"`);
  for (const n of content.news) add(mediaName.newsHero(n.slug), 'image/jpeg', `news.json: "${n.slug}"`);
  return files;
}

/** Counts page objects (/Type /Page, not /Pages) in a PDF. */
export function pdfPageCount(buf: Buffer): number {
  return buf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z0-9_])/g)?.length ?? 0;
}
