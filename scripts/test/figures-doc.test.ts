/** docs/benchmarks.md (scripts/bench/figures-doc.ts): one section per benchmark, a run replacing only its own. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyNumbers, readSections, updateFiguresDoc, updateFiguresText } from '../bench/figures-doc.ts';
import type { RunFile } from '../bench/results.ts';

const machine = { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 8 * 1024 ** 3, node: 'v24.0.0', platform: 'linux-x64' };
const run = (benchmark: string, seconds: number, startedAt = '2026-12-01T10:00:00.000Z'): RunFile => ({
  benchmark,
  description: `the ${benchmark} benchmark`,
  startedAt,
  finishedAt: '2026-12-01T10:03:00.000Z',
  commit: '0123456789abcdef0123456789abcdef01234567',
  machine,
  summary: [`${benchmark}: ${seconds} s`],
  results: { entries: 10000, build: { seconds, pages: 11467 }, snapshotDir: '/tmp/somewhere', runs: [{ seconds }] },
});

describe('the benchmark figures file', () => {
  it('keeps the other benchmarks’ sections as they were when one benchmark runs', () => {
    let text = updateFiguresText('', run('site', 39.2));
    text = updateFiguresText(text, run('api', 1.5));
    const siteBefore = readSections(text).get('site');
    text = updateFiguresText(text, run('publish', 14.8));
    text = updateFiguresText(text, run('api', 2.5, '2026-12-02T09:00:00.000Z'));
    const sections = readSections(text);
    expect([...sections.keys()]).toEqual(['api', 'publish', 'site']);
    expect(sections.get('site')).toBe(siteBefore);
    expect(sections.get('api')).toContain('- api: 2.5 s');
    expect(sections.get('api')).toContain('2026-12-02 09:00 UTC');
    expect(text).not.toContain('api: 1.5 s');
  });

  it('gives each section its summary lines, key numbers, commit, date and machine', () => {
    const section = readSections(updateFiguresText('', run('site', 39.2))).get('site')!;
    expect(section).toContain('## site');
    expect(section).toContain('The site benchmark.');
    expect(section).toContain('- site: 39.2 s');
    expect(section).toContain('| build.seconds | 39.2 |');
    expect(section).toContain('| entries | 10,000 |');
    expect(section).toContain('commit `0123456789`');
    expect(section).toContain('2026-12-01 10:00 UTC (3 min)');
    expect(section).toContain('2 CPUs (Test CPU), 8.0 GiB, Node v24.0.0, linux-x64');
  });

  it('leaves machine paths and lists out of the key numbers (they stay in the JSON)', () => {
    expect(keyNumbers(run('site', 1).results).map(([name]) => name)).toEqual(['entries', 'build.seconds', 'build.pages']);
  });

  it('rewrites the file in place, the same text for the same runs', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ssc-figures-')), 'docs', 'benchmarks.md');
    try {
      updateFiguresDoc(run('site', 39.2), file);
      updateFiguresDoc(run('api', 1.5), file);
      const once = fs.readFileSync(file, 'utf8');
      updateFiguresDoc(run('site', 39.2), file);
      expect(fs.readFileSync(file, 'utf8')).toBe(once);
      expect(once.startsWith('# Benchmark figures\n')).toBe(true);
    } finally {
      fs.rmSync(path.dirname(path.dirname(file)), { recursive: true, force: true });
    }
  });
});
