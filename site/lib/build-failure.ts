/**
 * When Astro's build fails, which pages was it rendering? Astro logs
 * "Caught error rendering <path>: <error>" on stderr before it rethrows the error,
 * and the error itself rarely names the page. So while a build runs, the lines
 * written to stderr are read (and still written), and a failed build throws a
 * SiteBuildError that carries the pages that failed, for the release step to find
 * the entries they belong to.
 */

const RENDER_FAILURE = /Caught error rendering (\S+?):/g;

export class SiteBuildError extends Error {
  /** Site paths of the pages whose rendering threw, e.g. /fr/policies/x/. */
  readonly failedPages: string[];
  /** What Astro wrote on stderr while it built (the last 20,000 characters). */
  readonly log: string;
  constructor(cause: unknown, failedPages: string[], log: string) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(failedPages.length ? `the site build failed while rendering ${failedPages.join(', ')}: ${message}` : `the site build failed: ${message}`, { cause });
    this.name = 'SiteBuildError';
    this.failedPages = failedPages;
    this.log = log;
  }
}

/** Pages named in "Caught error rendering <path>:" lines of a build log. */
export function failedPagesIn(log: string): string[] {
  return [...new Set([...log.matchAll(RENDER_FAILURE)].map((m) => m[1]))];
}

/** Runs `build`, turning a failure into a SiteBuildError that names the pages that failed to render. */
export async function withFailedPagesNoted<T>(build: () => Promise<T>): Promise<T> {
  let log = '';
  const write = process.stderr.write;
  process.stderr.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    log = (log + (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))).slice(-20_000);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stderr.write;
  try {
    return await build();
  } catch (error) {
    throw new SiteBuildError(error, failedPagesIn(log), log);
  } finally {
    process.stderr.write = write;
  }
}
