// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the module declaration of negotiator 1.x, needed wherever this file is compiled (the site's and the scripts' tsconfigs)
/// <reference path="./negotiator.d.ts" />
/**
 * Which content coding to send, from the client's Accept-Encoding (RFC 9110 §12.5.3),
 * decided by `negotiator` (the parser Express and Koa use): q-values count, `q=0`
 * means "not acceptable", `*` stands for every coding not named, and `identity` is
 * acceptable unless excluded by `identity;q=0` or by `*;q=0` without an `identity`
 * entry. With no Accept-Encoding at all only `identity` is sent. Between codings the
 * client weighs the same, ours is the smaller one: Brotli, then gzip, then none.
 */
import Negotiator from 'negotiator';
import type { IncomingHttpHeaders } from 'node:http';

export type Coding = 'br' | 'gzip' | 'identity';

const SERVER_PREFERENCE: Coding[] = ['br', 'gzip', 'identity'];

/**
 * The coding to answer with, among `available` (which always includes identity). When
 * the client refuses every one of them, identity is sent anyway, as RFC 9110 allows
 * (a server may disregard Accept-Encoding rather than answer 406).
 */
export function chooseCoding(headers: IncomingHttpHeaders, available: readonly Coding[]): Coding {
  const offered = SERVER_PREFERENCE.filter((c) => c === 'identity' || available.includes(c));
  const [best] = new Negotiator({ headers }).encodings(offered, { preferred: SERVER_PREFERENCE });
  return (best as Coding | undefined) ?? 'identity';
}
