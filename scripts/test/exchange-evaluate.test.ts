import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.ts';

const task = path.join(repoRoot, 'scripts', 'tasks', 'exchange-evaluate.ts');
const run = (args: string[]) => execFileSync(process.execPath, [task, ...args], { cwd: repoRoot, encoding: 'utf8' });

describe('npm run exchange:evaluate', () => {
  it('prints precision at 3 for the ranking and its two baselines, then each demand’s top 3 with reasons', () => {
    const output = run([]);
    expect(output).toMatch(/Precision at 3 .*\n {2}taxonomy and text +0\.\d{3}\n {2}taxonomy only +0\.\d{3}\n {2}text only +0\.\d{3}/);
    expect(output).toContain('demand-congo-cassava  2/2');
    expect(output).toContain('1. * offer-cassava-processing  9.000  same themes, fits the technology sought, offered in French');
  });

  it('gives the same figures as JSON', () => {
    const report = JSON.parse(run(['--json'])) as { k: number; precision: Record<string, number>; perDemand: { demand: string; top: string[] }[] };
    expect(report.k).toBe(3);
    expect(report.precision['taxonomy and text']).toBeGreaterThanOrEqual(0.75);
    expect(report.perDemand.length).toBeGreaterThanOrEqual(12);
    expect(report.perDemand.every((d) => d.top.length <= 3)).toBe(true);
  });
});
