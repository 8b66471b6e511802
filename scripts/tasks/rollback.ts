/**
 * `npm run rollback [-- <release>]`: switches `live` back to the release before the
 * live one, or to the named release (see `npm run releases`), atomically.
 */
import { pipelineConfig } from '../lib/config.ts';
import { rollback, RollbackRefused } from '../lib/rollback.ts';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (wanted.length > 1) {
  console.error('usage: npm run rollback [-- <release>]');
  process.exit(2);
}
const config = pipelineConfig();
try {
  const { from, to } = rollback(config.releases, wanted[0]);
  console.log(from === to ? `[rollback] ${to} is already live` : `[rollback] live: ${from ?? 'nothing'} → ${to}`);
} catch (error) {
  console.error(
    error instanceof RollbackRefused ? `[rollback] refused, live is unchanged: ${error.message}` : `[rollback] failed: ${(error as Error).message}`,
  );
  process.exit(1);
}
