/**
 * Peak resident memory of another process, sampled from /proc/<pid>/status
 * (Linux) while a benchmark stage runs.
 */
import fs from 'node:fs';

/** The process's resident set size in bytes, or null when it cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export interface RssSampler {
  /** Stops sampling; returns the largest resident size seen, in bytes (null when none could be read). */
  stop(): number | null;
}

export function sampleRss(pid: number, intervalMs = 50): RssSampler {
  let peak: number | null = null;
  const take = () => {
    const now = residentBytes(pid);
    if (now !== null && (peak === null || now > peak)) peak = now;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}
