/** Every secret the CMS needs (cms/config reads them from the environment), with how to make a fresh one. */
import crypto from 'node:crypto';

const random = () => crypto.randomBytes(24).toString('base64');

export const SECRET_GENERATORS: Record<string, () => string> = {
  APP_KEYS: () => [random(), random(), random(), random()].join(','),
  API_TOKEN_SALT: random,
  ADMIN_JWT_SECRET: random,
  TRANSFER_TOKEN_SALT: random,
  JWT_SECRET: random,
  ENCRYPTION_KEY: random,
  /** Shared by the CMS's "Site rebuild" webhook and the rebuild service. */
  SITE_REBUILD_SECRET: random,
  /** Signs preview URLs (the CMS) and lets the preview service read the entry they name. */
  SITE_PREVIEW_SECRET: random,
};
