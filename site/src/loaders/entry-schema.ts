/**
 * The schema of a snapshot collection in Astro's content layer. Entries arrive
 * already validated by content-schemas (the loader reads the snapshot with
 * readSnapshot), so the schema only types them and gives every raster image its
 * `asset` through Astro's `image()` helper: the content layer then imports the file
 * like an image under src/ and hands pages real ImageMetadata.
 */
import path from 'node:path';
import { z } from 'astro/zod';
import type { CollectionName, SnapshotEntry } from '@ssc/content-schemas';
import { isPipelineImage, mapMedia, type WithAssets } from './site-media.ts';

type SiteEntries = { [N in CollectionName]: WithAssets<SnapshotEntry<N>> };
/** One snapshot entry as pages get it. */
export type SiteEntry<N extends CollectionName> = SiteEntries[N];

/** Astro's image() schema helper (from defineCollection's schema context). */
type ImageHelper = () => z.ZodType;

/**
 * The collection schema: a typed pass-through whose transform adds `asset` to every
 * raster image. `mediaRoot` is the snapshot folder the media `path`s are relative to.
 */
export function entrySchema<N extends CollectionName>(_name: N, image: ImageHelper, mediaRoot: string) {
  return z
    .custom<SnapshotEntry<N>>((value) => typeof value === 'object' && value !== null)
    .transform(
      async (entry) =>
        (await mapMedia(entry, async (media) =>
          isPipelineImage(media.path) ? { ...media, asset: await image().parseAsync(path.join(mediaRoot, media.path)) } : media,
        )) as SiteEntry<N>,
    );
}
