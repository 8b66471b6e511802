/**
 * The site's content collection: the raster images of the content snapshot, which
 * Astro's asset pipeline needs to know (see src/loaders/images-loader.ts). The
 * entries are read from the snapshot itself (src/lib/content.ts). The snapshot's
 * folder comes from the build (buildSite's `snapshotDir` or SSC_SNAPSHOT_DIR)
 * through lib/snapshot-integration.ts.
 */
import { defineCollection } from 'astro:content';
import { snapshotDir } from 'virtual:ssc/snapshot';
import { snapshotImageSchema, snapshotImagesLoader } from './loaders/images-loader.ts';

export const collections = {
  images: defineCollection({
    loader: snapshotImagesLoader(snapshotDir),
    schema: ({ image }) => snapshotImageSchema(image, snapshotDir),
  }),
};
