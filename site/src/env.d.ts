/// <reference types="astro/client" />

// Generated per build by lib/snapshot-integration.ts.
declare module 'virtual:ssc/snapshot' {
  /** The absolute path of the snapshot being built. */
  export const snapshotDir: string;
  /** Every raster image of the snapshot, keyed by its media `path`. */
  export const images: Record<string, import('astro').ImageMetadata>;
}
