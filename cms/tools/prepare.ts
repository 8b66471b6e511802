/**
 * What `npm start` does to the database before the CMS serves requests, in one
 * Strapi load: seed the demo content when the database holds no content
 * (`--seed-if-empty`), and make sure the site build's API token exists
 * (`--build-token`, checking the key in CMS_BUILD_TOKEN). Prints progress, then
 * a last line of JSON: { "seeded": boolean, "buildToken": string | null }.
 */
import { runWithStrapi } from './strapi-app.ts';
import { ensureBuildToken } from './build-token.ts';
import { loadDemoContent } from '../seed/load-content.ts';
import { countContentEntries, seedDemoContent, summarizeSeed } from '../seed/seed.ts';

const seedIfEmpty = process.argv.includes('--seed-if-empty');
const wantToken = process.argv.includes('--build-token');

await runWithStrapi('prepare', async (strapi) => {
  let seeded = false;
  if (seedIfEmpty) {
    const existing = await countContentEntries(strapi);
    if (existing > 0) {
      console.log(`[seed] the database already holds ${existing} content entries: demo content not loaded (\`npm run seed\` adds what is missing)`);
    } else {
      console.log('[seed] empty database: loading demo content…');
      console.log(summarizeSeed(await seedDemoContent(strapi, loadDemoContent())));
      seeded = true;
    }
  }
  const buildToken = wantToken ? await ensureBuildToken(strapi, process.env.CMS_BUILD_TOKEN) : null;
  console.log(JSON.stringify({ seeded, buildToken }));
});
