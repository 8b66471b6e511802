/**
 * Reads and validates the demo content files, including the links between them
 * (taxonomy slugs, related items, attachment files, lesson videos) and the media
 * files they need in cms/seed/media/. Every problem names the file, the document
 * and the locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { demoMediaFiles, mediaDir } from './media.ts';
import {
  contentFiles,
  type CourseSeed,
  type DemandSeed,
  type MatchSeed,
  type NewsSeed,
  type OfferSeed,
  type PolicySeed,
  type QuizSeed,
  type ReportSeed,
  type SolutionSeed,
  type TaxonomySeed,
  type VideoSeed,
} from './format.ts';

export const contentDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'content');

export interface DemoContent {
  taxonomy: TaxonomySeed;
  news: NewsSeed[];
  videos: VideoSeed[];
  reports: ReportSeed[];
  policies: PolicySeed[];
  courses: CourseSeed[];
  quizzes: QuizSeed[];
  solutions: SolutionSeed[];
  offers: OfferSeed[];
  demands: DemandSeed[];
  matches: MatchSeed[];
}

function readFile<K extends keyof typeof contentFiles>(name: K, problems: string[]): z.infer<(typeof contentFiles)[K]> | undefined {
  const file = path.join(contentDir, name);
  if (!fs.existsSync(file)) {
    problems.push(`${name}: missing`);
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${name}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = contentFiles[name].safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = issue.path.map(String);
      const doc = typeof issue.path[0] === 'number' ? (raw as { slug?: string }[])[issue.path[0]]?.slug : undefined;
      problems.push(`${name}: ${doc ? `"${doc}" ` : ''}${at.join('.')}: ${issue.message}`);
    }
    return undefined;
  }
  return parsed.data as z.infer<(typeof contentFiles)[K]>;
}

function checkLinks(c: DemoContent, problems: string[]): void {
  const themes = new Set(c.taxonomy.themes.map((t) => t.slug));
  const countries = new Set(c.taxonomy.countries.map((t) => t.slug));
  const partners = new Set(c.taxonomy.partners.map((t) => t.slug));
  const slugs = {
    news: new Set(c.news.map((d) => d.slug)),
    videos: new Set(c.videos.map((d) => d.slug)),
    reports: new Set(c.reports.map((d) => d.slug)),
    courses: new Set(c.courses.map((d) => d.slug)),
    quizzes: new Set(c.quizzes.map((d) => d.slug)),
    solutions: new Set(c.solutions.map((d) => d.slug)),
    offers: new Set(c.offers.map((d) => d.slug)),
    demands: new Set(c.demands.map((d) => d.slug)),
  };
  const need = (file: string, doc: string, what: string, known: Set<string>, values: (string | undefined)[]) => {
    for (const v of values) if (v !== undefined && !known.has(v)) problems.push(`${file}: "${doc}" links to unknown ${what} "${v}"`);
  };
  const all = [
    ...c.news.map((d) => ['news.json', d] as const),
    ...c.videos.map((d) => ['videos.json', d] as const),
    ...c.reports.map((d) => ['reports.json', d] as const),
    ...c.courses.map((d) => ['courses.json', d] as const),
    ...c.solutions.map((d) => ['solutions.json', d] as const),
    ...c.offers.map((d) => ['offers.json', d] as const),
    ...c.demands.map((d) => ['demands.json', d] as const),
    ...c.matches.map((d) => ['matches.json', d] as const),
  ];
  for (const [file, d] of all) {
    need(file, d.slug, 'theme', themes, d.shared.themes);
    need(file, d.slug, 'country', countries, d.shared.countries);
  }
  for (const d of c.news) {
    need('news.json', d.slug, 'partner', partners, d.shared.partners);
    for (const kind of ['news', 'reports', 'videos', 'courses'] as const) {
      need('news.json', d.slug, kind, slugs[kind], d.shared.related?.[kind] ?? []);
    }
  }
  for (const d of c.videos) need('videos.json', d.slug, 'partner', partners, d.shared.partners);
  for (const d of c.reports) need('reports.json', d.slug, 'partner', partners, [d.shared.publisher, ...d.shared.partners]);
  for (const d of c.policies) {
    need('policies.json', d.slug, 'theme', themes, d.shared.themes);
    need('policies.json', d.slug, 'country', countries, [d.shared.country]);
  }
  for (const d of c.courses) need('courses.json', d.slug, 'partner', partners, [d.shared.partnerInstitution]);
  for (const d of c.solutions) need('solutions.json', d.slug, 'partner', partners, [...d.shared.partners, d.shared.contactOrganization]);
  for (const d of c.offers) need('offers.json', d.slug, 'partner', partners, [d.shared.provider]);
  for (const d of c.demands) need('demands.json', d.slug, 'country', countries, [d.shared.country]);
  for (const d of c.matches) {
    need('matches.json', d.slug, 'demand', slugs.demands, [d.shared.demand]);
    need('matches.json', d.slug, 'offer', slugs.offers, d.shared.offers);
    need('matches.json', d.slug, 'solution', slugs.solutions, d.shared.solutions);
  }
  for (const d of c.offers) {
    for (const [loc, text] of Object.entries(d.locales))
      if (!d.shared.provider && !text?.providerName) problems.push(`offers.json: "${d.slug}" [${loc}] names no provider (provider or providerName)`);
  }
  for (const [file, docs] of [
    ['reports.json', c.reports],
    ['policies.json', c.policies],
  ] as const) {
    for (const d of docs) {
      const keys = new Set(d.shared.files.map((f) => f.key));
      for (const [loc, text] of Object.entries(d.locales)) {
        for (const a of text?.attachments ?? [])
          if (!keys.has(a.file)) problems.push(`${file}: "${d.slug}" [${loc}] attachment names unknown file "${a.file}"`);
      }
    }
  }
  for (const d of c.courses) {
    for (const [loc, text] of Object.entries(d.locales)) {
      for (const m of text?.modules ?? []) {
        for (const l of m.lessons) {
          if (l.kind === 'video' && !l.video) problems.push(`courses.json: "${d.slug}" [${loc}] video lesson "${l.title}" names no video`);
          need('courses.json', `${d.slug} [${loc}]`, 'video', slugs.videos, [l.video]);
          if (l.kind === 'quiz' && !l.quiz) problems.push(`courses.json: "${d.slug}" [${loc}] quiz lesson "${l.title}" names no quiz`);
          need('courses.json', `${d.slug} [${loc}]`, 'quiz', slugs.quizzes, [l.quiz]);
        }
      }
      const lessonSlugs = (text?.modules ?? []).flatMap((m) => m.lessons.map((l) => l.slug));
      const english = d.locales.en!.modules.flatMap((m) => m.lessons.map((l) => l.slug));
      if (new Set(lessonSlugs).size !== lessonSlugs.length) problems.push(`courses.json: "${d.slug}" [${loc}] uses a lesson slug twice`);
      if (lessonSlugs.join() !== english.join()) problems.push(`courses.json: "${d.slug}" [${loc}] lesson slugs differ from the English ones`);
    }
  }
  for (const d of c.quizzes) {
    const answers = (text: QuizSeed['locales']['en']) => JSON.stringify(text?.questions.map((q) => [q.kind, q.choices.map((ch) => ch.correct)]));
    for (const [loc, text] of Object.entries(d.locales)) {
      if (answers(text) !== answers(d.locales.en)) problems.push(`quizzes.json: "${d.slug}" [${loc}] questions or answers differ from the English ones`);
    }
  }
  for (const m of demoMediaFiles(c)) {
    if (!fs.existsSync(path.join(mediaDir, m.name))) problems.push(`${m.usedBy} needs the media file "${m.name}", which is not in cms/seed/media/`);
  }
  for (const [kind, docs] of Object.entries({
    news: c.news,
    videos: c.videos,
    reports: c.reports,
    policies: c.policies,
    courses: c.courses,
    quizzes: c.quizzes,
    solutions: c.solutions,
    offers: c.offers,
    demands: c.demands,
    matches: c.matches,
  })) {
    const seen = new Set<string>();
    for (const d of docs) {
      if (seen.has(d.slug)) problems.push(`${kind}: slug "${d.slug}" is used twice`);
      seen.add(d.slug);
    }
  }
}

/** Loads every content file; throws one error listing every problem found. */
export function loadDemoContent(): DemoContent {
  const problems: string[] = [];
  const content = {
    taxonomy: readFile('taxonomy.json', problems),
    news: readFile('news.json', problems),
    videos: readFile('videos.json', problems),
    reports: readFile('reports.json', problems),
    policies: readFile('policies.json', problems),
    courses: readFile('courses.json', problems),
    quizzes: readFile('quizzes.json', problems),
    solutions: readFile('solutions.json', problems),
    offers: readFile('offers.json', problems),
    demands: readFile('demands.json', problems),
    matches: readFile('matches.json', problems),
  };
  if (!problems.length) checkLinks(content as DemoContent, problems);
  if (problems.length) throw new Error(`Demo content has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return content as DemoContent;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const c = loadDemoContent();
    console.log(
      `Demo content OK: ${c.news.length} news, ${c.videos.length} videos, ${c.reports.length} reports, ${c.policies.length} policies, ${c.courses.length} courses, ${c.quizzes.length} quizzes, ${c.solutions.length} solutions, ${c.offers.length} offers, ${c.demands.length} demands, ${c.matches.length} matches.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
