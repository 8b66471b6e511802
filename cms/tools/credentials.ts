/**
 * The certificates' keys and records, from the command line (`npm run credentials -- …`):
 *   rotate-key                   retires the signing key and makes a new one (retired keys stay published)
 *   keys                         lists the signing keys (ids and dates, never a private key)
 *   revoke <credential id>       revokes a certificate (as the chief editor does in the admin)
 *   issue --learner-id N --email E --course <documentId> --locale L
 *                                issues a certificate, as the progress part does on completion
 * With --json, the last line printed is JSON. Rotation and revocation change the published
 * files: the next pull (a rebuild) publishes them.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { cmsDir, runWithStrapi } from './strapi-app.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    'learner-id': { type: 'string' },
    email: { type: 'string' },
    course: { type: 'string' },
    locale: { type: 'string' },
  },
});

const require = createRequire(import.meta.url);
const load = <T>(rel: string) => require(path.join(cmsDir, 'dist', 'src', 'lib', 'learning', 'certificates', rel)) as T;
const keys = load<typeof import('../src/lib/learning/certificates/signing-keys')>('signing-keys.js');
const certificates = load<typeof import('../src/lib/learning/certificates/certificates')>('certificates.js');
const { ensureCertificateTables } = load<typeof import('../src/lib/learning/certificates/tables')>('tables.js');

const USAGE =
  'usage: npm run credentials -- rotate-key | keys | revoke <credential id> | issue --learner-id N --email E --course <documentId> --locale L  [--json]';
const [command, argument] = positionals;
if (!command || !['rotate-key', 'keys', 'revoke', 'issue'].includes(command)) {
  console.error(USAGE);
  process.exit(2);
}

const print = (json: unknown, text: string) => console.log(values.json ? JSON.stringify(json) : text);

await runWithStrapi('credentials', async (strapi) => {
  const db = strapi.db.connection;
  await ensureCertificateTables(db);
  if (command === 'rotate-key') {
    const key = await keys.rotateSigningKey(db);
    await certificates.requestSiteRebuild('learning.key.rotate');
    print({ keyId: key.key_id }, `New signing key ${key.key_id}. Earlier keys are retired and stay published; the next site build publishes the new one.`);
  } else if (command === 'keys') {
    const rows = await keys.allSigningKeys(db);
    const list = rows.map((k) => ({
      keyId: k.key_id,
      created: new Date(k.created_at).toISOString(),
      retired: k.retired_at ? new Date(k.retired_at).toISOString() : null,
    }));
    print(
      { keys: list },
      list.map((k) => `${k.retired ? 'retired' : 'current'}  ${k.keyId}  created ${k.created}${k.retired ? `, retired ${k.retired}` : ''}`).join('\n') ||
        'No keys yet.',
    );
  } else if (command === 'revoke') {
    if (!argument) throw new Error(USAGE);
    const id = argument.replace(/^urn:uuid:/, '');
    if (!(await certificates.revokeCertificate(strapi, id))) throw new Error(`no certificate ${argument}`);
    print({ id, revoked: true }, `Certificate ${id} revoked; the next site build publishes the status list.`);
  } else {
    const learnerId = Number(values['learner-id']);
    if (!Number.isInteger(learnerId) || !values.email || !values.course || !values.locale) throw new Error(USAGE);
    await keys.ensureSigningKey(db);
    const issued = await certificates.issueCertificate(strapi, {
      learner: { id: learnerId, email: values.email },
      courseDocumentId: values.course,
      locale: values.locale,
    });
    print({ id: issued.id, credential: issued.credential }, `Certificate ${issued.id} issued.`);
  }
});
