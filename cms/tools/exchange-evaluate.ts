/**
 * The solutions exchange's ranking on its labelled set (`npm run exchange:evaluate`): precision at 3 of the
 * ranking, and of the codes alone and words alone for comparison, then each demand's top 3 with the reasons and
 * its right answers marked. Pure: no database, no Strapi, no build.
 *   --set FILE   another labelled set in the same format (default: cms/src/lib/exchange/evaluation/evaluation-set.json)
 *   --json       the figures and top 3s as JSON
 */
import fs from 'node:fs';
import path from 'node:path';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// The CMS's sources are ES modules written for tsc (Strapi compiles them to CommonJS), importing each other without
// a file extension, in a package without "type": "module". Node runs them here as they are: a relative import
// without an extension is also looked up with `.ts`, and a `.ts` file of the CMS is read as a TypeScript module.
registerHooks({
  resolve(specifier, context, nextResolve) {
    let resolved;
    try {
      resolved = nextResolve(specifier, context);
    } catch (error) {
      if (!/^\.\.?\//.test(specifier) || path.extname(specifier)) throw error;
      resolved = nextResolve(`${specifier}.ts`, context);
    }
    return resolved.url.endsWith('.ts') ? { ...resolved, format: 'module-typescript' } : resolved;
  },
});

const exchangeDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'lib', 'exchange');
const { evaluateRanking, RANKERS } = (await import(
  path.join(exchangeDir, 'evaluation', 'evaluate.ts')
)) as typeof import('../src/lib/exchange/evaluation/evaluate.ts');
const { describeSuggestion } = (await import(path.join(exchangeDir, 'reasons.ts'))) as typeof import('../src/lib/exchange/reasons.ts');
type EvaluationSet = import('../src/lib/exchange/evaluation/evaluate.ts').EvaluationSet;
type RankerName = import('../src/lib/exchange/evaluation/evaluate.ts').RankerName;

const { values } = parseArgs({ options: { set: { type: 'string' }, json: { type: 'boolean' } } });
const setFile = path.resolve(values.set ?? path.join(exchangeDir, 'evaluation', 'evaluation-set.json'));
const set = JSON.parse(fs.readFileSync(setFile, 'utf8')) as EvaluationSet;

const names = Object.keys(RANKERS) as RankerName[];
const results = new Map(names.map((name) => [name, evaluateRanking(set, name)]));
const main = results.get('taxonomy and text');
if (!main) throw new Error('the ranking is missing from RANKERS');
const relevant = new Map<string, Set<string>>();
for (const pair of set.relevant) relevant.set(pair.demand, (relevant.get(pair.demand) ?? new Set()).add(pair.candidate));

if (values.json) {
  const figures = Object.fromEntries(names.map((name) => [name, results.get(name)?.report.mean]));
  const perDemand = main.report.perDemand.map((d) => ({
    ...d,
    suggestions: (main.suggestions.get(d.demand) ?? []).slice(0, main.report.k).map((s) => ({ ...s, description: describeSuggestion(s) })),
  }));
  console.log(JSON.stringify({ set: setFile, k: main.report.k, precision: figures, perDemand }, null, 2));
  process.exit(0);
}

console.log(
  `Labelled set: ${path.relative(process.cwd(), setFile)} (${set.demands.length} demands, ${set.candidates.length} offers and solutions, ` +
    `${set.relevant.length} relevant pairs, evaluated on ${set.today})`,
);
console.log(`Precision at ${main.report.k} (mean over demands of relevant in top ${main.report.k} / min(${main.report.k}, relevant count)):`);
for (const name of names) console.log(`  ${name.padEnd(18)} ${results.get(name)?.report.mean.toFixed(3)}`);
console.log(`\nTop ${main.report.k} per demand (* = labelled relevant):`);
for (const demand of main.report.perDemand) {
  console.log(`\n${demand.demand}  ${demand.hits.length}/${demand.attainable}  (relevant: ${[...(relevant.get(demand.demand) ?? [])].join(', ')})`);
  for (const [index, s] of (main.suggestions.get(demand.demand) ?? []).slice(0, main.report.k).entries()) {
    const mark = demand.hits.includes(s.documentId) ? '*' : ' ';
    console.log(`  ${index + 1}. ${mark} ${s.documentId}  ${s.score.toFixed(3)}  ${describeSuggestion(s)}`);
  }
}
