/**
 * The partner API (see cms/src/generated/partner-api.openapi.json). Strapi's own
 * authentication is off on these routes: partner tokens are checked by the
 * partner-auth middleware instead, and Strapi's API tokens do not open them.
 */
const partner = { auth: false as const, policies: [], middlewares: ['api::syndication.partner-auth'] };

export default {
  routes: [
    { method: 'GET', path: '/syndication/items', handler: 'syndication.items', config: partner },
    { method: 'GET', path: '/syndication/items/:documentId', handler: 'syndication.item', config: partner },
    { method: 'GET', path: '/syndication/changes', handler: 'syndication.changes', config: partner },
    { method: 'GET', path: '/syndication/openapi.json', handler: 'syndication.openapi', config: { auth: false as const, policies: [], middlewares: [] } },
  ],
};
