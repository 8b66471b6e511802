/**
 * The content layer loader of the site: it reads one collection (a content type
 * or a taxonomy) of the content snapshot at `snapshotDir`, validated whole by
 * content-schemas' readSnapshot, and stores every entry (one document in one
 * locale, id `<locale>/<documentId>`, its body replaced by the body's digest: see
 * entry-body.ts; a match's links only to published records, see exchange-links.ts) with a digest of its data. On a rebuild,
 * an entry whose digest is unchanged is skipped, and entries no longer in the
 * snapshot are removed from the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { localeCodes, MANIFEST_FILE, readSnapshot, type CollectionName, type Snapshot } from '@ssc/content-schemas';
import { withoutBody } from './entry-body.ts';
import { entryId } from './entry-id.ts';
import { withPublishedLinks } from './exchange-links.ts';

/** Bump when what the loader stores for an unchanged entry changes, so old stores are refreshed. */
const STORE_FORMAT = 2;

/** The last snapshot read, shared by the loaders of all collections in one sync. */
let last: { key: string; snapshot: Snapshot } | undefined;

/** Reads (and validates) the snapshot once for all collections; a changed manifest means a new read. */
function snapshotAt(dir: string): Snapshot {
  const manifest = path.join(dir, MANIFEST_FILE);
  const stat = fs.existsSync(manifest) ? fs.statSync(manifest) : undefined;
  const key = `${fs.existsSync(dir) ? fs.realpathSync(dir) : dir}:${stat?.mtimeMs}:${stat?.size}`;
  if (last?.key !== key) last = { key, snapshot: readSnapshot(dir) };
  return last.snapshot;
}

export interface LoadCounts {
  changed: number;
  unchanged: number;
  removed: number;
}

export function snapshotLoader(collection: CollectionName, snapshotDir: string): Loader {
  return {
    name: 'ssc-snapshot',
    async load({ store, parseData, generateDigest, logger }) {
      const snapshot = snapshotAt(snapshotDir);
      const counts: LoadCounts = { changed: 0, unchanged: 0, removed: 0 };
      const seen = new Set<string>();
      for (const locale of localeCodes) {
        for (const entry of snapshot.entries[collection][locale]) {
          const id = entryId(locale, entry.documentId);
          seen.add(id);
          // Bodies stay in the snapshot (see entry-body.ts); the digest in their place keeps the entry's digest covering them.
          const stored = withoutBody(withPublishedLinks(collection, entry, snapshot));
          const digest = generateDigest(JSON.stringify([STORE_FORMAT, snapshotDir, stored]));
          if (store.get(id)?.digest === digest) {
            counts.unchanged += 1;
            continue;
          }
          const data = await parseData({ id, data: stored as unknown as Record<string, unknown> });
          store.set({ id, data, digest });
          counts.changed += 1;
        }
      }
      for (const id of store.keys()) {
        if (seen.has(id)) continue;
        store.delete(id);
        counts.removed += 1;
      }
      logger.info(`${collection}: ${counts.changed} new or changed, ${counts.unchanged} unchanged, ${counts.removed} removed`);
    },
  };
}
