/**
 * `npm run backup [-- --out <file>]`: writes one archive with the CMS's database, its
 * uploads and a manifest (default: backups/ssc-backup-<time>-<client>.tar). Safe
 * while the CMS serves. Reads the database settings from cms/.env and the environment.
 */
import { parseArgs } from 'node:util';
import { createBackup } from '../lib/backup/create-backup.ts';
import { describeDatabase, instanceFromEnv } from '../lib/backup/instance.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

try {
  const instance = instanceFromEnv();
  console.log(`[backup] ${describeDatabase(instance.database)}, uploads in ${instance.uploadsDir}`);
  const result = await createBackup(instance, { out: values.out, log: console.log });
  const { counts } = result.manifest;
  for (const file of result.vanished) console.warn(`[backup] warning: uploads/${file} was deleted while the backup ran and is not in the archive`);
  console.log(
    `[backup] wrote ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB) in ${result.seconds.toFixed(1)} s: ` +
      `${Object.values(counts.tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(counts.tables).length} tables, ${counts.uploadFiles} upload files`,
  );
  console.log(
    "[backup] the archive holds no secrets: keep the instance's secrets (cms/.env) safe on their own, a restore needs them for API tokens to keep working",
  );
} catch (error) {
  console.error(`[backup] failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
