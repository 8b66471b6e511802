/**
 * The bridge between a content snapshot on disk and the Astro build.
 *
 * How snapshot images reach astro:assets: snapshot media live outside `src/`, in a
 * folder chosen at build time, so pages cannot import them with static paths. This
 * integration adds a Vite plugin serving the virtual module `virtual:ssc/snapshot`,
 * whose code is generated from the snapshot: one ESM `import` of every raster
 * image by its absolute path, gathered in a map keyed by the snapshot's media
 * `path`. Astro's own asset plugin handles those imports as it would an image under
 * `src/` (it reads the dimensions and emits the original), so the values are real
 * `ImageMetadata` and `getImage()` can make AVIF/WebP variants with sharp. Nothing is
 * copied or symlinked into the source tree, so two builds of different snapshots can
 * run side by side.
 *
 * Every other media file (PDFs, videos, captions, SVG) is linked as is: after the
 * build they are copied to `<out>/media/…`, the same relative path they have in the
 * snapshot, so a media `path` is also its URL path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listMediaPaths, readSnapshot, type Snapshot } from '@ssc/content-schemas';

const VIRTUAL_ID = 'virtual:ssc/snapshot';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** File extensions that go through the sharp pipeline (Astro's raster input formats). */
const RASTER_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tif', '.tiff']);

export function isPipelineImage(mediaPath: string): boolean {
  return RASTER_EXTENSIONS.has(path.extname(mediaPath).toLowerCase());
}

/** The JavaScript of the virtual module for one snapshot. */
export function virtualModuleCode(snapshotDir: string, mediaPaths: Iterable<string>): string {
  const imports: string[] = [];
  const pairs: string[] = [];
  let i = 0;
  for (const media of [...mediaPaths].filter(isPipelineImage).sort()) {
    const file = path.resolve(snapshotDir, media);
    imports.push(`import image${i} from ${JSON.stringify(file)};`);
    pairs.push(`  ${JSON.stringify(media)}: image${i},`);
    i += 1;
  }
  return [
    ...imports,
    `export const snapshotDir = ${JSON.stringify(path.resolve(snapshotDir))};`,
    `export const images = {\n${pairs.join('\n')}\n};`,
    '',
  ].join('\n');
}

/** Copies every non-pipeline media file of the snapshot into the build output. */
function copyMedia(snapshot: Snapshot, outDir: string): number {
  let copied = 0;
  for (const media of listMediaPaths(snapshot.entries)) {
    if (isPipelineImage(media)) continue;
    const target = path.join(outDir, media);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(snapshot.dir, media), target);
    copied += 1;
  }
  return copied;
}

export function snapshotIntegration(options: { snapshotDir: string }): AstroIntegration {
  const snapshotDir = path.resolve(options.snapshotDir);
  let snapshot: Snapshot | undefined;
  return {
    name: 'ssc-snapshot',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // Read (and validate) once up front, so a bad snapshot fails before any page renders.
        snapshot = readSnapshot(snapshotDir);
        const code = virtualModuleCode(snapshotDir, listMediaPaths(snapshot.entries));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'ssc-snapshot-media',
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
        if (!snapshot) return;
        const count = copyMedia(snapshot, fileURLToPath(dir));
        logger.info(`copied ${count} media files from ${snapshotDir}`);
      },
    },
  };
}
