/**
 * `publish`: publish → live on the reference corpus (2,000 documents × 5 locales =
 * 10,000 entries; SSC_BENCH_DOCUMENTS=100 for a demo-sized site), through the real
 * pipeline as `npm start` runs it: the CMS (SQLite, the corpus bulk-loaded with its
 * images and attachments and cached, see ../partner-api.ts) with its "Site rebuild"
 * webhook, the rebuild service, and a static server of `live`. After one first build,
 * each action is done through the admin's content-manager API as an editor would,
 * SSC_BENCH_SAMPLES times (5), and timed from the request until both the page and the
 * language's search show the change over HTTP (see ../live-probe.ts):
 * - edit one entry's title in one locale (save, publish);
 * - publish a new entry (create, publish);
 * - unpublish an entry;
 * - publish one entry in all five locales at once ("Publish multiple locales").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { contentTypes, defaultLocale, itemPath, localeCodes, strapiUid, type LocaleCode } from '@ssc/content-schemas';
import type { Benchmark } from '../benchmark.ts';
import { firstAdmin, contentManager } from '../cms-admin.ts';
import { openLiveProbe, secondsUntil, type LiveProbe } from '../live-probe.ts';
import { corpusDatabase } from '../partner-api.ts';
import { benchCacheDir } from '../paths.ts';
import { summarizeSamples } from '../samples.ts';
import type { PipelineConfig } from '../../lib/config.ts';
import { ensureCmsBuilt, startCms } from '../../lib/cms.ts';
import { freePort, stopProcess } from '../../lib/processes.ts';
import { pullSnapshot } from '../../lib/pull.ts';
import { rebuildOnWebhook } from '../../lib/rebuild.ts';
import { startRebuildService } from '../../lib/rebuild-service.ts';
import { buildRelease } from '../../lib/site-release.ts';
import { serveStatic } from '../../../site/lib/serve.ts';

const newsType = contentTypes.find((t) => t.name === 'news')!;
const NEWS = strapiUid(newsType);

interface Sample {
  seconds: number;
  pageSeconds: number;
  searchSeconds: number;
  /** What the rebuild service logged for the rebuilds this sample caused. */
  rebuilds: string[];
}

/** A word no corpus text contains, so a search for it finds exactly the page that has it. */
const marker = (action: string, i: number) => `pb${action}${i}x${crypto.randomBytes(3).toString('hex')}`;

const benchmark: Benchmark = {
  description: 'publish → live: four editor actions through the CMS, timed until page and search show them',
  async run({ log }) {
    const documents = Number(process.env.SSC_BENCH_DOCUMENTS || 2000);
    const samples = Number(process.env.SSC_BENCH_SAMPLES || 5);
    if (!Number.isInteger(documents) || documents < 1) throw new Error('SSC_BENCH_DOCUMENTS must be a positive integer');
    if (!Number.isInteger(samples) || samples < 1) throw new Error('SSC_BENCH_SAMPLES must be a positive integer');
    const budgetSeconds = documents * 5 >= 10_000 ? 15 : 3;
    await ensureCmsBuilt(log);
    const { cached, dbFile, publicDir } = await corpusDatabase(documents, log, 'site');

    // A work folder beside the site's build cache (hard links need one file system), fresh each run.
    const work = path.join(benchCacheDir, 'publish-run');
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const runDb = path.join(work, 'cms.db');
    fs.copyFileSync(dbFile, runDb);
    const [cmsPort, sitePort, rebuildPort] = [await freePort(), await freePort(), await freePort()];
    const secret = crypto.randomBytes(24).toString('hex');
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    const config: PipelineConfig = {
      env: {},
      cmsUrl: `http://127.0.0.1:${cmsPort}`,
      buildToken: cached.apiToken,
      snapshotsDir: path.join(work, 'snapshots'),
      releases: { releasesDir: path.join(work, 'releases'), liveLink: path.join(work, 'live') },
      siteUrl,
      cmsPublicUrl: `http://127.0.0.1:${cmsPort}`,
      sitePort,
      rebuildPort,
      keep: { snapshots: 3, releases: 3 },
    };

    let rebuildLines: string[] = [];
    const pipelineLog = (line: string) => {
      if (
        line.startsWith('[rebuild] the live site') ||
        line.startsWith('[pull] incremental') ||
        line.startsWith('[pull] full pull') ||
        line.startsWith('[rebuild] failed')
      )
        rebuildLines.push(line);
      if (process.env.SSC_BENCH_VERBOSE) log(line);
    };
    const rebuilder = await startRebuildService({ port: rebuildPort, secret, rebuild: rebuildOnWebhook(config, pipelineLog), log: pipelineLog });
    const cms = await startCms(
      {
        ...process.env,
        ...cached.env,
        DATABASE_FILENAME: runDb,
        PUBLIC_DIR: publicDir,
        ENV_PATH: path.join(work, 'no.env'),
        HOST: '127.0.0.1',
        PORT: String(cmsPort),
        SSC_SITE_URL: siteUrl,
        SITE_REBUILD_URL: rebuilder.url,
        SITE_REBUILD_SECRET: secret,
      },
      { quiet: true },
    );
    let probe: LiveProbe | undefined;
    let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
    try {
      log('first pull and build of the whole site…');
      let t = performance.now();
      const pulled = await pullSnapshot({ cmsUrl: config.cmsUrl, token: cached.apiToken, snapshotsDir: config.snapshotsDir, keep: 3 });
      const firstPullSeconds = (performance.now() - t) / 1000;
      t = performance.now();
      // The rebuild service's settings: its first rebuild then builds on this release (the same code digest).
      const first = await buildRelease({
        snapshotDir: pulled.dir,
        siteUrl,
        cmsPublicUrl: config.cmsPublicUrl,
        releases: config.releases,
        keep: 3,
        trigger: 'publish benchmark',
        log: () => {},
      });
      const firstBuildSeconds = (performance.now() - t) / 1000;
      log(`pulled in ${firstPullSeconds.toFixed(1)} s, built ${first.pages ?? '?'} pages in ${firstBuildSeconds.toFixed(1)} s`);
      site = await serveStatic(config.releases.liveLink, { host: '127.0.0.1', port: sitePort });
      probe = await openLiveProbe(siteUrl);
      const admin = await firstAdmin(config.cmsUrl);
      const editor = contentManager(admin);
      const image = (await admin.request('GET', '/upload/files?filters[mime][$contains]=image&pagination[pageSize]=1')).results[0].id as number;

      // News that exist in every locale, in a fixed order.
      const listed = await fetch(
        `${config.cmsUrl}/api/news?locale=en&fields[0]=slug&populate[localizations][fields][0]=locale&pagination[pageSize]=${samples * 3}&sort[0]=documentId:asc`,
        { headers: { authorization: `Bearer ${cached.apiToken}` } },
      ).then((r) => r.json());
      const news = (listed.data as { documentId: string; slug: string }[]).slice(0, samples);
      if (news.length < samples) throw new Error(`the corpus has only ${news.length} news items in English`);
      const newsPath = (locale: LocaleCode, slug: string) => itemPath(locale, newsType.pluralName, slug);
      if (!(await probe.pageShows(newsPath(defaultLocale, news[0].slug), news[0].slug)))
        throw new Error(`${siteUrl}${newsPath(defaultLocale, news[0].slug)} is not on the live site`);

      /**
       * Runs one timed sample: `act`, then polls the pages (cheap HTTP requests) until all show
       * the change, then the searches (a browser each, all at once; started only then, so that
       * Chromium does not slow the build it is waiting for: a release switches pages and search
       * index together).
       */
      const sample = async (
        what: string,
        act: () => Promise<void>,
        pages: (() => Promise<boolean>)[],
        searches: (() => Promise<boolean>)[],
      ): Promise<Sample> => {
        await rebuilder.idle();
        rebuildLines = [];
        const start = performance.now();
        await act();
        const pageSeconds = Math.max(...(await Promise.all(pages.map((check) => secondsUntil(check, start, { what: `${what}: page` })))));
        const searchSeconds = Math.max(
          ...(await Promise.all(searches.map((check) => secondsUntil(check, start, { what: `${what}: search`, intervalMs: 200 })))),
        );
        const seconds = Math.max(pageSeconds, searchSeconds);
        await rebuilder.idle();
        log(`  ${what}: ${seconds.toFixed(1)} s (page ${pageSeconds.toFixed(1)} s, search ${searchSeconds.toFixed(1)} s) ${rebuildLines.join(' | ')}`);
        return { seconds: round(seconds), pageSeconds: round(pageSeconds), searchSeconds: round(searchSeconds), rebuilds: rebuildLines };
      };
      const round = (n: number) => Math.round(n * 100) / 100;

      const actions: { name: string; samples: Sample[] }[] = [];
      const edited: { slug: string; documentId: string; word: string }[] = [];
      log('editing one entry’s title in one locale…');
      const edits: Sample[] = [];
      for (let i = 0; i < samples; i++) {
        const { documentId, slug } = news[i];
        const word = marker('edit', i);
        const title = `Edited title ${word}`;
        edits.push(
          await sample(
            `edit ${i + 1}`,
            async () => {
              await editor.save(NEWS, documentId, defaultLocale, { title });
              await editor.publish(NEWS, documentId, defaultLocale);
            },
            [() => probe!.pageShows(newsPath(defaultLocale, slug), word)],
            [() => probe!.searchFinds(defaultLocale, word, newsPath(defaultLocale, slug))],
          ),
        );
        edited.push({ slug, documentId, word });
      }
      actions.push({ name: 'edit one entry’s title in one locale', samples: edits });

      log('publishing a new entry…');
      const created: Sample[] = [];
      for (let i = 0; i < samples; i++) {
        const word = marker('new', i);
        const slug = `publish-bench-new-${i}-${word}`;
        created.push(
          await sample(
            `new ${i + 1}`,
            async () => {
              const doc = await editor.create(NEWS, defaultLocale, newsData(slug, defaultLocale, word, image));
              await editor.publish(NEWS, doc.data.documentId, defaultLocale);
            },
            [() => probe!.pageShows(newsPath(defaultLocale, slug), word)],
            [() => probe!.searchFinds(defaultLocale, word, newsPath(defaultLocale, slug))],
          ),
        );
      }
      actions.push({ name: 'publish a new entry', samples: created });

      log('unpublishing an entry…');
      const unpublished: Sample[] = [];
      for (let i = 0; i < samples; i++) {
        const { documentId, slug, word } = edited[i];
        unpublished.push(
          await sample(
            `unpublish ${i + 1}`,
            async () => {
              await editor.unpublish(NEWS, documentId, defaultLocale);
            },
            [() => probe!.pageGone(newsPath(defaultLocale, slug))],
            [async () => !(await probe!.searchFinds(defaultLocale, word, newsPath(defaultLocale, slug)))],
          ),
        );
      }
      actions.push({ name: 'unpublish an entry', samples: unpublished });

      log('publishing one entry in all five locales at once…');
      const everywhere: Sample[] = [];
      for (let i = 0; i < samples; i++) {
        const word = marker('all', i);
        const slug = `publish-bench-all-${i}-${word}`;
        const doc = await editor.create(NEWS, localeCodes[0], newsData(slug, localeCodes[0], word, image));
        const documentId = doc.data.documentId as string;
        for (const locale of localeCodes.slice(1)) await editor.save(NEWS, documentId, locale, newsData(slug, locale, word, image));
        everywhere.push(
          await sample(
            `all locales ${i + 1}`,
            async () => {
              await editor.publishLocales(NEWS, documentId, localeCodes);
            },
            localeCodes.map((locale) => () => probe!.pageShows(newsPath(locale, slug), word)),
            localeCodes.map((locale) => () => probe!.searchFinds(locale, word, newsPath(locale, slug))),
          ),
        );
      }
      actions.push({ name: 'publish one entry in all five locales at once', samples: everywhere });

      const summarized = actions.map((a) => ({ name: a.name, ...summarizeSamples(a.samples.map((s) => s.seconds)), samples: a.samples }));
      return {
        results: {
          documents,
          entries: documents * 5,
          pages: first.pages ?? null,
          cpus: os.availableParallelism(),
          samplesPerAction: samples,
          incrementalPull: process.env.SSC_INCREMENTAL_PULL ?? 'default (on for entry events)',
          first: { pullSeconds: round(firstPullSeconds), buildSeconds: round(firstBuildSeconds) },
          actions: summarized,
          budget: { medianSeconds: budgetSeconds, met: summarized.every((a) => a.medianSeconds <= budgetSeconds) },
        },
        summary: [
          ...summarized.map((a) => `${a.name}: median ${a.medianSeconds} s, worst ${a.worstSeconds} s`),
          `budget (publish → live median ≤ ${budgetSeconds} s at ${documents * 5} entries): ${summarized.every((a) => a.medianSeconds <= budgetSeconds) ? 'met' : 'NOT met'}`,
        ],
      };
    } finally {
      await probe?.close();
      await rebuilder.close();
      await site?.close();
      await stopProcess(cms.child);
      if (!process.env.SSC_BENCH_KEEP) fs.rmSync(work, { recursive: true, force: true });
    }
  },
};

/** A news item with everything a page needs, its title and body carrying `word`. */
function newsData(slug: string, locale: string, word: string, image: number): Record<string, unknown> {
  return {
    slug,
    title: `Benchmark news ${word} (${locale})`,
    summary: `A news item published by the publish benchmark (${locale}).`,
    body: `This item was published by the benchmark to time publish to live. Marker ${word}.`,
    date: '2025-06-01',
    license: 'CC-BY-4.0',
    attribution: 'Publish benchmark',
    heroImage: { image, alt: `Illustration ${locale}` },
  };
}

export default benchmark;
