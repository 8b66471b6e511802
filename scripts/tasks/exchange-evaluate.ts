/**
 * `npm run exchange:evaluate`: the solutions exchange's ranking on its labelled set, precision at 3 and each
 * demand's top 3 (see cms/tools/exchange-evaluate.ts for the options). Pure: needs no database and no CMS build.
 */
import path from 'node:path';
import { spawn } from 'node:child_process';
import { cmsDir } from '../lib/paths.ts';

const child = spawn(process.execPath, [path.join(cmsDir, 'tools', 'exchange-evaluate.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
