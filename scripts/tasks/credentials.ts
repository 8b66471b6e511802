/**
 * `npm run credentials -- rotate-key | keys | revoke <id> | issue …`: the Cloud School
 * certificates' signing keys and records (see cms/tools/credentials.ts).
 */
import { runCmsTool } from '../lib/cms-tool.ts';

await runCmsTool('credentials');
