/** Minimal valid documents for tests that create their own content. */
import crypto from 'node:crypto';

export const uniqueSlug = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}`;

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
