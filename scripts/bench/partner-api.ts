/**
 * The partner API under load (the `api` benchmark, benchmarks/api.ts): list and single-item throughput and
 * p50/p99 latency on the reference corpus (2,000 documents × 5 locales = 10,000
 * published entries), next to the same queries on Strapi's own REST endpoint, in
 * the same run, with autocannon against 127.0.0.1. Budget (platform guide): a
 * cached list query at ≥ 1,000 req/s with p99 ≤ 50 ms on 2 cores.
 *
 * The loaded database is cached in .cache/bench/partner-api/ (git-ignored) and
 * rebuilt when the corpus, the content types or the loader change.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SECRET_GENERATORS } from '../lib/env-file.ts';
import { ensureCmsBuilt, startCms } from '../lib/cms.ts';
import { cmsDir } from '../lib/paths.ts';
import { freePort, stopProcess } from '../lib/processes.ts';
import { ensureCorpus } from './corpus.ts';
import { benchCacheDir } from './paths.ts';
import { sampleRss } from './process-memory.ts';
import { runJsonReport } from '../../test-support/json-report.ts';

export interface ApiBenchRun {
  name: string;
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
  /** The CMS process's peak resident memory during this stage, in MB. */
  cmsPeakRssMb: number | null;
}

export interface ApiBenchResult {
  benchmark: 'api';
  entries: number;
  database: 'sqlite';
  connections: number;
  durationSeconds: number;
  cpus: number;
  loadSeconds: number | null;
  runs: ApiBenchRun[];
  budget: { minRequestsPerSecond: number; maxP99Ms: number; listQueryMeets: boolean; maxPeakRssMb: number; partnerStagesMeetRss: boolean };
}

export interface ApiBenchOptions {
  durationSeconds?: number;
  connections?: number;
  documents?: number;
  log?: (line: string) => void;
}

/**
 * Two loads of the corpus are cached side by side: `api` (text and taxonomy, what the
 * partner API serves) and `site` (also the images, attachments and course modules a
 * page needs, and the uploads folder they live in: what the publish benchmark builds).
 */
export type CorpusVariant = 'api' | 'site';
const cacheRoots: Record<CorpusVariant, string> = { api: path.join(benchCacheDir, 'partner-api'), site: path.join(benchCacheDir, 'site-corpus') };

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** What the cached database depends on. */
function cacheKey(corpusFile: string): string {
  const hash = crypto.createHash('sha256');
  const schemas = listFiles(path.join(cmsDir, 'src')).filter((f) => f.endsWith('schema.json') || f.includes(`${path.sep}components${path.sep}`));
  // corpus-snapshot.ts names the demo media that bench-corpus.ts uploads with --complete.
  const loader = [path.join(cmsDir, 'tools', 'bench-corpus.ts'), fileURLToPath(new URL('./corpus-snapshot.ts', import.meta.url))];
  for (const f of [corpusFile, ...loader, path.join(cmsDir, 'src', 'lib', 'syndication', 'serialize.ts'), ...schemas]) {
    hash.update(path.basename(f)).update(fs.readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}

interface CachedCorpus {
  key: string;
  entries: number;
  loadSeconds: number;
  env: Record<string, string>;
  apiToken: string;
  partnerToken: string;
  sample: string;
}

/** What cms/tools/bench-corpus.ts prints as its last line. */
interface LoadedCorpus {
  entries: number;
  seconds: number;
  apiToken: string;
  partnerToken: string;
  sample: string;
}

/** The loaded corpus database, from the cache or freshly built; `publicDir` holds its uploads (`site` variant). */
export async function corpusDatabase(
  documents: number,
  log: (line: string) => void,
  variant: CorpusVariant = 'api',
): Promise<{ cached: CachedCorpus; dbFile: string; publicDir: string; fresh: boolean }> {
  const corpusFile = await ensureCorpus(documents);
  const key = cacheKey(corpusFile);
  const cacheRoot = cacheRoots[variant];
  const dir = path.join(cacheRoot, key);
  const publicDir = path.join(dir, 'public');
  const metaFile = path.join(dir, 'corpus.json');
  const dbFile = path.join(dir, 'cms.db');
  if (fs.existsSync(metaFile) && fs.existsSync(dbFile)) return { cached: JSON.parse(fs.readFileSync(metaFile, 'utf8')), dbFile, publicDir, fresh: false };
  fs.rmSync(cacheRoot, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const env = {
    ...Object.fromEntries(Object.entries(SECRET_GENERATORS).map(([k, make]) => [k, make()])),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'loading.db'),
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  log(
    `loading the reference corpus (${documents} documents × 5 locales${variant === 'site' ? ', with images and attachments' : ''}) into a fresh CMS database in bulk (cached afterwards)…`,
  );
  const args = ['--corpus', corpusFile, ...(variant === 'site' ? ['--complete'] : [])];
  const loaded = await runJsonReport<LoadedCorpus>(path.join(cmsDir, 'tools', 'bench-corpus.ts'), args, {
    cwd: cmsDir,
    env: { ...process.env, ...env, PUBLIC_DIR: publicDir, ENV_PATH: path.join(dir, 'no.env') },
    stderr: 'inherit',
  });
  fs.renameSync(env.DATABASE_FILENAME, dbFile);
  const cached: CachedCorpus = {
    key,
    entries: loaded.entries,
    loadSeconds: loaded.seconds,
    env,
    apiToken: loaded.apiToken,
    partnerToken: loaded.partnerToken,
    sample: loaded.sample,
  };
  fs.writeFileSync(metaFile, JSON.stringify(cached, null, 2), { mode: 0o600 });
  log(`loaded ${loaded.entries} entries in ${loaded.seconds.toFixed(1)} s`);
  return { cached, dbFile, publicDir, fresh: true };
}

const MB = 1024 * 1024;
/** Budget for the CMS process while it serves partner traffic at 10,000 entries. */
const MAX_PEAK_RSS_MB = 400;

async function measure(
  name: string,
  url: string,
  token: string,
  options: Required<Pick<ApiBenchOptions, 'durationSeconds' | 'connections'>>,
  cmsPid: number,
  extra: Record<string, string> = {},
): Promise<ApiBenchRun> {
  const headers = { authorization: `Bearer ${token}`, ...extra };
  const rss = sampleRss(cmsPid);
  // Warm up (and check the answer) before measuring.
  for (let i = 0; i < 20; i++) {
    const res = await fetch(url, { headers });
    if (res.status !== 200) throw new Error(`${name}: ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
  }
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.durationSeconds });
  const peak = rss.stop();
  return {
    name,
    path: new URL(url).pathname + new URL(url).search,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    cmsPeakRssMb: peak === null ? null : Math.round(peak / MB),
  };
}

export async function benchPartnerApi(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const log = options.log ?? console.log;
  const durationSeconds = options.durationSeconds ?? 10;
  const connections = options.connections ?? 10;
  const documents = options.documents ?? 2000;
  await ensureCmsBuilt(log);
  const { cached, dbFile, fresh } = await corpusDatabase(documents, log);
  // Each run starts from a copy, so the cache stays as loaded.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-bench-api-'));
  const runDb = path.join(tmp, 'cms.db');
  fs.copyFileSync(dbFile, runDb);
  const port = await freePort();
  const cms = await startCms(
    {
      ...process.env,
      ...cached.env,
      DATABASE_FILENAME: runDb,
      ENV_PATH: path.join(tmp, 'no.env'),
      HOST: '127.0.0.1',
      PORT: String(port),
      SSC_SITE_URL: 'https://knowledge.example.org',
    },
    { quiet: true },
  );
  const runs: ApiBenchRun[] = [];
  try {
    const base = `${cms.url}/api`;
    const list = 'locale=en&pageSize=25&type=news';
    // The partner stages first: their memory is what the budget is about, before Strapi's REST stages grow the heap.
    const plan: [string, string, string, Record<string, string>?][] = [
      ['partner API: list (news, en, 25 per page)', `${base}/syndication/items?${list}`, cached.partnerToken],
      ['partner API: list, gzip', `${base}/syndication/items?${list}`, cached.partnerToken, { 'accept-encoding': 'gzip' }],
      ['partner API: one item', `${base}/syndication/items/${cached.sample}?locale=en`, cached.partnerToken],
      ['Strapi REST: list (news, en, 25 per page)', `${base}/news?locale=en&pagination[pageSize]=25&sort=date:desc`, cached.apiToken],
      ['Strapi REST: one item', `${base}/news/${cached.sample}?locale=en`, cached.apiToken],
    ];
    for (const [name, url, token, extra] of plan) {
      log(`${name}…`);
      const run = await measure(name, url, token, { durationSeconds, connections }, cms.child.pid!, extra);
      log(`  ${run.requestsPerSecond} req/s, p99 ${run.latencyP99Ms} ms, CMS peak RSS ${run.cmsPeakRssMb} MB`);
      runs.push(run);
    }
  } finally {
    await stopProcess(cms.child);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const listRun = runs[0];
  return {
    benchmark: 'api',
    entries: cached.entries,
    database: 'sqlite',
    connections,
    durationSeconds,
    cpus: os.availableParallelism(),
    loadSeconds: fresh ? cached.loadSeconds : null,
    runs,
    budget: {
      minRequestsPerSecond: 1000,
      maxP99Ms: 50,
      listQueryMeets: listRun.requestsPerSecond >= 1000 && listRun.latencyP99Ms <= 50 && listRun.non2xx === 0,
      maxPeakRssMb: MAX_PEAK_RSS_MB,
      partnerStagesMeetRss: runs.filter((r) => r.name.startsWith('partner')).every((r) => r.cmsPeakRssMb !== null && r.cmsPeakRssMb <= MAX_PEAK_RSS_MB),
    },
  };
}
