/**
 * The bridge between a content snapshot on disk and the Astro build.
 *
 * - It tells the content collections (src/content.config.ts) where the snapshot is,
 *   through the virtual module `virtual:ssc/snapshot`. The path it gives is a
 *   symbolic link in Astro's cache folder (`<cacheDir>/ssc-snapshot`) that points at
 *   the snapshot being built: the content layer stores image paths under it, so an
 *   entry that did not change between two snapshots keeps the same data (and digest)
 *   even though the snapshots live in different folders.
 * - After the build it puts every media file the entries reference at `<out>/media/…`
 *   (a hard link to the snapshot's file where it can, else a copy),
 *   the same relative path it has in the snapshot, so a media `path` is also its URL
 *   path (feeds link files there, and the static JSON API keeps the snapshot's shape).
 *   Pages show raster images through astro:assets instead (AVIF/WebP variants, see
 *   src/loaders/images-loader.ts); their originals are copied for API readers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { collections, CREDENTIALS_DIR, listMediaPaths, localeCodes, readCredentialFiles, readManifest } from '@ssc/content-schemas';
import { sharedSnapshot } from '../src/loaders/shared-snapshot.ts';

const VIRTUAL_ID = 'virtual:ssc/snapshot';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const LINK_NAME = 'ssc-snapshot';

/**
 * The content layer writes the list of images its entries import to .astro/ and
 * rewrites it only when entries changed. After a build with another cache folder
 * (tests, benchmarks, the CLI) that list is someone else's, so it goes before
 * every sync and the content layer writes it afresh.
 */
function forgetGeneratedImports(root: URL): void {
  for (const file of ['content-assets.mjs', 'content-modules.mjs']) fs.rmSync(fileURLToPath(new URL(`.astro/${file}`, root)), { force: true });
}

/** Points `link` at `target` atomically (a new link renamed over the old one). */
function pointLink(link: string, target: string): void {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  const next = `${link}.next-${process.pid}`;
  fs.rmSync(next, { force: true });
  fs.symlinkSync(target, next, 'dir');
  fs.renameSync(next, link);
}

/** Every media path the snapshot's entries reference (the snapshot the build has read already, see shared-snapshot.ts). */
function referencedMedia(snapshotDir: string): Set<string> {
  const { entries } = sharedSnapshot(snapshotDir);
  const found = new Set<string>();
  for (const collection of collections) for (const locale of localeCodes) listMediaPaths(entries[collection.name][locale], found);
  return found;
}

/**
 * Puts every media file the snapshot's entries reference into the build output: as
 * a hard link to the snapshot's file (no bytes written), or as a copy where the two
 * folders cannot share an inode (another file system).
 */
function copyMedia(snapshotDir: string, outDir: string): { linked: number; copied: number } {
  const counts = { linked: 0, copied: 0 };
  for (const media of referencedMedia(snapshotDir)) {
    const source = path.join(snapshotDir, media);
    const target = path.join(outDir, media);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.rmSync(target, { force: true });
    try {
      fs.linkSync(source, target);
      counts.linked += 1;
    } catch {
      fs.copyFileSync(source, target);
      counts.copied += 1;
    }
  }
  return counts;
}

/**
 * Publishes the certificates' files (issuer profile with its keys, signed status list)
 * at `<out>/credentials/…`, as the snapshot has them: the verify page and any third
 * party check certificates against them.
 */
function publishCredentials(snapshotDir: string, outDir: string): number {
  const files = readCredentialFiles(snapshotDir, readManifest(snapshotDir).credentials ?? []);
  for (const name of Object.keys(files)) {
    const target = path.join(outDir, CREDENTIALS_DIR, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(snapshotDir, CREDENTIALS_DIR, name), target);
  }
  return Object.keys(files).length;
}

export function snapshotIntegration(options: { snapshotDir: string }): AstroIntegration {
  const snapshotDir = path.resolve(options.snapshotDir);
  return {
    name: 'ssc-snapshot',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        if (!fs.existsSync(snapshotDir)) throw new Error(`No snapshot at ${snapshotDir}`);
        const link = path.join(fileURLToPath(config.cacheDir), LINK_NAME);
        pointLink(link, snapshotDir);
        forgetGeneratedImports(config.root);
        logger.info(`building from the snapshot ${snapshotDir}`);
        const code = `export const snapshotDir = ${JSON.stringify(link)};\n`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'ssc-snapshot-path',
                resolveId(id: string) {
                  return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
                },
                load(id: string) {
                  return id === RESOLVED_ID ? code : undefined;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const { linked, copied } = copyMedia(snapshotDir, fileURLToPath(dir));
        logger.info(`media from ${snapshotDir}: ${linked} linked, ${copied} copied`);
        if (copied) logger.warn(`${copied} media files copied, not linked: the snapshot and the build output are on different file systems`);
        const credentials = publishCredentials(snapshotDir, fileURLToPath(dir));
        if (credentials) logger.info(`certificates: ${credentials} public file(s) under /${CREDENTIALS_DIR}/`);
      },
    },
  };
}
