/**
 * Values worked out once per build (the collections' indexes, lists…), kept on the
 * global object rather than in the module. Each build imports a server bundle of its
 * own, which Node never unloads: a cache held by the bundle's modules would keep every
 * build's content in memory for the life of the process (the rebuild service's, for
 * weeks). The build drops this one when it ends (site/lib/build.ts).
 */
const MEMO = Symbol.for('ssc.site.buildMemo');

type Holder = { [MEMO]?: Map<string, Promise<unknown>> };

/** Memoizes a computed value for the length of the build (the content never changes in it). */
export function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const holder = globalThis as Holder;
  const memo = (holder[MEMO] ??= new Map());
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}

/** Drops everything remembered: called when a build ends. */
export function forgetBuildMemo(): void {
  (globalThis as Holder)[MEMO] = undefined;
}
