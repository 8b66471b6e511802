/**
 * Partner API tokens, from the command line (`npm run partner:token -- …`):
 *   --name "<partner>" [--description "…"] [--rate-limit N]   creates a token and prints its key once
 *   --list                                                    lists tokens (never keys)
 *   --revoke "<partner>"                                      revokes a token
 * Several --name options create several tokens. With --json, the last line printed
 * is JSON: { "created": [{ "name", "key" }], "tokens": [...] }.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { cmsDir, runWithStrapi } from './strapi-app.ts';

const { values } = parseArgs({
  options: {
    name: { type: 'string', multiple: true },
    description: { type: 'string' },
    'rate-limit': { type: 'string' },
    list: { type: 'boolean' },
    revoke: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  },
});

const require = createRequire(import.meta.url);
const tokens = require(path.join(cmsDir, 'dist', 'src', 'lib', 'syndication', 'tokens.js')) as typeof import('../src/lib/syndication/tokens');
const { PARTNER_TOKEN_UID } = require(path.join(cmsDir, 'dist', 'src', 'lib', 'syndication', 'names.js')) as typeof import('../src/lib/syndication/names');

const rateLimit = values['rate-limit'] === undefined ? null : Number(values['rate-limit']);
if (rateLimit !== null && (!Number.isInteger(rateLimit) || rateLimit < 1)) {
  console.error('--rate-limit: a whole number of requests per window, at least 1');
  process.exit(2);
}
if (!values.name?.length && !values.list && !values.revoke?.length) {
  console.error('usage: npm run partner:token -- --name "<partner>" [--description "…"] [--rate-limit N] | --list | --revoke "<partner>"');
  process.exit(2);
}

await runWithStrapi('partner-token', async (strapi) => {
  const created: { name: string; key: string }[] = [];
  for (const name of values.name ?? []) {
    const token = await tokens.createPartnerToken(strapi, { name, description: values.description, rateLimit });
    created.push({ name: token.name, key: token.key });
    if (!values.json) {
      console.log(`Partner token "${token.name}" created. Its key is shown this once and stored nowhere (only a hash is kept):\n\n  ${token.key}\n`);
      console.log('Give it to the partner over a private channel. Revoke it in the admin panel (Content Manager → Partner API token) or with --revoke.');
    }
  }
  for (const name of values.revoke ?? []) {
    const found = await strapi.db.query(PARTNER_TOKEN_UID as any).findOne({ where: { name }, select: ['documentId'] });
    if (!found) throw new Error(`no partner token named "${name}"`);
    await strapi.documents(PARTNER_TOKEN_UID as any).update({ documentId: found.documentId, data: { revoked: true } as any });
    if (!values.json) console.log(`Partner token "${name}" revoked.`);
  }
  const list = values.list
    ? ((await strapi.db
        .query(PARTNER_TOKEN_UID as any)
        .findMany({ select: ['name', 'keyPrefix', 'revoked', 'rateLimit', 'createdAt'], orderBy: { name: 'asc' } })) as any[])
    : [];
  if (values.list && !values.json) {
    if (!list.length) console.log('No partner tokens.');
    for (const t of list)
      console.log(`${t.revoked ? 'revoked' : 'active '}  ${t.keyPrefix}…  ${t.name}${t.rateLimit ? `  (${t.rateLimit} requests per window)` : ''}`);
  }
  if (values.json)
    console.log(
      JSON.stringify({ created, tokens: list.map((t) => ({ name: t.name, keyPrefix: t.keyPrefix, revoked: !!t.revoked, rateLimit: t.rateLimit ?? null })) }),
    );
});
