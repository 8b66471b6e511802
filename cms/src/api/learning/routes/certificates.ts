/** The certificates' routes (docs/cloud-school.md, "Routes"). */
const open = { auth: false as const, policies: [], middlewares: [] };

export default {
  routes: [
    { method: 'GET', path: '/learning/certificates/:file', handler: 'certificates.show', config: open },
    // Strapi's API-token authentication: the pull's read-only build token reads it (a `find` action).
    { method: 'GET', path: '/learning/published-credentials', handler: 'published-credentials.find', config: { policies: [], middlewares: [] } },
  ],
};
