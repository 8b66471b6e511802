import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  proxy: env.bool('IS_PROXIED', false),
  app: {
    keys: env.array('APP_KEYS')!,
  },
  cron: { enabled: false },
  // Strapi's public folder; the local upload provider keeps media in its uploads/ subfolder.
  // Relative to cms/. Backups read the uploads from here and restores write them here.
  dirs: { public: env('PUBLIC_DIR', './public') },
});

export default config;
