/** /api/index.json: every locale's content types with their totals and page URLs. */
import type { APIRoute } from 'astro';
import { siteOrigin } from '../../lib/routes.ts';
import { apiIndex, apiJson } from '../../lib/static-api.ts';

export const GET: APIRoute = async ({ site }) => apiJson(await apiIndex(siteOrigin(site)));
