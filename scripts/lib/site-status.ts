/**
 * What the CMS's "Site" page shows about the static site: the live release and
 * the last releases, each with what triggered it, when it was built, how long it
 * took, its page count and the entries left out of it (read from the build
 * reports kept beside the releases).
 */
import fs from 'node:fs';
import type { EntryProblem } from '@ssc/content-schemas';
import { currentRelease, listReleases, type ReleasePaths } from './release.ts';
import { buildReportFile, type BuildReport } from './site-release.ts';
import { entryKey, type LeftOutEntry } from './left-out.ts';

/** One entry left out of a release, at the pull (invalid in the CMS) or by the build. */
export interface LeftOutSummary extends EntryProblem {
  stage: 'pull' | LeftOutEntry['stage'];
  page?: string;
}

export interface ReleaseSummary {
  id: string;
  live: boolean;
  trigger: string | null;
  /** When the content the release was built from was read from the CMS. */
  snapshotCreatedAt: string | null;
  seconds: number | null;
  pages: number | null;
  /** Entries left out of this release, each with its stage, type, document, locale, field and reason. */
  leftOut: LeftOutSummary[];
}

export interface SiteStatus {
  live: string | null;
  releases: ReleaseSummary[];
}

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
    out.set(entryKey(e), { stage: e.stage, type: e.type, documentId: e.documentId, locale: e.locale, field: e.field ?? '(entry)', message: e.reason, ...(e.page ? { page: e.page } : {}) });
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
