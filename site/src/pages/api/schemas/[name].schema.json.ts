/** /api/schemas/{index | <type>-page}.schema.json: JSON Schema of the static API, generated from content-schemas. */
import type { APIRoute } from 'astro';
import { staticApiJsonSchemas } from '@ssc/content-schemas';
import { keyOf } from '../../../lib/cache-keys.ts';
import { planned } from '../../../lib/build-plan.ts';

const schemas = staticApiJsonSchemas();

// The schemas come from code alone, which Astro's own hash of the page's code covers.
export const getStaticPaths = () =>
  planned(
    'api/schemas/[name].schema.json',
    Object.keys(schemas).map((name) => ({ params: { name }, cacheKey: keyOf('schema', name) })),
  );

export const GET: APIRoute = ({ params }) => Response.json(schemas[params.name!]);
