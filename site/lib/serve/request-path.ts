/**
 * Reading the request target of a static-file request, and writing the only kind
 * of redirect the server sends.
 *
 * The path is split on `/` *before* percent-decoding, and every segment must decode
 * to a plain file name: no `.` or `..`, no empty segment (`//`), no `/`, `\`, NUL or
 * other control character hidden behind an escape. Anything else is not a path the
 * site can have, and is answered as a miss, so no variant of a URL can climb out of
 * the served folder or smuggle a second slash into a redirect.
 */

export interface RequestPath {
  /** The decoded path segments, each a plain file or folder name. */
  segments: string[];
  /** Whether the path ended with `/` (a directory URL). */
  trailingSlash: boolean;
  /** The query, with its leading `?`, or ''. */
  search: string;
}

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const FORBIDDEN_IN_SEGMENT = /[/\\\u0000-\u001f\u007f]/;

/** The path a request names, or null when it is not a clean origin-form path. */
export function parseRequestPath(target: string): RequestPath | null {
  // Only origin-form ("/path?query"); absolute-form and "*" are not for a file server.
  if (!target.startsWith('/')) return null;
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  const search = queryAt === -1 ? '' : target.slice(queryAt);
  const raw = rawPath.slice(1).split('/');
  const trailingSlash = raw.length > 0 && raw[raw.length - 1] === '';
  if (trailingSlash) raw.pop();
  const segments: string[] = [];
  for (const piece of raw) {
    let name: string;
    try {
      name = decodeURIComponent(piece);
    } catch {
      return null;
    }
    if (name === '' || name === '.' || name === '..' || FORBIDDEN_IN_SEGMENT.test(name)) return null;
    segments.push(name);
  }
  return { segments, trailingSlash, search };
}

/** True for a Location that stays on this origin: one `/`, then anything but `/` or `\`. */
export function isSameOriginPath(location: string): boolean {
  return /^\/(?![/\\])/.test(location);
}

/**
 * The Location of a redirect to the directory URL for `segments`: rebuilt from the
 * decoded segments (never copied from the request), so it always starts with exactly
 * one `/`. A query made only of visible ASCII is kept; any other is dropped.
 */
export function directoryLocation(segments: readonly string[], search: string): string {
  const location = `/${segments.map((s) => encodeURIComponent(s)).join('/')}${segments.length ? '/' : ''}`;
  const query = /^\?[\u0021-\u007e]*$/.test(search) ? search : '';
  // Belt and braces: the construction above cannot produce `//` or `/\`, but a
  // redirect must never leave the site, so check what is actually sent.
  return isSameOriginPath(location) ? location + query : '/';
}
