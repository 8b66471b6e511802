/** The site's origin, which the learning API answers cross-origin and sends learners back to. */
import { model, siteUrlFrom } from '../model';

/** SSC_SITE_URL's origin, else `npm start`'s local site (SITE_PORT or the default port). */
export function siteOrigin(env: NodeJS.ProcessEnv = process.env): string {
  try {
    return new URL(siteUrlFrom(env)).origin;
  } catch {
    return `${model.localSite.host}:${model.localSite.defaultPort}`;
  }
}

/** `url` when it is a page of the site, else the site's home: the API never redirects elsewhere. */
export function siteReturnUrl(url: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const origin = siteOrigin(env);
  try {
    const parsed = new URL(String(url));
    if (parsed.origin === origin) return parsed.href;
  } catch {
    // not a URL: the home page
  }
  return `${origin}/`;
}
