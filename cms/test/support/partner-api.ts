/** A client of the partner API for tests, and a partner that syncs through /changes. */
import { fetchJson } from '../../../test-support/fetch-json.ts';
import { cms } from './http.ts';

export interface PartnerResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export const partnerKey = (name = 'test partner') => cms().partnerTokens[name];

export async function partnerGet<T = any>(
  pathAndQuery: string,
  key: string | null = partnerKey(),
  headers: Record<string, string> = {},
): Promise<PartnerResponse<T>> {
  return fetchJson<T>(`${cms().url}/api/syndication${pathAndQuery}`, { headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers } });
}

export const itemKeyOf = (i: { type: string; documentId: string; locale: string }) => `${i.type}:${i.documentId}:${i.locale}`;

/** Every item of a listing, following nextCursor. */
export async function allItems(query = '', key?: string): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res: PartnerResponse = await partnerGet(`/items?pageSize=100${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, key);
    if (res.status !== 200) throw new Error(`items: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.data);
    cursor = res.body.meta.nextCursor;
  } while (cursor);
  return items;
}

/** A syndication partner's local copy, kept by replaying /changes. */
export class SyncingPartner {
  cursor = '0';
  readonly items = new Map<string, any>();
  readonly seen: any[] = [];

  async sync(limit = 50): Promise<void> {
    for (;;) {
      const res = await partnerGet(`/changes?since=${this.cursor}&limit=${limit}`);
      if (res.status !== 200) throw new Error(`changes: ${res.status} ${JSON.stringify(res.body)}`);
      for (const change of res.body.data) {
        this.seen.push(change);
        const key = itemKeyOf(change);
        if (change.kind === 'unpublish' || change.kind === 'delete') this.items.delete(key);
        else if (change.item) this.items.set(key, change.item);
      }
      this.cursor = res.body.meta.nextCursor;
      if (!res.body.meta.hasMore) return;
    }
  }
}
