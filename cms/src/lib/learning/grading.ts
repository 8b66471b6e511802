/**
 * Grades a quiz on the server (docs/cloud-school.md): the only place that reads which
 * choices are correct. A question scores when the learner picked exactly its correct
 * choices (one for single choice and true/false, all of them for multiple choice);
 * the score is the percentage of questions right, and passes at the quiz's pass mark.
 */

export type QuestionKind = 'single' | 'multiple' | 'true-false';

export interface GradableQuiz {
  passMark: number;
  maxAttempts: number | null;
  questions: { prompt: string; kind: QuestionKind; choices: { text: string; correct: boolean | null; feedback: string | null }[] }[];
}

/** The choices a learner picked, by position, for each question in order. */
export type Answers = number[][];

export interface QuestionResult {
  prompt: string;
  right: boolean;
  /** The picked choices, each with its text and its feedback: never the choices the learner did not pick. */
  picked: { text: string; feedback: string | null }[];
}

export interface Grade {
  score: number;
  passed: boolean;
  questions: QuestionResult[];
}

/** The positions of the picked choices of one question: known positions only, each once, in order. */
function cleanPicks(picks: readonly number[] | undefined, choiceCount: number): number[] {
  return [...new Set((picks ?? []).filter((p) => Number.isInteger(p) && p >= 0 && p < choiceCount))].sort((a, b) => a - b);
}

export function gradeQuiz(quiz: GradableQuiz, answers: Answers): Grade {
  const questions = quiz.questions.map((question, q): QuestionResult => {
    const picked = cleanPicks(answers[q], question.choices.length);
    const correct = question.choices.flatMap((choice, c) => (choice.correct ? [c] : []));
    const onePick = question.kind !== 'multiple';
    const right = (!onePick || picked.length === 1) && picked.length === correct.length && picked.every((p, i) => p === correct[i]);
    return { prompt: question.prompt, right, picked: picked.map((p) => ({ text: question.choices[p]!.text, feedback: question.choices[p]!.feedback })) };
  });
  const total = questions.length;
  const score = total ? Math.round((100 * questions.filter((q) => q.right).length) / total) : 0;
  return { score, passed: score >= quiz.passMark, questions };
}

/** Whether a learner who has made `attemptsSoFar` attempts may submit again. */
export const mayAttempt = (quiz: Pick<GradableQuiz, 'maxAttempts'>, attemptsSoFar: number): boolean =>
  quiz.maxAttempts === null || quiz.maxAttempts === undefined || attemptsSoFar < quiz.maxAttempts;

/**
 * The answers of a submission: a JSON `answers` array of arrays, or form fields
 * `q0`, `q1`… (a value or a list of values, as radio buttons and checkboxes send them).
 */
export function answersFrom(body: Record<string, unknown>, questionCount: number): Answers {
  const toNumbers = (value: unknown): number[] =>
    (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]).map(Number);
  if (Array.isArray(body.answers)) return Array.from({ length: questionCount }, (_, q) => toNumbers((body.answers as unknown[])[q]));
  return Array.from({ length: questionCount }, (_, q) => toNumbers(body[`q${q}`]));
}
