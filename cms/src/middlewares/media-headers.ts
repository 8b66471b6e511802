/**
 * Headers for media served from the CMS's own origin (`/uploads/...`): never
 * sniffed, never able to run script in this origin (a sandboxing CSP), and sent as
 * a download unless it is a type a browser only displays (raster images, video,
 * captions). The upload guard already refuses runnable types; this holds even for
 * a file that reached the folder another way.
 */
import { isInlineMedia } from '../lib/media-policy';
import { normalizedPath } from './published-only';
import type { Context, Next } from '../lib/koa';

export const MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

export default () => {
  return async (ctx: Context, next: Next) => {
    await next();
    const path = normalizedPath(ctx.path);
    if (!path.startsWith('/uploads/')) return;
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Security-Policy', MEDIA_CSP);
    if (ctx.status === 200 || ctx.status === 206 || ctx.status === 304) {
      if (!isInlineMedia(path)) ctx.set('Content-Disposition', 'attachment');
    }
  };
};
