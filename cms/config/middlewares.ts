import type { Core } from '@strapi/strapi';
import { siteOrigin } from '../src/lib/learning/site-origin';

const SYNDICATION_PREFIX = '/api/syndication/';
const LEARNING_PREFIX = '/api/learning/';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  // Read-only CORS for any origin on the partner API (before strapi::cors, which then leaves those paths alone).
  'global::syndication-cors',
  {
    name: 'strapi::cors',
    config: {
      // Stock Strapi answers every origin, with credentials, on every route. Here only the
      // origins in CORS_ORIGINS (comma-separated; none by default) may call the other routes
      // cross-origin: the admin panel is same-origin and the site is static.
      // The learning API answers the site's own origin (SSC_SITE_URL), with credentials: the progress script.
      origin: (ctx: { path: string }) =>
        ctx.path.startsWith(SYNDICATION_PREFIX) ? [] : ctx.path.startsWith(LEARNING_PREFIX) ? [siteOrigin()] : env.array('CORS_ORIGINS', []),
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  // Forces published-only reads and default populate on every content-API route.
  'global::published-only',
  'strapi::body',
  // Every uploaded file, on every route: allowed type, checked by content (lib/media-policy.ts).
  'global::upload-guard',
  'strapi::session',
  'strapi::favicon',
  // nosniff, a sandboxing CSP and downloads for /uploads.
  'global::media-headers',
  'strapi::public',
];

export default config;
