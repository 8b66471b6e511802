/**
 * Snapshot → live site: builds the static site from a snapshot into a new release,
 * audits it (language and direction, page weight, links, hreflang), writes the
 * build report beside it, and only then switches `live` to it.
 *
 * One bad entry never blocks a release. An entry that fails validation, makes the
 * build throw (a page of its own, or a media file of its own) or whose page fails
 * the audit is left out: the site is built again from a copy of the snapshot
 * without it and without every link to it (see snapshot-without.ts), so every other
 * change, an unpublish above all, still goes live. The previous version of a
 * left-out entry is never served in its place: it is simply not on the site. The
 * report names each left-out entry, its stage and its reason.
 *
 * Only a failure tied to no entry (a code error, a problem on a page no entry owns,
 * a full disk) leaves the live site as it was, with an error that says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readManifest, type EntryProblem } from '@ssc/content-schemas';
import { buildSite, DEFAULT_CACHE_DIR, outputMoved } from '../../site/lib/build.ts';
import { SiteBuildError } from '../../site/lib/build-failure.ts';
import { auditSite, type AuditedPage, type SiteAudit } from '../../site/lib/audit.ts';
import { shareSnapshot } from '../../site/src/loaders/shared-snapshot.ts';
import { validateRawEntries } from './entry-validation.ts';
import { EntryPages } from './entry-pages.ts';
import { addLeftOut, formatLeftOut, type LeftOutEntry } from './left-out.ts';
import { readRawEntries } from './raw-snapshot.ts';
import { currentRelease, publishRelease, type ReleasePaths } from './release.ts';
import { shareReleaseFiles } from './release-media.ts';
import { writeSnapshotWithout } from './snapshot-without.ts';

/** The build report of release <id>: kept beside the releases, never served with the site. */
export function buildReportFile(releases: ReleasePaths, id: string): string {
  return path.join(releases.releasesDir, '.reports', `${id}.json`);
}

export interface BuildReport {
  release: string;
  snapshot: { id: string; dir: string; source: string; createdAt: string };
  siteUrl: string;
  pages: number;
  /** Seconds spent in each step (the pull is added by the caller when there was one); Astro and audit summed over the builds. */
  seconds: { astro: number; audit: number; total: number; pull?: number };
  /** How many times the site was built (1, plus one per round of entries left out). */
  builds: number;
  largestPage: AuditedPage;
  /** Entries the pull left out, each naming its type, document, locale and field. */
  warnings: EntryProblem[];
  /** Entries this release left out (validation, render or audit), each naming its type, document, locale, field when known, and reason. */
  leftOut: LeftOutEntry[];
  /** What started the build, when known (e.g. `npm start`, `npm run build`, the rebuild webhook's events). */
  trigger?: string;
}

export class SiteAuditError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `the built site has ${problems.length} problem(s) on pages that belong to no entry; the live site was left as it was:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? '\n  …' : ''}`,
    );
    this.name = 'SiteAuditError';
    this.problems = problems;
  }
}

/** A build failure that no entry can be blamed for: the release is refused. */
export class ReleaseRefusedError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`the release was refused and the live site was left as it was: ${reason}`, options);
    this.name = 'ReleaseRefusedError';
  }
}

export interface BuildReleaseOptions {
  snapshotDir: string;
  siteUrl: string;
  /** The CMS's public origin, where the learner forms post (default: SSC_CMS_PUBLIC_URL, else the local CMS). */
  cmsPublicUrl?: string;
  releases: ReleasePaths;
  log?: (line: string) => void;
  /** Astro's cache folder (default: the site's own). */
  cacheDir?: string;
  /** Recorded in the build report. */
  trigger?: string;
  /** How many releases to keep (default 5, see release.ts). */
  keep?: number;
  /** Seconds the pull before this build took, recorded in the report. */
  pullSeconds?: number;
}

/** Hard-links the release's media and unchanged hashed files to the snapshot's and the live release's; never fails the release. */
function shareFiles(options: BuildReleaseOptions, outDir: string, snapshotDir: string, log: (line: string) => void): void {
  try {
    const live = currentRelease(options.releases);
    const shared = shareReleaseFiles({ releaseDir: outDir, snapshotDir, previousReleaseDir: live && path.join(options.releases.releasesDir, live) });
    log(`[build] ${shared.linked} files (${(shared.bytes / 1e6).toFixed(1)} MB) shared with the snapshot and the previous release by hard links`);
    if (shared.copies) log(`[build] ${shared.copies} files copied, not linked: the release and the snapshot or previous release are on different file systems`);
  } catch (error) {
    log(`[build] could not share files with the snapshot and the previous release (${(error as Error).message}); this release keeps its own copies`);
  }
}

/** At most this many builds for one release: each one after the first leaves out at least one more entry. */
const MAX_BUILDS = 6;

/** The entries to blame for a failed build, or none. */
function blameBuildFailure(error: unknown, pages: EntryPages): LeftOutEntry[] {
  const failedPages = error instanceof SiteBuildError ? error.failedPages : [];
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  const text = [
    error instanceof Error ? error.message : String(error),
    cause instanceof Error ? (cause.stack ?? cause.message) : '',
    error instanceof SiteBuildError ? error.log : '',
  ].join('\n');
  const reason =
    (cause instanceof Error ? cause.message : String(cause))
      .split('\n')
      .find((l) => l.trim() && !/^Build failed/.test(l))
      ?.trim() ?? 'the build threw';
  const blamed: LeftOutEntry[] = [];
  for (const page of failedPages) {
    const owner = pages.ownerOf(page);
    if (owner) blamed.push({ stage: 'render', ...owner, page, reason: `rendering its page threw: ${reason}` });
  }
  for (const { entry, by } of pages.namedIn(text)) blamed.push({ stage: 'render', ...entry, reason: `the build failed on ${by}: ${reason}` });
  return blamed;
}

/** The entries whose pages have audit problems, and the problems that belong to no entry. */
function blameAudit(audit: SiteAudit, pages: EntryPages): { blamed: LeftOutEntry[]; unowned: string[] } {
  const blamed: LeftOutEntry[] = [];
  const unowned: string[] = [];
  for (const problem of audit.pageProblems) {
    const owner = pages.ownerOf(problem.page);
    if (owner) blamed.push({ stage: 'audit', ...owner, page: problem.page, reason: problem.message });
    else unowned.push(`${problem.page}: ${problem.message}`);
  }
  return { blamed, unowned };
}

export async function buildRelease(options: BuildReleaseOptions): Promise<BuildReport & { dir: string }> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const snapshotDir = path.resolve(options.snapshotDir);
  const manifest = readManifest(snapshotDir);
  const files = readRawEntries(snapshotDir);
  const pages = new EntryPages(files);
  const leftOut: LeftOutEntry[] = [];
  const validation = validateRawEntries(snapshotDir, files);
  addLeftOut(leftOut, validation.invalid);
  // A snapshot whose every entry passes is the one the site's build would read and validate again: hand it over.
  if (!validation.invalid.length) shareSnapshot(snapshotDir, { dir: snapshotDir, manifest, entries: validation.valid });
  // The view the site is built from when entries are left out: beside the releases, removed afterwards.
  const filteredDir = path.join(options.releases.releasesDir, `.snapshot-${process.pid}-${Date.now()}`);
  const seconds = { astro: 0, audit: 0 };
  let builds = 0;
  let builtIn: string | undefined;

  try {
    const { id, dir, result } = await publishRelease(
      options.releases,
      async (outDir) => {
        builtIn = outDir;
        for (;;) {
          if (builds >= MAX_BUILDS) throw new ReleaseRefusedError(`still failing after ${MAX_BUILDS} builds, ${leftOut.length} entries left out`);
          builds += 1;
          const from = leftOut.length ? writeSnapshotWithout(snapshotDir, filteredDir, leftOut, files) : snapshotDir;
          log(
            `[build] building the site from snapshot ${manifest.id}${leftOut.length ? ` without ${leftOut.length} entr${leftOut.length === 1 ? 'y' : 'ies'}` : ''}`,
          );
          // The audit runs while Pagefind indexes the pages. Its cache is beside Astro's: most pages are the previous build's, and their facts are not parsed again.
          const auditCache = path.join(options.cacheDir ?? DEFAULT_CACHE_DIR, 'audit-facts.json');
          const auditPages = (siteDir: string): SiteAudit => {
            const auditStarted = performance.now();
            const audited = auditSite(siteDir, options.siteUrl, { cacheFile: auditCache });
            seconds.audit += (performance.now() - auditStarted) / 1000;
            return audited;
          };
          let audit: SiteAudit;
          try {
            const built = await buildSite({
              snapshotDir: from,
              outDir,
              siteUrl: options.siteUrl,
              cmsPublicUrl: options.cmsPublicUrl,
              cacheDir: options.cacheDir,
              alongsideSearch: auditPages,
            });
            audit = built.alongside as SiteAudit;
            seconds.astro += built.seconds;
            const { inputs, astro, compose, search } = built.steps;
            if (built.reused) log('[build] nothing changed since the last build (content, code, settings): its pages and search index were reused');
            else if (built.reusedPaths.length)
              log(`[build] rendered ${built.rendered.length} paths, reused ${built.reusedPaths.length} from the previous release`);
            log(
              `[build] site built in ${built.seconds.toFixed(1)} s: inputs ${inputs.toFixed(1)} s, Astro ${astro.toFixed(1)} s, reused paths and record ${compose.toFixed(1)} s, search index and audit ${search.toFixed(1)} s`,
            );
          } catch (error) {
            const added = addLeftOut(leftOut, blameBuildFailure(error, pages));
            if (!added.length)
              throw new ReleaseRefusedError(`the site build failed, and no entry could be blamed: ${error instanceof Error ? error.message : String(error)}`, {
                cause: error,
              });
            for (const e of added) log(`[build] leaving out ${formatLeftOut(e)}`);
            continue;
          }
          if (!audit.problems.length) {
            shareFiles(options, outDir, snapshotDir, log);
            return { audit };
          }
          const { blamed, unowned } = blameAudit(audit, pages);
          const added = addLeftOut(leftOut, blamed);
          // Problems on pages no entry owns may come from an entry left out now (a list linking to it): build again first.
          if (!added.length) throw new SiteAuditError(unowned.length ? unowned : audit.problems);
          for (const e of added) log(`[build] leaving out ${formatLeftOut(e)}`);
        }
      },
      options.keep,
    );
    // The release folder was renamed into place: an unchanged rebuild can still reuse it.
    if (builtIn) outputMoved(builtIn, dir, options.cacheDir);
    const report: BuildReport = {
      release: id,
      snapshot: { id: manifest.id, dir: snapshotDir, source: manifest.source, createdAt: manifest.createdAt },
      siteUrl: options.siteUrl,
      pages: result.audit.pages.length,
      seconds: { ...seconds, total: (performance.now() - started) / 1000, ...(options.pullSeconds !== undefined ? { pull: options.pullSeconds } : {}) },
      builds,
      largestPage: result.audit.largest,
      warnings: manifest.warnings,
      leftOut,
      ...(options.trigger ? { trigger: options.trigger } : {}),
    };
    const reportFile = buildReportFile(options.releases, id);
    fs.mkdirSync(path.dirname(reportFile), { recursive: true });
    fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
    for (const w of report.warnings) log(`[build] left out by the pull: ${w.type} ${w.documentId} [${w.locale}] ${w.field}: ${w.message}`);
    for (const e of report.leftOut) log(`[build] left out of the release: ${formatLeftOut(e)}`);
    log(
      `[build] release ${id} is live: ${report.pages} pages in ${report.seconds.astro.toFixed(1)} s (Astro, ${builds} build${builds === 1 ? '' : 's'}) + ${report.seconds.audit.toFixed(1)} s (audit); ` +
        `largest page ${report.largestPage.url} ${report.largestPage.bytes} bytes gzip; ${report.warnings.length + report.leftOut.length} entr${report.warnings.length + report.leftOut.length === 1 ? 'y' : 'ies'} left out`,
    );
    return { ...report, dir };
  } catch (error) {
    log(`[build] ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  } finally {
    fs.rmSync(filteredDir, { recursive: true, force: true });
  }
}
