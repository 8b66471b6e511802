/**
 * Which pages a build renders. Every getStaticPaths() passes its paths through
 * `planned()`, naming the file each path writes. When the build is a targeted one
 * (site/lib/targeted-build.ts puts a plan on the global object before starting
 * Astro), only paths whose cache key changed since the previous output, or that are
 * new, are returned to Astro; the others are reused from the previous output by the
 * build itself. Every path is recorded in the plan either way, so the build knows
 * the whole site: what was rendered, what is reused, and what is gone.
 *
 * Without a plan (the Astro CLI, dev server) every path is returned.
 *
 * The plan travels on the global object because Astro runs getStaticPaths() from a
 * bundle of its own, in the same process as the build that made the plan.
 */

export interface BuildPlan {
  /** Output file → cache key of the previous output; null renders every path. */
  previous: ReadonlyMap<string, string> | null;
  /** Output file → cache key, for every path of this build (filled by planned()). */
  current: Map<string, string>;
  /** Output files returned to Astro (rendered in this build). */
  rendered: Set<string>;
  /** The folder of the previous output, when paths are reused from it. */
  previousDir?: string;
  /** When set, only these output files are rendered, whatever their keys (a preview renders one page). */
  only?: ReadonlySet<string>;
}

const PLAN = Symbol.for('ssc.buildPlan');

/** The plan of the build that is running in this process, if any. */
export function currentPlan(): BuildPlan | undefined {
  return (globalThis as Record<symbol, BuildPlan | undefined>)[PLAN];
}

/** Sets (or clears) the plan of the build about to run. */
export function setPlan(plan: BuildPlan | undefined): void {
  (globalThis as Record<symbol, BuildPlan | undefined>)[PLAN] = plan;
}

/** `pattern` with each `[name]` or `[...name]` replaced by that param. */
export function outputFileOf(pattern: string, params: Record<string, string | undefined>): string {
  return pattern.replace(/\[(?:\.\.\.)?([a-zA-Z]+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`the output pattern ${pattern} names [${name}], which the path does not have`);
    return value;
  });
}

interface StaticPath {
  params: Record<string, string | undefined>;
  cacheKey: string;
}

/**
 * The paths Astro should render, from all the paths of a route. `pattern` is the
 * file a path writes, relative to the site's root, with the route's params in
 * brackets: `[locale]/[type]/[slug]/index.html` for a page,
 * `[locale]/feeds/[...feed]` for an endpoint.
 */
export async function planned<P extends StaticPath>(pattern: string, paths: P[] | Promise<P[]>): Promise<P[]> {
  const all = await paths;
  const plan = currentPlan();
  if (!plan) return all;
  return all.filter((path) => {
    const output = outputFileOf(pattern, path.params);
    plan.current.set(output, path.cacheKey);
    const render = plan.only ? plan.only.has(output) : plan.previous === null || plan.previous.get(output) !== path.cacheKey;
    if (render) plan.rendered.add(output);
    return render;
  });
}
