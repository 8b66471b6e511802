/**
 * The site's one content collection, `images`: every raster image the snapshot's
 * entries show, once per media path, made into Astro's ImageMetadata by the
 * schema's `image()` helper. Only images go through Astro's content layer; the
 * entries themselves are read by the pages from the shared snapshot
 * (shared-snapshot.ts, src/lib/content.ts). Astro serializes its whole data store
 * into the server bundle on every build, and bundling and loading ten thousand
 * entries there cost seconds; the images alone cost little.
 *
 * The loader validates the whole snapshot (an invalid one fails the build, naming
 * the entry, locale and field). On a rebuild an image whose media record is
 * unchanged is skipped, and images no entry shows any more are removed.
 */
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import type { ImageMetadata } from 'astro';
import { collections, localeCodes, type SnapshotMedia } from '@ssc/content-schemas';
import { sharedSnapshot } from './shared-snapshot.ts';
import { isMedia, isPipelineImage } from './site-media.ts';

/** Bump when what is stored for an unchanged image changes, so old stores are refreshed. */
const STORE_FORMAT = 3;

/** The collection's name in content.config.ts. */
export const IMAGES_COLLECTION = 'images';

/** Every raster image (media path → its first media record) in `value`. */
function collectImages(value: unknown, found: Map<string, SnapshotMedia>): void {
  if (Array.isArray(value)) for (const v of value) collectImages(v, found);
  else if (isMedia(value)) {
    if (isPipelineImage(value.path) && !found.has(value.path)) found.set(value.path, value);
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) collectImages(v, found);
}

export interface LoadCounts {
  changed: number;
  unchanged: number;
  removed: number;
}

export function snapshotImagesLoader(snapshotDir: string): Loader {
  return {
    name: 'ssc-snapshot-images',
    async load({ store, parseData, generateDigest, logger }) {
      const snapshot = sharedSnapshot(snapshotDir);
      const images = new Map<string, SnapshotMedia>();
      for (const collection of collections) for (const locale of localeCodes) collectImages(snapshot.entries[collection.name][locale], images);
      const counts: LoadCounts = { changed: 0, unchanged: 0, removed: 0 };
      for (const [id, media] of images) {
        const digest = generateDigest(JSON.stringify([STORE_FORMAT, snapshotDir, media]));
        if (store.get(id)?.digest === digest) {
          counts.unchanged += 1;
          continue;
        }
        const data = await parseData({ id, data: { path: media.path } });
        store.set({ id, data, digest });
        counts.changed += 1;
      }
      for (const id of store.keys()) {
        if (images.has(id)) continue;
        store.delete(id);
        counts.removed += 1;
      }
      logger.info(`images: ${counts.changed} new or changed, ${counts.unchanged} unchanged, ${counts.removed} removed`);
    },
  };
}

/** Astro's image() schema helper (from defineCollection's schema context). */
type ImageHelper = () => z.ZodType;

/** One stored image as pages get it. */
export interface StoredImage {
  path: string;
  asset: ImageMetadata;
}

/**
 * The collection's schema: the media path, and the image as astro:assets knows it
 * (`mediaRoot` is the snapshot folder media paths are relative to).
 */
export function snapshotImageSchema(image: ImageHelper, mediaRoot: string) {
  return z.object({ path: z.string() }).transform(async ({ path: mediaPath }) => ({
    path: mediaPath,
    asset: (await image().parseAsync(path.join(mediaRoot, mediaPath))) as ImageMetadata,
  }));
}
