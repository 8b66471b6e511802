import type { Core } from '@strapi/strapi';
import { previewSettings, sitePreviewUrl } from '../src/lib/site-preview';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // "Open preview" in the edit view: the entry's draft rendered by the site's own pages (src/lib/site-preview.ts).
  preview: {
    enabled: previewSettings() !== null,
    config: {
      allowedOrigins: previewSettings() ? [new URL(previewSettings()!.url).origin] : [],
      handler: (uid, params) => sitePreviewUrl(strapi, uid, params),
    },
  },
  autoOpen: false,
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;
