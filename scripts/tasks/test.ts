/**
 * `npm test`: builds the CMS when its sources changed (from the committed schema
 * files: no regeneration, so the drift test can catch a stale cms/), then runs
 * the lint and formatting check (`npm run lint`), the strict type checks (workspace, site, .astro files) and every vitest project, and ends with one summary
 * line ("vitest: N passed, N failed"). Extra arguments go to vitest. With `--project <name>` it is a quick
 * check of those projects: no lint, no type checks, and no CMS build unless the `cms` or `e2e` project is one of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCmsBuilt } from '../lib/cms.ts';
import { checkCodeStyle } from '../lib/code-style.ts';
import { repoRoot } from '../lib/paths.ts';
import { run } from '../lib/processes.ts';

/** The vitest projects named with --project (none: every project). */
function chosenProjects(args: string[]): string[] {
  const chosen: string[] = [];
  args.forEach((arg, i) => {
    if (arg === '--project' && args[i + 1]) chosen.push(args[i + 1]);
    else if (arg.startsWith('--project=')) chosen.push(arg.slice('--project='.length));
  });
  return chosen;
}
/** The vitest projects that boot a real Strapi (test-support/cms-global-setup.ts), so need cms/dist. */
const PROJECTS_ON_THE_CMS = ['cms', 'e2e'];
const projects = chosenProjects(process.argv.slice(2));
// A run of chosen projects is a quick check: the CMS is built only for the tests that run it, and the type checks are left to the full run.
const focused = projects.length > 0;
if (!focused || projects.some((p) => PROJECTS_ON_THE_CMS.includes(p))) await ensureCmsBuilt();
const typescript = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const astro = path.join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-vitest-')), 'report.json');

let failed = false;
if (!focused) {
  // Lint and formatting problems fail the run, but the type checks and the tests still run.
  await checkCodeStyle().then(
    () => console.log('[lint] ESLint and Prettier: no problems'),
    (error: Error) => {
      console.error(error.message);
      failed = true;
    },
  );
}
try {
  if (!focused) {
    await run(process.execPath, [typescript, '-p', repoRoot], { cwd: repoRoot });
    // The .astro files, type-checked against the fixture snapshot (this also generates site/.astro/).
    await run(process.execPath, [astro, 'check'], {
      cwd: path.join(repoRoot, 'site'),
      env: { ...process.env, SSC_SNAPSHOT_DIR: path.join(repoRoot, 'site', 'test', 'fixtures', 'snapshot'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    // After astro check, which writes the content collections' types (site/.astro/) that the site's TypeScript needs.
    await run(process.execPath, [typescript, '-p', path.join(repoRoot, 'site')], { cwd: repoRoot });
  }
  await run(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
    cwd: repoRoot,
  });
} catch {
  failed = true;
}
if (fs.existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(fs.readFileSync(report, 'utf8'));
  console.log(`vitest: ${numPassedTests} passed, ${numFailedTests} failed${numPendingTests ? `, ${numPendingTests} skipped` : ''}`);
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
