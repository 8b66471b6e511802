/**
 * Where the static site is when nothing says otherwise: `npm start`'s own server on
 * this machine. The CMS (partner API links, through the generated model.json), the
 * pipeline (canonical URLs of a build) and the site (absolute links in feeds and the
 * static API) all start from these.
 */

/** The static server listens on this machine only. */
export const LOCAL_SITE_HOST = 'http://127.0.0.1';

/** The port of the static site's server (SITE_PORT overrides it). */
export const DEFAULT_SITE_PORT = 4321;

/** The site's origin on this machine for a port. */
export const localSiteUrl = (port: number | string = DEFAULT_SITE_PORT): string => `${LOCAL_SITE_HOST}:${port}`;

/** The public origin used when SSC_SITE_URL is not set. */
export const DEFAULT_SITE_URL = localSiteUrl();

/** The CMS's port on this machine when PORT does not say otherwise (Strapi's default). */
export const DEFAULT_CMS_PORT = 1337;

/**
 * The CMS's public origin when SSC_CMS_PUBLIC_URL is not set: the site's learner
 * forms (Cloud School sign-up, sign-in, password reset) post there.
 */
export const DEFAULT_CMS_PUBLIC_URL = `${LOCAL_SITE_HOST}:${DEFAULT_CMS_PORT}`;

/**
 * The CMS's public origin, which the site's forms (learner accounts, quizzes,
 * progress) post to: SSC_CMS_PUBLIC_URL, else the local CMS on PORT.
 */
export const cmsPublicUrl = (env: Record<string, string | undefined> = process.env): string =>
  (env.SSC_CMS_PUBLIC_URL || (env.PORT ? `${LOCAL_SITE_HOST}:${env.PORT}` : DEFAULT_CMS_PUBLIC_URL)).replace(/\/+$/, '');
