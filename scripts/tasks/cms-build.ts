/** `npm run cms:build`: regenerates the CMS schemas and builds Strapi when needed. */
import { ensureCmsBuilt, generateCmsSchemas } from '../lib/cms.ts';

generateCmsSchemas();
if (!(await ensureCmsBuilt())) console.log('[cms] build is up to date');
