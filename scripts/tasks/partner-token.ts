/**
 * `npm run partner:token -- --name "<partner>"`: creates a partner API token and
 * prints its key once (see cms/tools/partner-token.ts for --list and --revoke).
 * Works on the database in cms/.env and the environment, whether the CMS runs or not.
 */
import { runCmsTool } from '../lib/cms-tool.ts';

await runCmsTool('partner-token');
