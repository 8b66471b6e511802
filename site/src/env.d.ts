/// <reference types="astro/client" />

// Provided per build by lib/snapshot-integration.ts.
declare module 'virtual:ssc/snapshot' {
  /** The snapshot being built (a stable link to it in Astro's cache folder). */
  export const snapshotDir: string;
}
