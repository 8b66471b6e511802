/**
 * Checks a submission against its form's fields (spec.ts), with no Strapi: each
 * field gets at most one problem, named by a code that messages.ts words in the
 * submitter's language. The values come back as entered (trimmed), to show the form
 * again with them.
 */
import { SUBMISSION_FIELDS, type FieldSpec, type SubmissionKind } from './spec';

export type ProblemCode = 'required' | 'too-long' | 'invalid-email' | 'invalid-choice' | 'invalid-date' | 'past-date' | 'html';

export interface Problem {
  code: ProblemCode;
  /** For `too-long`: the most the field may hold. */
  max?: number;
}

export type Values = Record<string, string | string[]>;

export interface Known {
  /** Slugs of the countries and themes in the submitter's locale. */
  countries: ReadonlySet<string>;
  themes: ReadonlySet<string>;
  /** The language codes a form offers. */
  languages: readonly string[];
  /** Today, YYYY-MM-DD (UTC). */
  today: string;
}

export interface Checked {
  values: Values;
  problems: Record<string, Problem>;
}

/** Any tag, comment or processing instruction: `<b`, `</`, `<!`, `<?`. A lone `<` (2 < 3) is text. */
const HTML_TAG = /<\s*[a-zA-Z!/?]/;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** More values than any list on the forms has. */
const MAX_CHOICES = 100;

const isRealDay = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

const textOf = (raw: unknown): string => (typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '');
const listOf = (raw: unknown): string[] => {
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw];
  return items
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.trim())
    .filter(Boolean);
};

function allowedChoices(spec: FieldSpec & { kind: 'choice' | 'choices' }, known: Known): ReadonlySet<string> | readonly string[] {
  if (spec.taxonomy === 'country') return known.countries;
  if (spec.taxonomy === 'theme') return known.themes;
  if (spec.kind === 'choices' && spec.languages) return known.languages;
  return spec.choices ?? [];
}

const includes = (allowed: ReadonlySet<string> | readonly string[], value: string) =>
  allowed instanceof Set ? allowed.has(value) : (allowed as readonly string[]).includes(value);

function checkField(spec: FieldSpec, raw: unknown, known: Known): { value: string | string[]; problem?: Problem } {
  if (spec.kind === 'choices') {
    const value = [...new Set(listOf(raw))];
    if (value.length === 0) return { value, problem: spec.required ? { code: 'required' } : undefined };
    const allowed = allowedChoices(spec, known);
    const bad = value.length > MAX_CHOICES || value.some((v) => !includes(allowed, v));
    return { value, problem: bad ? { code: 'invalid-choice' } : undefined };
  }
  const value = textOf(raw);
  if (!value) return { value, problem: spec.required ? { code: 'required' } : undefined };
  if (HTML_TAG.test(value)) return { value, problem: { code: 'html' } };
  switch (spec.kind) {
    case 'choice':
      return { value, problem: includes(allowedChoices(spec, known), value) ? undefined : { code: 'invalid-choice' } };
    case 'date':
      if (!isRealDay(value)) return { value, problem: { code: 'invalid-date' } };
      return { value, problem: value < known.today ? { code: 'past-date' } : undefined };
    default:
      if (value.length > spec.max) return { value, problem: { code: 'too-long', max: spec.max } };
      if (spec.kind === 'email' && !EMAIL.test(value)) return { value, problem: { code: 'invalid-email' } };
      return { value };
  }
}

export function checkSubmission(kind: SubmissionKind, body: Record<string, unknown>, known: Known): Checked {
  const values: Values = {};
  const problems: Record<string, Problem> = {};
  for (const spec of SUBMISSION_FIELDS[kind]) {
    const { value, problem } = checkField(spec, body[spec.name], known);
    values[spec.name] = value;
    if (problem) problems[spec.name] = problem;
  }
  return { values, problems };
}
