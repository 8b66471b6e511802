/**
 * docs/benchmarks.md: the latest figures of every benchmark, in one committed file
 * that `npm run bench` rewrites. Each benchmark has one section (between
 * `<!-- bench:<name> -->` and `<!-- /bench:<name> -->`): its summary lines, its key
 * numbers (the scalar results, one level of nesting deep), the commit, the date and
 * the machine. A run replaces its own section and keeps every other one as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths.ts';
import type { RunFile } from './results.ts';

export const figuresDocFile = path.join(repoRoot, 'docs', 'benchmarks.md');

const SECTION = /<!-- bench:([\w-]+) -->\n[\s\S]*?<!-- \/bench:\1 -->\n/g;

const HEADER = `# Benchmark figures

The latest figures of each benchmark, written by \`npm run bench\` (\`scripts/bench/figures-doc.ts\`): a run
replaces its benchmark's section and keeps the others. Do not edit the sections by hand; run the benchmark
(\`npm run bench -- <name>\`) and commit this file. The full results of every run are in \`bench-results/\`
(git-ignored). Absolute seconds drift from run to run on shared machines: compare ratios measured in the
same run (such as the site build against Hugo), and check a section's corpus size (\`entries\`) before
comparing figures.
`;

/** The sections of a benchmarks file, by benchmark name, each with its markers. */
export function readSections(text: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const match of text.matchAll(SECTION)) sections.set(match[1], match[0]);
  return sections;
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return '–';
  return `\`${String(value).replace(/`/g, "'")}\``;
}

/** Scalar results, top level and one object deep (arrays and machine paths left out: they are in the JSON). */
export function keyNumbers(results: Record<string, unknown>): [string, string][] {
  const rows: [string, string][] = [];
  const add = (name: string, value: unknown) => {
    if (typeof value === 'string' && path.isAbsolute(value)) return;
    if (value === null || ['number', 'boolean', 'string'].includes(typeof value)) rows.push([name, formatValue(value)]);
  };
  for (const [key, value] of Object.entries(results)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const [inner, v] of Object.entries(value)) add(`${key}.${inner}`, v);
    else add(key, value);
  }
  return rows;
}

const GIB = 1024 ** 3;

export function describeMachine(machine: RunFile['machine']): string {
  const cpu = machine.cpuModel ? ` (${machine.cpuModel})` : '';
  return `${machine.cpus} CPUs${cpu}, ${(machine.memoryBytes / GIB).toFixed(1)} GiB, Node ${machine.node}, ${machine.platform}`;
}

/** One benchmark's section, markers included. */
export function renderSection(run: RunFile): string {
  const lines = [`<!-- bench:${run.benchmark} -->`, `## ${run.benchmark}`, ''];
  if (run.description) lines.push(`${run.description[0].toUpperCase()}${run.description.slice(1)}.`, '');
  const minutes = Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 60_000);
  lines.push(
    `- Run: ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC (${minutes < 1 ? 'under a minute' : `${minutes} min`}), commit \`${run.commit ? run.commit.slice(0, 10) : 'unknown'}\``,
    `- Machine: ${describeMachine(run.machine)}`,
    '',
  );
  if (run.summary?.length) lines.push(...run.summary.map((line) => `- ${line}`), '');
  const numbers = keyNumbers(run.results);
  if (numbers.length) lines.push('| key number | value |', '|---|---|', ...numbers.map(([name, value]) => `| ${name} | ${value.replace(/\|/g, '\\|')} |`), '');
  lines.push(`<!-- /bench:${run.benchmark} -->`);
  return `${lines.join('\n')}\n`;
}

/** The file's text with `run`'s section replaced (or added) and every other section kept, sections in name order. */
export function updateFiguresText(previous: string, run: RunFile): string {
  const sections = readSections(previous);
  sections.set(run.benchmark, renderSection(run));
  const ordered = [...sections.keys()].sort().map((name) => sections.get(name));
  return [HEADER, ...ordered].join('\n');
}

/** Rewrites docs/benchmarks.md (or `file`) with `run`'s section. */
export function updateFiguresDoc(run: RunFile, file = figuresDocFile): void {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, updateFiguresText(previous, run));
}
