/**
 * Snapshot → live site: builds the static site from a snapshot into a new release,
 * audits it (language and direction, page weight, links, hreflang), writes the
 * build report beside it, and only then switches `live` to it. A build or
 * an audit that fails leaves the live site as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readManifest, type EntryProblem } from '@ssc/content-schemas';
import { buildSite } from '../../site/lib/build.ts';
import { auditSite, type AuditedPage } from '../../site/lib/audit.ts';
import { currentRelease, publishRelease, type ReleasePaths } from './release.ts';
import { shareReleaseFiles } from './release-media.ts';

/** The build report of release <id>: kept beside the releases, never served with the site. */
export function buildReportFile(releases: ReleasePaths, id: string): string {
  return path.join(releases.releasesDir, '.reports', `${id}.json`);
}

export interface BuildReport {
  release: string;
  snapshot: { id: string; dir: string; source: string; createdAt: string };
  siteUrl: string;
  pages: number;
  /** Seconds spent in each step (the pull is added by the caller when there was one). */
  seconds: { astro: number; audit: number; total: number; pull?: number };
  largestPage: AuditedPage;
  /** Entries the pull left out, each naming its type, document, locale and field. */
  warnings: EntryProblem[];
  /** What started the build, when known (e.g. `npm start`, `npm run build`, the rebuild webhook's events). */
  trigger?: string;
}

export class SiteAuditError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the built site has ${problems.length} problem(s); the live site was left as it was:\n  ${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? '\n  …' : ''}`);
    this.name = 'SiteAuditError';
    this.problems = problems;
  }
}

export interface BuildReleaseOptions {
  snapshotDir: string;
  siteUrl: string;
  releases: ReleasePaths;
  log?: (line: string) => void;
  /** Recorded in the build report. */
  trigger?: string;
  /** How many releases to keep (default 5, see release.ts). */
  keep?: number;
  /** Seconds the pull before this build took, recorded in the report. */
  pullSeconds?: number;
}

export async function buildRelease(options: BuildReleaseOptions): Promise<BuildReport & { dir: string }> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  // The manifest is enough here: the site's content loader validates every entry as it builds.
  const snapshotDir = path.resolve(options.snapshotDir);
  const manifest = readManifest(snapshotDir);
  const { id, dir, result } = await publishRelease(options.releases, async (outDir) => {
    log(`[build] building the site from snapshot ${manifest.id}`);
    const built = await buildSite({ snapshotDir, outDir, siteUrl: options.siteUrl });
    const auditStarted = performance.now();
    const audit = auditSite(outDir, options.siteUrl);
    if (audit.problems.length) throw new SiteAuditError(audit.problems);
    try {
      const live = currentRelease(options.releases);
      const shared = shareReleaseFiles({ releaseDir: outDir, snapshotDir, previousReleaseDir: live && path.join(options.releases.releasesDir, live) });
      log(`[build] ${shared.linked} files (${(shared.bytes / 1e6).toFixed(1)} MB) shared with the snapshot and the previous release by hard links`);
      if (shared.copies) log(`[build] ${shared.copies} files copied, not linked: the release and the snapshot or previous release are on different file systems`);
    } catch (error) {
      log(`[build] could not share files with the snapshot and the previous release (${(error as Error).message}); this release keeps its own copies`);
    }
    const report: Omit<BuildReport, 'release'> = {
      snapshot: { id: manifest.id, dir: snapshotDir, source: manifest.source, createdAt: manifest.createdAt },
      siteUrl: options.siteUrl,
      pages: audit.pages.length,
      seconds: { astro: built.seconds, audit: (performance.now() - auditStarted) / 1000, total: (performance.now() - started) / 1000 },
      largestPage: audit.largest,
      warnings: manifest.warnings,
      ...(options.trigger ? { trigger: options.trigger } : {}),
    };
    if (options.pullSeconds !== undefined) report.seconds.pull = options.pullSeconds;
    return report;
  }, options.keep);
  const report: BuildReport = { release: id, ...result };
  const reportFile = buildReportFile(options.releases, id);
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
  for (const w of report.warnings) log(`[build] left out: ${w.type} ${w.documentId} [${w.locale}] ${w.field}: ${w.message}`);
  log(
    `[build] release ${id} is live: ${report.pages} pages in ${report.seconds.astro.toFixed(1)} s (Astro) + ${report.seconds.audit.toFixed(1)} s (audit); ` +
      `largest page ${report.largestPage.url} ${report.largestPage.bytes} bytes gzip; ${report.warnings.length} entr${report.warnings.length === 1 ? 'y' : 'ies'} left out`,
  );
  return { ...report, dir };
}
