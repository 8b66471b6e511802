/**
 * Building and running the CMS from the pipeline: generate schemas from the model,
 * build Strapi when its sources changed, seed, and start it as a child process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { strapiFiles } from '@ssc/content-schemas';
import { writeGeneratedFiles } from './generated-files.ts';
import { cmsDir, repoRoot } from './paths.ts';
import { run, spawnService, stopProcess, waitForHttp } from './processes.ts';

const strapiBin = path.join(repoRoot, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const buildStamp = path.join(cmsDir, 'dist', '.ssc-build-stamp');

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A hash of everything that goes into `strapi build`. */
export function cmsSourceFingerprint(): string {
  const hash = crypto.createHash('sha256').update(process.version);
  const files = [
    ...listFiles(path.join(cmsDir, 'src')),
    ...listFiles(path.join(cmsDir, 'config')),
    path.join(cmsDir, 'tsconfig.json'),
    path.join(cmsDir, 'package.json'),
    path.join(repoRoot, 'package-lock.json'),
  ];
  for (const file of files) hash.update(path.relative(repoRoot, file)).update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** Writes Strapi's schema files from content-schemas; returns the files that changed. */
export function generateCmsSchemas(): string[] {
  return writeGeneratedFiles(strapiFiles());
}

/** Builds the CMS (TypeScript and admin panel) unless the last build matches the sources. */
export async function ensureCmsBuilt(log: (line: string) => void = console.log): Promise<boolean> {
  const fingerprint = cmsSourceFingerprint();
  if (fs.existsSync(buildStamp) && fs.readFileSync(buildStamp, 'utf8') === fingerprint) return false;
  log('[cms] building Strapi (TypeScript and admin panel, about a minute)…');
  const started = Date.now();
  await run(process.execPath, [strapiBin, 'build'], { cwd: cmsDir, env: { ...process.env, NODE_ENV: 'production' } });
  fs.writeFileSync(buildStamp, fingerprint);
  log(`[cms] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** Runs the seed in its own process (it loads Strapi without a server). */
export function runSeed(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return run(process.execPath, [path.join(cmsDir, 'seed', 'run.ts'), ...args], { cwd: cmsDir, env });
}

export interface PrepareResult {
  seeded: boolean;
  /** A new build token key, when the one in CMS_BUILD_TOKEN was missing or invalid. */
  buildToken: string | null;
}

/**
 * Seeds an empty database and checks the build token, in one process that loads
 * Strapi without serving (cms/tools/prepare.ts). Its progress lines are passed on.
 */
export function prepareCms(env: NodeJS.ProcessEnv, options: { seedIfEmpty: boolean }): Promise<PrepareResult> {
  const args = [path.join(cmsDir, 'tools', 'prepare.ts'), '--build-token', ...(options.seedIfEmpty ? ['--seed-if-empty'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: cmsDir, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('{"seeded"')) last = line;
      else console.log(line);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || !last) reject(new Error(`preparing the CMS failed (exit ${code})`));
      else resolve(JSON.parse(last) as PrepareResult);
    });
  });
}

export interface RunningCms {
  url: string;
  child: ChildProcess;
}

/**
 * Node flags of the CMS process (CMS_NODE_OPTIONS, space-separated). V8 sizes its
 * heap from the machine's memory, so on a large machine it lets the CMS grow to
 * 530 MB resident while its live heap after boot is about 120 MB. By default the
 * young generation is capped at 4 MB per semi-space and the old generation at
 * 256 MB: 345 MB while serving partners at 10,000 entries, at the same throughput
 * (`npm run bench -- api`; docs/security.md, Bounded memory).
 */
export const DEFAULT_CMS_NODE_OPTIONS = '--max-semi-space-size=4 --max-old-space-size=256';

export function cmsNodeFlags(env: NodeJS.ProcessEnv): string[] {
  return (env.CMS_NODE_OPTIONS ?? DEFAULT_CMS_NODE_OPTIONS).split(/\s+/).filter(Boolean);
}

/** Starts `strapi start` and resolves once /_health answers. */
export async function startCms(env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): Promise<RunningCms> {
  const host = env.HOST ?? '127.0.0.1';
  const port = env.PORT ?? '1337';
  const child = spawnService(process.execPath, [...cmsNodeFlags(env), strapiBin, 'start'], {
    cwd: cmsDir,
    env,
    stdio: options.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  const url = `http://${host}:${port}`;
  try {
    await waitForHttp(`${url}/_health`, child);
  } catch (error) {
    // A CMS that never became ready (a timeout) must not be left running.
    await stopProcess(child);
    throw error;
  }
  return { url, child };
}
