/** /api/index.json: every locale's content types with their totals and page URLs. */
import type { APIRoute } from 'astro';
import { apiIndex, apiJson } from '../../lib/static-api.ts';

export const GET: APIRoute = async ({ site }) => apiJson(await apiIndex(new URL(site ?? 'http://127.0.0.1:4321')));
