/**
 * Snapshot images as astro:assets sees them: the content layer gives every raster
 * image of an entry its `asset` (see src/loaders/images-loader.ts); media without
 * one (SVG, say) are served as copied files.
 */
import type { ImageMetadata } from 'astro';
import type { SiteMedia } from '../loaders/site-media.ts';

/** Widths made for responsive images; a width above the original is never made. */
export const IMAGE_WIDTHS = [400, 800, 1200] as const;

export function imageMetadata(media: SiteMedia): ImageMetadata | undefined {
  return media.asset;
}

/** The widths to make for one image: the standard ones it can fill, or its own width. */
export function widthsFor(meta: ImageMetadata, wanted: readonly number[] = IMAGE_WIDTHS): number[] {
  const fitting = wanted.filter((w) => w <= meta.width);
  return fitting.length ? fitting : [meta.width];
}

/** A fallback format every browser decodes: JPEG for photos, PNG for images that may have transparency. */
export function fallbackFormat(meta: ImageMetadata): 'jpg' | 'png' {
  return meta.format === 'jpg' || meta.format === 'jpeg' ? 'jpg' : 'png';
}
