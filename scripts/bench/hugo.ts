/**
 * Hugo as the speed anchor of the site benchmark: builds the same corpus as a plain
 * multilingual Hugo site (one page per entry, a list per language and type, no
 * taxonomy pages, no images) and times `hugo --minify --quiet`. Hugo comes from
 * Debian's `hugo` package, installed with apt-get when missing. Compare the ratio to
 * our build in the same run, never absolute seconds across runs or machines.
 *
 * When SSC_BENCH_DIR names an external bench folder, its hugo/run.sh does the same
 * instead (its last line: `hugo <version> pages=<n> wall_s=<seconds>`).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { getLocale, localeCodes } from '@ssc/content-schemas';
import { run } from '../lib/processes.ts';
import type { CorpusEntry } from './corpus-snapshot.ts';
import { benchCacheDir, externalBenchDir } from './paths.ts';

const execFileAsync = promisify(execFile);

export interface HugoResult {
  version: string;
  pages: number;
  seconds: number;
}

/** Parses run.sh's last line: `hugo <version> pages=<n> wall_s=<seconds>`. */
export function parseHugoReport(output: string): HugoResult {
  const match = /hugo\s+(\S+)\s+pages=(\d+)\s+wall_s=([\d.]+)/.exec(output);
  if (!match) throw new Error(`unexpected output from hugo/run.sh:\n${output}`);
  return { version: match[1], pages: Number(match[2]), seconds: Number(match[3]) };
}

/** hugo.toml: one language per locale of the model, each with its own content folder. */
export function hugoConfig(): string {
  const lines = [
    'baseURL = "http://127.0.0.1:1313/"',
    'title = "SSC reference corpus"',
    `defaultContentLanguage = "${localeCodes[0]}"`,
    'defaultContentLanguageInSubdir = true',
    'disableKinds = ["taxonomy", "term"]',
    'hasCJKLanguage = true',
  ];
  for (const [i, code] of localeCodes.entries()) {
    const locale = getLocale(code);
    lines.push(
      '',
      `[languages.${code}]`,
      `  languageName = ${JSON.stringify(locale.nativeName)}`,
      `  languageCode = "${locale.tag}"`,
      `  languageDirection = "${locale.dir}"`,
      `  contentDir = "content/${code}"`,
      `  weight = ${i + 1}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Minimal templates: a page shell with language links, an article, a dated list. */
export const HUGO_LAYOUTS: Readonly<Record<string, string>> = {
  '_default/baseof.html': `<!doctype html>
<html lang="{{ site.LanguageCode }}" dir="{{ site.Language.LanguageDirection }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ with .Title }}{{ . }} · {{ end }}{{ site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .Permalink }}">
{{ end }}<style>body{max-width:46rem;margin:auto;font:1rem/1.6 system-ui,sans-serif;padding:0 1rem}nav a{margin-inline-end:1rem}.meta{color:#555}</style>
</head>
<body>
<header><nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>{{ range .Translations }}<a href="{{ .RelPermalink }}" lang="{{ .Site.LanguageCode }}">{{ .Language.LanguageName }}</a>{{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time> · {{ .Params.contenttype }} · {{ delimit .Params.themes ", " }} · {{ delimit .Params.countries ", " }}</p>
<p>{{ .Description }}</p>
{{ .Content }}
</article>{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time class="meta">{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>{{ end }}
`,
};

/** One content file: front matter (JSON strings are valid YAML) and the Markdown body. */
export function hugoPage(entry: CorpusEntry): string {
  const front = {
    title: entry.title,
    description: entry.summary,
    date: entry.date,
    contenttype: entry.type,
    themes: entry.themes,
    countries: entry.countries,
  };
  const yaml = Object.entries(front).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${yaml.join('\n')}\n---\n\n${entry.body}\n`;
}

/** Writes the Hugo site of `corpus` into `work` (emptied first). */
export function writeHugoSite(corpus: readonly CorpusEntry[], work: string): void {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'hugo.toml'), hugoConfig());
  for (const [name, text] of Object.entries(HUGO_LAYOUTS)) {
    fs.mkdirSync(path.dirname(path.join(work, 'layouts', name)), { recursive: true });
    fs.writeFileSync(path.join(work, 'layouts', name), text);
  }
  const made = new Set<string>();
  for (const entry of corpus) {
    const dir = path.join(work, 'content', entry.locale, entry.type);
    if (!made.has(dir)) fs.mkdirSync(dir, { recursive: true });
    made.add(dir);
    fs.writeFileSync(path.join(dir, `${entry.slug}.md`), hugoPage(entry));
  }
}

async function hasHugo(): Promise<boolean> {
  try {
    await execFileAsync('sh', ['-c', 'command -v hugo']);
    return true;
  } catch {
    return false;
  }
}

/** Installs Debian's hugo package when no `hugo` is on the PATH (needs root). */
export async function ensureHugo(log: (message: string) => void = () => {}): Promise<void> {
  if (await hasHugo()) return;
  log('hugo not found: installing the Debian package (apt-get)…');
  await run('apt-get', ['update', '-qq']);
  await run('apt-get', ['install', '-y', '-qq', 'hugo'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Pages Hugo wrote: its index.html files. */
export function countPages(publicDir: string): number {
  return fs.readdirSync(publicDir, { recursive: true, encoding: 'utf8' }).filter((name) => path.basename(name) === 'index.html').length;
}

async function runExternalHugo(script: string, corpusFile: string, work: string): Promise<HugoResult> {
  if (!fs.existsSync(script)) throw new Error(`no ${script} in the SSC_BENCH_DIR folder; unset SSC_BENCH_DIR to use the repository's Hugo runner`);
  const { stdout } = await execFileAsync('bash', [script, corpusFile, work], { maxBuffer: 16 * 1024 * 1024 });
  return parseHugoReport(stdout);
}

/** Writes the Hugo site of the corpus file into `work` and times Hugo's build of it (Hugo installed first if missing). */
export async function buildWithHugo(corpusFile: string, work: string, log: (message: string) => void = () => {}): Promise<HugoResult> {
  await ensureHugo(log);
  writeHugoSite(JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as CorpusEntry[], work);
  const started = performance.now();
  await execFileAsync('hugo', ['--minify', '--quiet'], { cwd: work, maxBuffer: 16 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const { stdout } = await execFileAsync('hugo', ['version']);
  const version = /hugo\s+(\S+)/.exec(stdout)?.[1] ?? stdout.trim();
  return { version, pages: countPages(path.join(work, 'public')), seconds };
}

/** Builds the corpus with Hugo in .cache/bench/hugo-work (removed afterwards) and times it. */
export async function runHugo(corpusFile: string, log: (message: string) => void = () => {}, env: NodeJS.ProcessEnv = process.env): Promise<HugoResult> {
  const work = path.join(benchCacheDir, 'hugo-work');
  fs.rmSync(work, { recursive: true, force: true });
  const external = externalBenchDir(env);
  try {
    return external ? await runExternalHugo(path.join(external, 'hugo', 'run.sh'), corpusFile, work) : await buildWithHugo(corpusFile, work, log);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
