/**
 * Writes Strapi's schema, component and route files from content-schemas.
 * `--check` writes nothing and exits 1 when cms/ has drifted from the model.
 */
import { strapiFiles } from '@ssc/content-schemas';
import { diffGeneratedFiles, writeGeneratedFiles } from '../lib/generated-files.ts';

const check = process.argv.includes('--check');
if (check) {
  const drift = diffGeneratedFiles(strapiFiles());
  if (drift.length) {
    console.error(`cms/ differs from content-schemas in ${drift.length} file(s):\n  ${drift.join('\n  ')}\nRun \`npm run generate\`.`);
    process.exit(1);
  }
  console.log('cms/ schemas match content-schemas.');
} else {
  const written = writeGeneratedFiles(strapiFiles());
  console.log(written.length ? `Wrote ${written.length} file(s):\n  ${written.join('\n  ')}` : 'Generated files are up to date.');
}
