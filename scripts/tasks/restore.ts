/**
 * `npm run restore -- <archive> [--force] [--accept-new-secrets]`: restores a backup
 * into the database and uploads folder that cms/.env and the environment configure.
 * Refuses a damaged or mismatched archive, a target that holds data (unless --force),
 * and a target whose API_TOKEN_SALT, TRANSFER_TOKEN_SALT or ENCRYPTION_KEY differ
 * from the backed-up instance's (unless --accept-new-secrets). Stop the CMS first.
 */
import { parseArgs } from 'node:util';
import { describeDatabase, instanceFromEnv } from '../lib/backup/instance.ts';
import { RestoreRefused } from '../lib/backup/refusal.ts';
import { restoreBackup } from '../lib/backup/restore-backup.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean' }, 'accept-new-secrets': { type: 'boolean' } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run restore -- <archive> [--force] [--accept-new-secrets]');
  process.exit(2);
}

try {
  const instance = instanceFromEnv();
  console.log(`[restore] into ${describeDatabase(instance.database)}, uploads in ${instance.uploadsDir}`);
  const result = await restoreBackup(positionals[0], instance, { force: values.force, acceptNewSecrets: values['accept-new-secrets'], log: console.log });
  for (const warning of result.warnings) console.warn(`[restore] warning: ${warning}`);
  console.log(`[restore] done in ${result.seconds.toFixed(1)} s; start the CMS with the same secrets as the backed-up instance`);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof RestoreRefused ? `[restore] refused: ${message}` : `[restore] failed, the target is as it was: ${message}`);
  process.exit(1);
}
