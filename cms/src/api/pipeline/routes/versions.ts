/**
 * GET /api/pipeline/versions: the version of every published entry, for the pipeline's
 * incremental pull (scripts/lib/pull-listing.ts). Its action is a `find`, so the
 * read-only build token may call it; the public role has no permission for it.
 */
export default {
  routes: [{ method: 'GET', path: '/pipeline/versions', handler: 'versions.find', config: { policies: [], middlewares: [] } }],
};
