/**
 * Partner tokens: random 256-bit keys, valid on /api/syndication only. Only a
 * SHA-256 hash is stored (the key is shown once, when it is made). A key is looked
 * up at most once per TOKEN_CACHE_MS on each node; a change to any token on this
 * node (revoked, deleted, renamed) empties the cache at once.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PARTNER_TOKEN_UID } from './names';

const KEY_PREFIX = 'sscp_';
const TOKEN_CACHE_MS = 5_000;

export interface PartnerToken {
  id: number;
  name: string;
  revoked: boolean;
  /** Requests per window for this partner; null: the default. */
  rateLimit: number | null;
}

export const hashKey = (key: string) => crypto.createHash('sha256').update(key).digest('hex');

export function newKey(): string {
  return `${KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

/** Creates a token and returns its key: the only time the key exists outside the caller. */
export async function createPartnerToken(strapi: Core.Strapi, input: { name: string; description?: string; rateLimit?: number | null }) {
  const name = input.name.trim();
  if (!name) throw new Error('a partner token needs a name');
  const existing = await strapi.db.query(PARTNER_TOKEN_UID).findOne({ where: { name }, select: ['id'] });
  if (existing) throw new Error(`a partner token named "${name}" already exists`);
  const key = newKey();
  const created = await strapi.documents(PARTNER_TOKEN_UID).create({
    data: {
      name,
      description: input.description ?? null,
      keyPrefix: key.slice(0, KEY_PREFIX.length + 6),
      tokenHash: hashKey(key),
      revoked: false,
      rateLimit: input.rateLimit ?? null,
    },
  });
  return { id: created.id as number, documentId: created.documentId, name, key };
}

const cache = new Map<string, { token: PartnerToken | null; at: number }>();

export function forgetTokens(): void {
  cache.clear();
}

/** The token a key belongs to, or null; revoked tokens are returned (with `revoked`) so callers can tell. */
export async function findToken(strapi: Core.Strapi, key: string): Promise<PartnerToken | null> {
  const hash = hashKey(key);
  const hit = cache.get(hash);
  if (hit && Date.now() - hit.at < TOKEN_CACHE_MS) return hit.token;
  const row = await strapi.db.query(PARTNER_TOKEN_UID).findOne({
    where: { tokenHash: hash },
    select: ['id', 'name', 'revoked', 'rateLimit'],
  });
  const token = row ? { id: row.id, name: row.name, revoked: !!row.revoked, rateLimit: row.rateLimit ?? null } : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { token, at: Date.now() });
  return token;
}

/** Empties the cache whenever a token changes on this node (admin panel, CLI). */
export function watchTokenChanges(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [PARTNER_TOKEN_UID],
    afterCreate: forgetTokens,
    afterUpdate: forgetTokens,
    afterUpdateMany: forgetTokens,
    afterDelete: forgetTokens,
    afterDeleteMany: forgetTokens,
  });
}

/**
 * Keys are made only by `npm run partner:token`, which shows the key once and runs
 * outside any HTTP request. Inside a request (the admin panel, any API), creating
 * a token is refused whatever the request carries, a stored hash is never changed,
 * and reads never return the hash, not even to a super admin.
 */
export function registerPartnerTokenGuard(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== PARTNER_TOKEN_UID) return next();
    const inRequest = !!strapi.requestContext.get();
    const params = ctx.params as { data?: Record<string, unknown> };
    if (inRequest && (ctx.action === 'create' || ctx.action === 'clone')) {
      throw new errors.PolicyError('Partner tokens are created with `npm run partner:token -- --name "<partner>"`, which shows the key once.');
    }
    if (ctx.action === 'create' && !params.data?.tokenHash) {
      throw new errors.ValidationError('Partner tokens are created with `npm run partner:token -- --name "<partner>"`, which shows the key once.');
    }
    if (ctx.action === 'update' && params.data) {
      const { tokenHash: _hash, keyPrefix: _prefix, ...rest } = params.data;
      params.data = rest;
    }
    const result = await next();
    return inRequest ? withoutHashes(result) : result;
  });
}

function withoutHashes<T>(result: T): T {
  const strip = (entry: unknown) => {
    if (entry && typeof entry === 'object' && 'tokenHash' in entry) delete (entry as Record<string, unknown>).tokenHash;
  };
  if (Array.isArray(result)) result.forEach(strip);
  else if (result && typeof result === 'object') {
    strip(result);
    const nested = (result as { entries?: unknown; versions?: unknown }).entries ?? (result as { versions?: unknown }).versions;
    if (Array.isArray(nested)) nested.forEach(strip);
  }
  return result;
}
