/**
 * Snapshot media as pages see them: raster images carry `asset`, the image as
 * astro:assets knows it (dimensions, format, emitted file), so `getImage()` can make
 * AVIF/WebP variants with sharp. Other media (PDF, video, captions, SVG) have no
 * `asset`; they are copied to the output as they are (see lib/snapshot-integration.ts).
 */
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import type { CollectionName, SnapshotEntry, SnapshotMedia } from '@ssc/content-schemas';

export type SiteMedia = SnapshotMedia & { asset?: ImageMetadata };

/** A snapshot value with every media object replaced by a SiteMedia. */
export type WithAssets<T> = T extends SnapshotMedia
  ? SiteMedia
  : T extends readonly (infer U)[]
    ? WithAssets<U>[]
    : T extends object
      ? { [K in keyof T]: WithAssets<T[K]> }
      : T;

type SiteEntries = { [N in CollectionName]: WithAssets<SnapshotEntry<N>> };
/** One snapshot entry as pages get it. */
export type SiteEntry<N extends CollectionName> = SiteEntries[N];

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

/**
 * A copy of `value` in which every raster image carries its `asset` from `assets`
 * (media path → ImageMetadata); only the objects on the way to a media object are
 * copied, everything else is shared with `value`, which is never changed.
 */
export function withAssets(value: unknown, assets: ReadonlyMap<string, ImageMetadata>): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((v, i) => {
      const mapped = withAssets(v, assets);
      if (mapped !== v) (copy ??= [...value])[i] = mapped;
    });
    return copy ?? value;
  }
  if (isMedia(value)) {
    if (!isPipelineImage(value.path)) return value;
    const asset = assets.get(value.path);
    if (!asset) throw new Error(`the image ${value.path} is not in the content layer's images collection`);
    return { ...value, asset };
  }
  if (value && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    for (const [key, v] of Object.entries(value)) {
      const mapped = withAssets(v, assets);
      if (mapped !== v) (copy ??= { ...(value as Record<string, unknown>) })[key] = mapped;
    }
    return copy ?? value;
  }
  return value;
}
