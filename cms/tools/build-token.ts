/**
 * The read-only API token the site build uses to pull published content. Its
 * key is shown only when created, so the start script keeps it in cms/.env
 * (CMS_BUILD_TOKEN); when that key is missing or no longer valid, the token is
 * regenerated and the new key returned.
 */
import type { Core } from '@strapi/strapi';

export const BUILD_TOKEN_NAME = 'site-build';

interface TokenService {
  hash(accessKey: string): string;
  getByName(name: string): Promise<{ id: number } | null>;
  getByAccessKey(hash: string): Promise<{ id: number; name: string } | null>;
  create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  regenerate(id: number): Promise<{ accessKey: string }>;
}

/** Returns a new key when one had to be made, or null when `currentKey` is still valid. */
export async function ensureBuildToken(strapi: Core.Strapi, currentKey: string | undefined): Promise<string | null> {
  const tokens = strapi.service('admin::api-token-content-api') as unknown as TokenService;
  if (currentKey) {
    const found = await tokens.getByAccessKey(tokens.hash(currentKey));
    if (found?.name === BUILD_TOKEN_NAME) return null;
  }
  const existing = await tokens.getByName(BUILD_TOKEN_NAME);
  if (existing) return (await tokens.regenerate(existing.id)).accessKey;
  const created = await tokens.create({
    name: BUILD_TOKEN_NAME,
    description: 'Read-only token of the site build (pull step). Managed by npm start; regenerate it there, not here.',
    type: 'read-only',
    lifespan: null,
  });
  return created.accessKey;
}
