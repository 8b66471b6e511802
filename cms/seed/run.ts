/**
 * `npm run seed`: loads the demo content into the CMS database, idempotently.
 * Prints one line per document it creates and a summary; prints JSON with `--json`.
 */
import { runWithStrapi } from '../tools/strapi-app.ts';
import { loadDemoContent } from './load-content.ts';
import { seedDemoContent, summarizeSeed } from './seed.ts';

const json = process.argv.includes('--json');
const log = json ? () => {} : (line: string) => console.log(line);
const content = loadDemoContent();

await runWithStrapi('seed', async (strapi) => {
  log('[seed] loading demo content…');
  const report = await seedDemoContent(strapi, content, log);
  if (json) console.log(JSON.stringify(report));
  else log(summarizeSeed(report));
});
