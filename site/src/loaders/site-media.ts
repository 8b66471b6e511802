/**
 * Snapshot media as pages see them: raster images carry `asset`, the image as
 * astro:assets knows it (dimensions, format, emitted file), so `getImage()` can make
 * AVIF/WebP variants with sharp. Other media (PDF, video, captions, SVG) have no
 * `asset`; they are copied to the output as they are (see lib/snapshot-integration.ts).
 */
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import type { SnapshotMedia } from '@ssc/content-schemas';

export type SiteMedia = SnapshotMedia & { asset?: ImageMetadata };

/** A snapshot value with every media object replaced by a SiteMedia. */
export type WithAssets<T> = T extends SnapshotMedia
  ? SiteMedia
  : T extends readonly (infer U)[]
    ? WithAssets<U>[]
    : T extends object
      ? { [K in keyof T]: WithAssets<T[K]> }
      : T;

/** File extensions that go through the sharp pipeline (Astro's raster input formats). */
const RASTER_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);

export function isPipelineImage(mediaPath: string): boolean {
  return RASTER_EXTENSIONS.has(path.extname(mediaPath).toLowerCase());
}

/** Is this value a snapshot media object? (The same test as content-schemas' listMediaPaths.) */
export function isMedia(value: unknown): value is SnapshotMedia {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const obj = value as Record<string, unknown>;
  return typeof obj.path === 'string' && typeof obj.mime === 'string' && 'sizeBytes' in obj;
}

/** A copy of `value` in which every media object is replaced by `replace(media)`. */
export async function mapMedia(value: unknown, replace: (media: SnapshotMedia) => Promise<unknown>): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => mapMedia(v, replace)));
  if (isMedia(value)) return replace(value);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = await mapMedia(v, replace);
    return out;
  }
  return value;
}
