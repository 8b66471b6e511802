/**
 * What `npm run releases` shows: every release kept, newest first, with its time,
 * whether it is live, and from its build report what triggered it, how long it
 * took, its page count and how many entries were left out (by the pull or the build).
 */
import { currentRelease, listReleases, type ReleasePaths } from './release.ts';
import { leftOutOfReport, readBuildReport } from './site-status.ts';

export interface ReleaseSummary {
  id: string;
  /** When the release was made (from its id), ISO 8601. */
  time: string;
  live: boolean;
  /** From the build report; absent when the release has none or the report does not say. */
  trigger?: string;
  /** Pull (when there was one) + build + audit. */
  seconds?: number;
  pages?: number;
  leftOut?: number;
}

/** A release id is its creation time with `:` and `.` made file-name safe: 2026-12-01T15-32-16-123Z. */
export function releaseTime(id: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(id);
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z` : id;
}

/** The kept releases, newest first. */
export function describeReleases(paths: ReleasePaths): ReleaseSummary[] {
  const live = currentRelease(paths);
  return listReleases(paths)
    .reverse()
    .map((id) => {
      const report = readBuildReport(paths, id);
      const summary: ReleaseSummary = { id, time: releaseTime(id), live: id === live };
      if (report?.trigger) summary.trigger = report.trigger;
      if (typeof report?.seconds?.total === 'number') summary.seconds = report.seconds.total + (report.seconds.pull ?? 0);
      if (typeof report?.pages === 'number') summary.pages = report.pages;
      if (report && (Array.isArray(report.warnings) || Array.isArray(report.leftOut))) summary.leftOut = leftOutOfReport(report).length;
      return summary;
    });
}

/** The releases as a plain-text table, the live one marked with `*`. */
export function formatReleases(rows: ReleaseSummary[]): string {
  if (!rows.length) return 'no releases yet';
  const table = [
    ['', 'release', 'time', 'trigger', 'duration', 'pages', 'left out'],
    ...rows.map((r) => [
      r.live ? '*' : '',
      r.id,
      r.time.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
      r.trigger ?? '–',
      r.seconds === undefined ? '–' : `${r.seconds.toFixed(1)} s`,
      r.pages === undefined ? '–' : String(r.pages),
      r.leftOut === undefined ? '–' : String(r.leftOut),
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd(),
  );
  return [...lines, rows.some((r) => r.live) ? '* live' : 'no release is live'].join('\n');
}
