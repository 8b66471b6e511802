/** Median and worst of a few timed samples, in seconds. */
export interface SampleSummary {
  medianSeconds: number;
  worstSeconds: number;
}

export function summarizeSamples(seconds: readonly number[]): SampleSummary {
  if (!seconds.length) throw new Error('no samples to summarize');
  const sorted = [...seconds].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { medianSeconds: round(median), worstSeconds: round(sorted[sorted.length - 1]) };
}
