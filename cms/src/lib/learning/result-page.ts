/**
 * The small pages the learning API renders itself, in the learner's language and
 * direction (right to left in Arabic): a quiz's result with the feedback on each
 * picked answer, and a short message (sign in first, not found, no attempts left).
 * Every text is escaped; the page loads nothing else.
 */
import { model } from '../model';
import { escapeHtml } from '../forms/http';
import type { Grade } from './grading';
import { fill, resultStrings, type ResultStrings } from './result-strings';

const STYLE =
  'body{font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d1d1b}' +
  '.right{color:#12622e}.wrong{color:#a1261b}li{margin:.75rem 0}.note{color:#555}a{color:#0b57a4}';

function page(locale: string, title: string, body: string): string {
  const lang = model.locales.find((l) => l.code === locale) ?? model.locales.find((l) => l.code === model.defaultLocale)!;
  return (
    `<!doctype html><html lang="${escapeHtml(lang.tag)}" dir="${lang.dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`
  );
}

export interface ResultPageInput {
  locale: string;
  quizTitle: string;
  passMark: number;
  grade: Grade;
  attemptsLeft: number | null;
  courseComplete: boolean;
  /** The lesson page on the site. */
  returnUrl: string;
}

export function quizResultPage(input: ResultPageInput): string {
  const s = resultStrings(input.locale);
  const { grade } = input;
  const items = grade.questions
    .map((q) => {
      const picked = q.picked.length
        ? q.picked
            .map((p) => `<li>${s.yourAnswer}: ${escapeHtml(p.text)}${p.feedback ? `<br><span class="note">${escapeHtml(p.feedback)}</span>` : ''}</li>`)
            .join('')
        : `<li>${s.noAnswer}</li>`;
      return `<li><strong class="${q.right ? 'right' : 'wrong'}">${q.right ? '✓' : '✗'} ${q.right ? s.right : s.wrong}</strong><br>${escapeHtml(q.prompt)}<ul>${picked}</ul></li>`;
    })
    .join('');
  const attempts =
    input.attemptsLeft === null ? '' : `<p class="note">${input.attemptsLeft > 0 ? fill(s.attemptsLeft, { count: input.attemptsLeft }) : s.noAttemptsLeft}</p>`;
  const again = !grade.passed && input.attemptsLeft !== 0 ? s.tryAgain : s.back;
  const body =
    `<p class="note">${escapeHtml(s.resultTitle)}</p><h1>${escapeHtml(input.quizTitle)}</h1>` +
    `<p><strong data-score="${grade.score}">${fill(s.score, { score: grade.score, passMark: input.passMark })}</strong></p>` +
    `<p class="${grade.passed ? 'right' : 'wrong'}" data-passed="${grade.passed}">${grade.passed ? s.passed : s.failed}</p>` +
    (input.courseComplete ? `<p class="right">${s.courseComplete}</p>` : '') +
    `<ol>${items}</ol>${attempts}<p><a href="${escapeHtml(input.returnUrl)}">${escapeHtml(again)}</a></p>`;
  return page(input.locale, `${input.quizTitle} · ${s.resultTitle}`, body);
}

/** A one-message page (sign in first, not found, no attempts left) with a link back. */
export function messagePage(locale: string, message: keyof ResultStrings, returnUrl: string): string {
  const s = resultStrings(locale);
  return page(locale, s[message], `<p>${escapeHtml(s[message])}</p><p><a href="${escapeHtml(returnUrl)}">${escapeHtml(s.back)}</a></p>`);
}
