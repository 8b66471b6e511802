/** `npm run seed`: loads the demo content into the CMS database (idempotent). */
import { ensureEnvFile, readEnvFile } from '../lib/env-file.ts';
import { ensureCmsBuilt, generateCmsSchemas, runSeed } from '../lib/cms.ts';

ensureEnvFile();
generateCmsSchemas();
await ensureCmsBuilt();
await runSeed(process.argv.slice(2), { ...readEnvFile(), ...process.env });
