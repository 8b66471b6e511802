/**
 * `npm run seed`: loads the demo content into the CMS database, idempotently.
 * `--if-empty` seeds only a database that holds no content yet (used by `npm start`).
 * Prints one line per document it creates and a summary; prints JSON with `--json`.
 */
import { contentTypes, strapiUid } from '@ssc/content-schemas';
import { loadDemoContent } from './load-content.ts';
import { loadStrapi } from './strapi-app.ts';
import { seedDemoContent } from './seed.ts';

const ifEmpty = process.argv.includes('--if-empty');
const json = process.argv.includes('--json');
const log = json ? () => {} : (line: string) => console.log(line);

const content = loadDemoContent();
const strapi = await loadStrapi();
let exitCode = 0;
try {
  let existing = 0;
  for (const type of contentTypes) existing += await strapi.db.query(strapiUid(type) as never).count();
  if (ifEmpty && existing > 0) {
    log(`[seed] the database already holds ${existing} content entries: demo content not loaded (run \`npm run seed\` to add what is missing)`);
  } else {
    log('[seed] loading demo content…');
    const report = await seedDemoContent(strapi, content, log);
    if (json) console.log(JSON.stringify(report));
    else {
      const created = Object.entries(report.created).map(([k, v]) => `${k} ${v}`).join(', ') || 'nothing';
      log(`[seed] done in ${report.seconds.toFixed(1)} s: created ${created} translations; published ${report.published}; uploaded ${report.uploads} files`);
    }
  }
} catch (error) {
  console.error('[seed] failed:', error instanceof Error ? error.message : error);
  if (error && typeof error === 'object' && 'details' in error) console.error(JSON.stringify((error as { details: unknown }).details, null, 2));
  exitCode = 1;
} finally {
  // On PostgreSQL, Strapi's background work may still wait for a pooled connection when
  // the pool closes; those waits are rejected with "aborted", which is harmless here.
  process.on('unhandledRejection', (reason) => {
    if (!(reason instanceof Error && reason.message === 'aborted')) throw reason;
  });
  await strapi.destroy();
}
process.exit(exitCode);
