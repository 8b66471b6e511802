/** /api/schemas/{index | <type>-page}.schema.json: JSON Schema of the static API, generated from content-schemas. */
import type { APIRoute } from 'astro';
import { staticApiJsonSchemas } from '@ssc/content-schemas';

const schemas = staticApiJsonSchemas();

export const getStaticPaths = () => Object.keys(schemas).map((name) => ({ params: { name } }));

export const GET: APIRoute = ({ params }) => Response.json(schemas[params.name!]);
