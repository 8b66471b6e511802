/** Minimal valid documents for tests that create their own content. */
import crypto from 'node:crypto';
import { contentApi } from './http.ts';

export const uniqueSlug = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

/** The documentId of a taxonomy entry by slug, read through the content API. */
export async function taxonomyId(plural: 'themes' | 'countries' | 'partners', slug: string): Promise<string> {
  const res = await contentApi(`/${plural}?filters[slug][$eq]=${slug}&locale=en`);
  const id = res.body?.data?.[0]?.documentId;
  if (!id) throw new Error(`no ${plural} with slug ${slug}: ${JSON.stringify(res.body)}`);
  return id;
}

/** The id of any uploaded image (the seed uploads several). */
export async function anyImageId(adminApi: (m: string, p: string) => Promise<{ body: any }>): Promise<number> {
  const res = await adminApi('GET', '/upload/files?filters[mime][$contains]=image&pagination[pageSize]=1');
  const file = res.body?.results?.[0] ?? res.body?.[0];
  if (!file) throw new Error(`no uploaded image: ${JSON.stringify(res.body).slice(0, 300)}`);
  return file.id;
}

export function newsData(slug: string, locale: string, imageId: number, extra: Record<string, unknown> = {}) {
  return {
    slug,
    title: `Test news ${slug} (${locale})`,
    summary: `Summary in ${locale}`,
    body: `Body of ${slug} in ${locale}.`,
    date: '2024-01-15',
    license: 'CC-BY-4.0',
    attribution: 'Test attribution',
    heroImage: { image: imageId, alt: `Alt text ${locale}` },
    ...extra,
  };
}
