/**
 * `preview`: "Open preview" on the demo site. A CMS with a fresh database and the
 * demo content (as `npm start` seeds it), a first pull (the live snapshot previews
 * start from) and build of the live site (whose optimized images previews reuse),
 * and the preview service as `npm start` runs it. Then, for
 * SSC_BENCH_SAMPLES entries (5) across the content types and locales, an editor
 * saves a new title in the draft, asks for the preview URL as the edit view does,
 * and loads it: timed from the URL request until the whole page has arrived
 * (checked to show the new title). The very first preview (Astro's cache for
 * previews still empty) is reported apart. Budget: ≤ 2 s per preview.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { collections, contentTypes, localeCodes, readSnapshot, strapiUid, type CollectionName, type LocaleCode } from '@ssc/content-schemas';
import type { Benchmark } from '../benchmark.ts';
import { contentManager, signedInAdmin, type AdminClient } from '../cms-admin.ts';
import { benchCacheDir } from '../paths.ts';
import { summarizeSamples } from '../samples.ts';
import { ensureCmsBuilt, prepareCms, startCms } from '../../lib/cms.ts';
import { cmsDir } from '../../lib/paths.ts';
import { freePort, stopProcess } from '../../lib/processes.ts';
import { pullSnapshot } from '../../lib/pull.ts';
import { startPreviewService } from '../../lib/preview-service.ts';
import { buildRelease } from '../../lib/site-release.ts';
import { SECRET_GENERATORS } from '../../../cms/tools/secrets.ts';

const BUDGET_SECONDS = 2;

interface Sample {
  type: string;
  locale: string;
  seconds: number;
  astroSeconds: number | null;
}

/** One published entry per sample, taking the content types and locales in turn. */
function pickEntries(snapshotDir: string, count: number): { type: CollectionName; documentId: string; locale: string; title: string }[] {
  const snapshot = readSnapshot(snapshotDir);
  const picked: { type: CollectionName; documentId: string; locale: string; title: string }[] = [];
  const locales: LocaleCode[] = ['ar', ...localeCodes.filter((l) => l !== 'ar')];
  for (let round = 0; picked.length < count && round < 50; round++)
    for (const type of contentTypes) {
      const locale = locales[(picked.length + round) % locales.length];
      const entry = (snapshot.entries[type.name as CollectionName][locale] as { documentId: string; title: string }[])[round];
      if (entry && picked.length < count) picked.push({ type: type.name as CollectionName, documentId: entry.documentId, locale, title: entry.title });
    }
  if (picked.length < count) throw new Error(`the demo content has only ${picked.length} entries to preview`);
  return picked;
}

const benchmark: Benchmark = {
  description: 'draft preview: an edited entry of the demo site opened with "Open preview", timed until its page has arrived',
  async run({ log }) {
    const samples = Number(process.env.SSC_BENCH_SAMPLES || 5);
    if (!Number.isInteger(samples) || samples < 1) throw new Error('SSC_BENCH_SAMPLES must be a positive integer');
    await ensureCmsBuilt(log);
    const work = path.join(benchCacheDir, 'preview-run');
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(path.join(work, 'public', 'uploads'), { recursive: true });
    fs.copyFileSync(path.join(cmsDir, 'public', 'robots.txt'), path.join(work, 'public', 'robots.txt'));
    const [cmsPort, previewPort] = [await freePort(), await freePort()];
    const secrets = Object.fromEntries(Object.entries(SECRET_GENERATORS).map(([k, make]) => [k, make()]));
    const adminEmail = 'preview-bench@example.org';
    const adminPassword = `Bench-${crypto.randomBytes(6).toString('hex')}-A1`;
    const cmsUrl = `http://127.0.0.1:${cmsPort}`;
    const siteUrl = 'http://127.0.0.1:4321';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...secrets,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(work, 'cms.db'),
      PUBLIC_DIR: path.join(work, 'public'),
      ENV_PATH: path.join(work, 'no.env'),
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(cmsPort),
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      SSC_SITE_URL: siteUrl,
      SITE_PREVIEW_URL: `http://127.0.0.1:${previewPort}`,
      STRAPI_TELEMETRY_DISABLED: 'true',
      BROWSER: 'false',
    };
    log('seeding the demo content into a fresh database…');
    const { buildToken } = await prepareCms(env, { seedIfEmpty: true });
    const cms = await startCms(env, { quiet: true });
    const astroSeconds: number[] = [];
    const liveCacheDir = path.join(work, 'live-build-cache');
    const preview = await startPreviewService({
      port: previewPort,
      cmsUrl,
      secret: secrets.SITE_PREVIEW_SECRET,
      siteUrl,
      snapshotsDir: path.join(work, 'snapshots'),
      workDir: path.join(work, 'preview'),
      liveCacheDir,
      adminOrigins: [cmsUrl],
      log: (line) => {
        const astro = line.match(/\(Astro ([\d.]+) s\)/);
        if (astro) astroSeconds.push(Number(astro[1]));
        if (process.env.SSC_BENCH_VERBOSE || !astro) log(line);
      },
    });
    try {
      // The live site, as `npm start` builds it before anyone previews.
      const pulled = await pullSnapshot({ cmsUrl, token: buildToken!, snapshotsDir: path.join(work, 'snapshots') });
      const built = await buildRelease({
        snapshotDir: pulled.dir,
        siteUrl,
        releases: { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') },
        cacheDir: liveCacheDir,
        trigger: 'preview benchmark',
      });
      log(`live site built: ${built.pages} pages`);
      const entries = pickEntries(pulled.dir, samples + 1);
      const admin: AdminClient = await signedInAdmin(cmsUrl, adminEmail, adminPassword);
      const editor = contentManager(admin);
      const uidOf = (type: string) => strapiUid(collections.find((c) => c.name === type)!);

      /** Saves a new title in the draft, then opens the preview as the edit view does; seconds from the URL request to the whole page. */
      const previewOnce = async (entry: (typeof entries)[number], i: number): Promise<Sample> => {
        const title = `${entry.title} · ${i}-${crypto.randomBytes(3).toString('hex')}`;
        await editor.save(uidOf(entry.type), entry.documentId, entry.locale, { title });
        const before = astroSeconds.length;
        const started = performance.now();
        const answer = await admin.request(
          'GET',
          `/content-manager/preview/url/${uidOf(entry.type)}?documentId=${entry.documentId}&locale=${entry.locale}&status=draft`,
        );
        const res = await fetch(answer.data.url as string);
        const html = await res.text();
        const seconds = (performance.now() - started) / 1000;
        if (res.status !== 200 || !html.includes(title.replace(/&/g, '&amp;')))
          throw new Error(`the preview of ${entry.type} ${entry.documentId} [${entry.locale}] answered ${res.status} without the new title`);
        return { type: entry.type, locale: entry.locale, seconds: Math.round(seconds * 100) / 100, astroSeconds: astroSeconds[before] ?? null };
      };

      log('first preview (Astro’s cache for previews empty)…');
      const first = await previewOnce(entries[samples], samples);
      log(`first preview: ${first.seconds} s`);
      const taken: Sample[] = [];
      for (let i = 0; i < samples; i++) {
        const sample = await previewOnce(entries[i], i);
        log(`${sample.type} [${sample.locale}]: ${sample.seconds} s (Astro ${sample.astroSeconds} s)`);
        taken.push(sample);
      }
      const summary = summarizeSamples(taken.map((s) => s.seconds));
      const astro = summarizeSamples(taken.map((s) => s.astroSeconds ?? 0));
      const entriesCount = Object.values(pulled.manifest.counts).reduce((n, perLocale) => n + Object.values(perLocale).reduce((a, b) => a + b, 0), 0);
      const met = summary.worstSeconds <= BUDGET_SECONDS;
      return {
        results: {
          site: 'demo content (cms/seed)',
          entries: entriesCount,
          samples,
          first: { seconds: first.seconds, astroSeconds: first.astroSeconds },
          preview: { ...summary, astroMedianSeconds: astro.medianSeconds },
          budget: { seconds: BUDGET_SECONDS, met },
          // Other work on the machine shows in these figures: the load average (1 min) when the samples ended.
          loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
          samplesTaken: taken,
        },
        summary: [
          `preview of an edited entry (URL request → whole page): median ${summary.medianSeconds} s, worst ${summary.worstSeconds} s over ${samples} entries (${[...new Set(taken.map((s) => s.type))].join(', ')}; ${[...new Set(taken.map((s) => s.locale))].join(', ')}); Astro median ${astro.medianSeconds} s`,
          `first preview after start (Astro's cache for previews empty): ${first.seconds} s`,
          `budget (every preview ≤ ${BUDGET_SECONDS} s on the demo site): ${met ? 'met' : 'NOT met'} (load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} CPUs)`,
        ],
      };
    } finally {
      await preview.close();
      await stopProcess(cms.child);
    }
  },
};

export default benchmark;
