import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a TLS-terminating front (nginx, a load balancer): trust its X-Forwarded-Proto/Host/For, so that
  // cookies are Secure and rate limits see the client's address (the last one the front added).
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  app: {
    keys: env.array('APP_KEYS')!,
  },
  cron: { enabled: false },
  // Strapi's public folder; the local upload provider keeps media in its uploads/ subfolder.
  // Relative to cms/. Backups read the uploads from here and restores write them here.
  dirs: { public: env('PUBLIC_DIR', './public') },
});

export default config;
