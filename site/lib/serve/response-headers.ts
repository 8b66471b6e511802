/**
 * The headers that depend on what a file is and where it lives: its type, how long
 * it may be cached, and the policy that keeps an uploaded file from acting as a page
 * of the site.
 */
import { lookup } from 'mrmime';

/** Types worth compressing on the fly. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json|rss\+xml|atom\+xml)|image\/svg\+xml)/;

/** Types a browser renders as a document that can run script or load things: HTML, SVG, any XML, PDF. */
const ACTIVE = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|application\/[\w.-]+\+xml|application\/pdf)(;|$)/;

/** What a reader's browser may show inline from /media/: pictures, video and captions. Everything else downloads. */
const INLINE_MEDIA = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif', 'video/mp4', 'video/webm', 'text/vtt', 'text/plain']);

/** A policy under which a document can run nothing and load nothing, and is treated as its own origin. */
export const SANDBOX_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

export function contentType(file: string): string {
  const type = lookup(file) ?? 'application/octet-stream';
  return /^text\/|json|xml|javascript/.test(type) ? `${type}; charset=utf-8` : type;
}

export function isCompressible(type: string): boolean {
  return COMPRESSIBLE.test(type);
}

/** `/_astro/` files carry a content hash in their names, so they never change; everything else is revalidated. */
export function cacheControl(segments: readonly string[], status: number): string {
  return status === 200 && segments[0] === '_astro' ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Headers that stop a served file from running in the site's origin. Files under
 * /media/ are the CMS's uploads copied into the site: all of them get the sandbox
 * policy, and those that are not a picture, a video or a caption file download
 * (`attachment`) instead of opening, so a PDF or an office file is saved and an HTML
 * or SVG file that got there is never rendered. Elsewhere, file types a browser
 * would render as an active document (SVG, XML, PDF) get the sandbox policy too;
 * the site's own HTML pages get none of this, as they need their scripts.
 */
export function isolationHeaders(segments: readonly string[], type: string): Record<string, string> {
  const mime = type.split(';')[0]!.trim();
  if (segments[0] === 'media') {
    const headers: Record<string, string> = { 'Content-Security-Policy': SANDBOX_POLICY };
    if (!INLINE_MEDIA.has(mime)) headers['Content-Disposition'] = 'attachment';
    return headers;
  }
  if (mime !== 'text/html' && ACTIVE.test(mime)) return { 'Content-Security-Policy': SANDBOX_POLICY };
  return {};
}
