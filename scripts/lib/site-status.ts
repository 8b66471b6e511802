/**
 * What the CMS's "Site" page shows about the static site: the live release and
 * the last releases, each with what triggered it, when it was built, how long it
 * took, its page count and the entries left out of it (read from the build
 * reports kept beside the releases).
 */
import fs from 'node:fs';
import type { LeftOutSummary, RebuildStatus } from '@ssc/content-schemas';
import { currentRelease, listReleases, type ReleasePaths } from './release.ts';
import { buildReportFile, type BuildReport } from './site-release.ts';
import { entryKey } from './left-out.ts';

/** What `GET /status` reports of the releases (the rest is the rebuild service's own state). */
export type SiteStatus = Pick<RebuildStatus, 'live' | 'releases'>;

function readReport(releases: ReleasePaths, id: string): (Partial<BuildReport> & { trigger?: string }) | null {
  try {
    return JSON.parse(fs.readFileSync(buildReportFile(releases, id), 'utf8'));
  } catch {
    return null;
  }
}

function leftOutOf(report: Partial<BuildReport>): LeftOutSummary[] {
  const out = new Map<string, LeftOutSummary>();
  for (const e of report.leftOut ?? []) {
    out.set(entryKey(e), {
      stage: e.stage,
      type: e.type,
      documentId: e.documentId,
      locale: e.locale,
      field: e.field ?? '(entry)',
      message: e.reason,
      ...(e.page ? { page: e.page } : {}),
    });
  }
  for (const w of report.warnings ?? []) if (!out.has(entryKey(w))) out.set(entryKey(w), { stage: 'pull', ...w });
  return [...out.values()];
}

/** A release's build report, or null when it has none (or it cannot be read). */
export function readBuildReport(releases: ReleasePaths, id: string): (Partial<BuildReport> & { trigger?: string }) | null {
  return readReport(releases, id);
}

/** Every entry a release left out, from its build report: at the pull, then by the build. */
export const leftOutOfReport = (report: Partial<BuildReport>): LeftOutSummary[] => leftOutOf(report);

/** The newest `limit` releases, newest first. */
export function readSiteStatus(releases: ReleasePaths, limit = 10): SiteStatus {
  const live = currentRelease(releases);
  const ids = listReleases(releases).reverse().slice(0, limit);
  return {
    live,
    releases: ids.map((id) => {
      const report = readReport(releases, id);
      return {
        id,
        live: id === live,
        trigger: report?.trigger ?? null,
        snapshotCreatedAt: report?.snapshot?.createdAt ?? null,
        seconds: report?.seconds?.total ?? null,
        pages: report?.pages ?? null,
        leftOut: report ? leftOutOf(report) : [],
      };
    }),
  };
}
