/** Reading the CMS's content API with the build token: one JSON answer, or a PullError that says why not. */
export class PullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PullError';
  }
}

export async function getJson(url: string, token: string): Promise<any> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new PullError(`CMS unreachable at ${new URL(url).origin}: ${(error as Error).cause ?? (error as Error).message}`);
  }
  if (res.status === 401 || res.status === 403) throw new PullError(`CMS refused the build token (${res.status}) for ${url}`);
  if (!res.ok) throw new PullError(`CMS answered ${res.status} for ${url}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/** Runs `work` on every item, at most `limit` at a time, and keeps the order of the answers. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
