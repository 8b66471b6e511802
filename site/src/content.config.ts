/**
 * The content collections of the site: one per collection of the model (the
 * content types and the taxonomy), each filled from the content snapshot by the
 * snapshot loader. The snapshot's folder comes from the build (buildSite's
 * `snapshotDir` or SSC_SNAPSHOT_DIR) through lib/snapshot-integration.ts.
 */
import { defineCollection } from 'astro:content';
import { collections as model, type CollectionName } from '@ssc/content-schemas';
import { snapshotDir } from 'virtual:ssc/snapshot';
import { entrySchema } from './loaders/entry-schema.ts';
import { snapshotLoader } from './loaders/snapshot-loader.ts';

function snapshotCollection<N extends CollectionName>(name: N) {
  return defineCollection({
    loader: snapshotLoader(name, snapshotDir),
    schema: ({ image }) => entrySchema(name, image, snapshotDir),
  });
}

export const collections = Object.fromEntries(model.map((c) => [c.name, snapshotCollection(c.name)])) as {
  [N in CollectionName]: ReturnType<typeof snapshotCollection<N>>;
};
