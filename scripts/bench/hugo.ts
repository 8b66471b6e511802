/** Runs the shared Hugo anchor (hugo/run.sh) on a corpus and reads its report line. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { benchCacheDir, benchDir } from './paths.ts';

export interface HugoResult {
  version: string;
  pages: number;
  seconds: number;
}

/** Parses run.sh's last line: `hugo <version> pages=<n> wall_s=<seconds>`. */
export function parseHugoReport(output: string): HugoResult {
  const match = /hugo\s+(\S+)\s+pages=(\d+)\s+wall_s=([\d.]+)/.exec(output);
  if (!match) throw new Error(`unexpected output from hugo/run.sh:\n${output}`);
  return { version: match[1], pages: Number(match[2]), seconds: Number(match[3]) };
}

export async function runHugo(corpusFile: string): Promise<HugoResult> {
  const script = path.join(benchDir(), 'hugo', 'run.sh');
  if (!fs.existsSync(script)) throw new Error(`no ${script}: set SSC_BENCH_DIR to the shared bench folder`);
  const work = path.join(benchCacheDir, 'hugo-work');
  fs.rmSync(work, { recursive: true, force: true });
  const { stdout } = await promisify(execFile)('bash', [script, corpusFile, work], { maxBuffer: 16 * 1024 * 1024 });
  fs.rmSync(work, { recursive: true, force: true });
  return parseHugoReport(stdout);
}
