/**
 * Whether the pages being rendered are a draft preview (site/lib/build.ts,
 * `renderPreview()`): pages then carry the "preview, not published" banner and
 * `noindex`. Live builds never set it.
 *
 * Like the build plan, the flag travels on the global object: Astro renders pages
 * from a bundle of its own, in the process that started the build.
 */
const PREVIEW = Symbol.for('ssc.previewBuild');

export function isPreviewBuild(): boolean {
  return (globalThis as Record<symbol, boolean | undefined>)[PREVIEW] === true;
}

export function setPreviewBuild(on: boolean): void {
  (globalThis as Record<symbol, boolean | undefined>)[PREVIEW] = on;
}
