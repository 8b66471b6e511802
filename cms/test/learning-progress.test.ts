/**
 * The learning progress API against a real Strapi with the demo content: enrolment,
 * lessons done (a replayed opId counts once), progress only ever the learner's own,
 * quizzes graded on the server with pass marks and attempt limits, completion, and
 * answers that no response reveals before grading.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cms, contentApi } from './support/http.ts';
import { createLearner, learnerRoleId, type TestLearner } from './support/learners.ts';

interface SeedQuiz {
  slug: string;
  shared: { passMark: number; maxAttempts?: number };
  locales: Record<string, { questions: { kind: string; choices: { text: string; correct: boolean; feedback?: string }[] }[] }>;
}
const seedQuizzes = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../seed/content/quizzes.json'), 'utf8')) as SeedQuiz[];
const RICE_QUIZ = seedQuizzes.find((q) => q.slug === 'hybrid-rice-value-chain-quiz')!;
const RICE_COURSE = 'hybrid-rice-value-chain';

/** The right answers of the rice quiz, by position (the same in every locale). */
const rightAnswers = () => RICE_QUIZ.locales.en!.questions.map((q) => q.choices.flatMap((c, i) => (c.correct ? [i] : [])));
/** Answers that get every question wrong: the first wrong choice of each. */
const wrongAnswers = () => RICE_QUIZ.locales.en!.questions.map((q) => [q.choices.findIndex((c) => !c.correct)]);

interface Lesson {
  slug: string;
  kind: string;
  required: boolean;
  quiz: { documentId: string } | null;
}

async function courseInfo(locale: string) {
  const res = await contentApi(`/courses?locale=${locale}&filters[slug][$eq]=${RICE_COURSE}`);
  expect(res.status).toBe(200);
  const course = res.body.data[0];
  const lessons = (course.modules as { lessons: Lesson[] }[]).flatMap((m) => m.lessons);
  const quizLesson = lessons.find((l) => l.kind === 'quiz')!;
  return { documentId: course.documentId as string, lessons, quizLesson, quizId: quizLesson.quiz!.documentId };
}

const api = (p: string) => `${cms().url}/api/learning/${p}`;
const siteUrl = () => cms().env.SSC_SITE_URL || 'http://127.0.0.1:4321';

async function postJson(learner: TestLearner | null, p: string, body: unknown) {
  const res = await fetch(api(p), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(learner ? { cookie: learner.cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function postForm(learner: TestLearner | null, p: string, fields: [string, string][]) {
  const res = await fetch(api(p), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...(learner ? { cookie: learner.cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), type: res.headers.get('content-type'), text: await res.text() };
}

async function progress(learner: TestLearner | null, course: string) {
  const res = await fetch(api(`progress?course=${course}`), { headers: { accept: 'application/json', ...(learner ? { cookie: learner.cookie } : {}) } });
  return { status: res.status, body: await res.json() };
}

const answerFields = (answers: number[][]): [string, string][] => answers.flatMap((picks, q) => picks.map((p): [string, string] => [`q${q}`, String(p)]));

describe('the learning progress API', () => {
  let roleId: number;
  let course: Awaited<ReturnType<typeof courseInfo>>;
  beforeAll(async () => {
    roleId = await learnerRoleId();
    course = await courseInfo('en');
  });

  it("never serves a quiz's answers or feedback on the content API, whatever is populated", async () => {
    for (const query of ['', '&populate[questions][populate][choices]=*', '&populate=*', '&populate[questions][populate][choices][fields][0]=correct']) {
      const res = await contentApi(`/quizzes?locale=fr${query}`);
      // Asking for the private field by name is refused (400), like any unknown field.
      expect(res.status, query).toBe(query.includes('=correct') ? 400 : 200);
      const text = JSON.stringify(res.body);
      expect(text, query).not.toMatch(/"correct":|"feedback":/);
      for (const quiz of seedQuizzes)
        for (const q of quiz.locales.fr!.questions) for (const c of q.choices) if (c.feedback) expect(text).not.toContain(c.feedback);
    }
    const populated = await contentApi('/quizzes?locale=fr&populate[questions][populate][choices]=*');
    expect(JSON.stringify(populated.body)).toContain(RICE_QUIZ.locales.fr!.questions[0]!.choices[0]!.text);
  });

  it('refuses every route to a reader who is not signed in, and to a token of someone who is not a learner', async () => {
    expect((await progress(null, course.documentId)).status).toBe(401);
    expect((await postJson(null, 'enrol', { course: course.documentId, locale: 'en' })).status).toBe(401);
    expect((await postJson(null, `quizzes/${course.quizId}/attempts`, { locale: 'en', answers: rightAnswers() })).status).toBe(401);
    const form = await postForm(null, `quizzes/${course.quizId}/attempts`, [
      ['locale', 'fr'],
      ['return', `${siteUrl()}/fr/`],
    ]);
    expect(form.status).toBe(401);
    expect(form.text).toContain('Connectez-vous');
    const forged = { id: 0, email: '', cookie: 'ssc_learning=not-a-token' };
    expect((await progress(forged, course.documentId)).status).toBe(401);
  });

  it("enrols, counts a lesson once when its opId is replayed, and never shows one learner's progress to another", async () => {
    const ana = await createLearner(roleId);
    const ben = await createLearner(roleId);
    expect((await postJson(ana, 'enrol', { course: course.documentId, locale: 'en' })).body.data.enrolled).toBe(true);
    const reading = course.lessons.find((l) => l.kind === 'reading')!;
    const op = { course: course.documentId, locale: 'en', lesson: reading.slug, opId: 'op-0123456789abcdef' };
    const first = await postJson(ana, 'lesson-done', op);
    expect(first.status).toBe(200);
    expect(first.body.data.counted).toBe(true);
    const replay = await postJson(ana, 'lesson-done', op);
    expect(replay.body.data.counted).toBe(false);
    expect(replay.body.data.done).toEqual([reading.slug]);

    const own = await progress(ana, course.documentId);
    expect(own.body.data).toMatchObject({ enrolled: true, done: [reading.slug], complete: false });
    // Ben asks for the same course, even naming Ana: he only ever gets his own (empty) progress.
    const other = await fetch(api(`progress?course=${course.documentId}&learner=${ana.id}&user=${ana.id}`), { headers: { cookie: ben.cookie } });
    expect((await other.json()).data).toMatchObject({ enrolled: false, done: [] });
  });

  it('refuses to mark done a lesson the course does not have, or a quiz lesson without passing its quiz', async () => {
    const ana = await createLearner(roleId);
    expect((await postJson(ana, 'lesson-done', { course: course.documentId, locale: 'en', lesson: 'no-such-lesson' })).status).toBe(404);
    expect((await postJson(ana, 'lesson-done', { course: course.documentId, locale: 'en', lesson: course.quizLesson.slug })).status).toBe(404);
  });

  it('answers a form post with a 303 back to the site, and never redirects elsewhere', async () => {
    const ana = await createLearner(roleId);
    const back = `${siteUrl()}/en/courses/${RICE_COURSE}/`;
    const enrol = await postForm(ana, 'enrol', [
      ['course', course.documentId],
      ['locale', 'en'],
      ['return', back],
    ]);
    expect(enrol.status).toBe(303);
    expect(enrol.location).toBe(`${back}?learning=enrolled`);
    const evil = await postForm(ana, 'enrol', [
      ['course', course.documentId],
      ['locale', 'en'],
      ['return', 'https://evil.example.com/'],
    ]);
    expect(evil.location).toBe(`${new URL(siteUrl()).origin}/?learning=enrolled`);
  });

  it('grades a failed form attempt on the server: a result page in Arabic, right to left, with feedback on the picked answers only', async () => {
    const ana = await createLearner(roleId);
    const ar = await courseInfo('ar');
    const page = await postForm(ana, `quizzes/${ar.quizId}/attempts`, [
      ['locale', 'ar'],
      ['course', ar.documentId],
      ['lesson', ar.quizLesson.slug],
      ['return', `${siteUrl()}/ar/courses/${RICE_COURSE}/${ar.quizLesson.slug}/`],
      ...answerFields(wrongAnswers()),
    ]);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.text).toMatch(/<html lang="ar" dir="rtl">/);
    expect(page.text).toContain('data-passed="false"');
    expect(page.text).toContain('data-score="0"');
    const questions = RICE_QUIZ.locales.ar!.questions;
    wrongAnswers().forEach(([picked], q) => expect(page.text).toContain(questions[q]!.choices[picked!]!.feedback!));
    for (const q of questions) for (const c of q.choices) if (c.correct) expect(page.text).not.toContain(c.feedback!);
    expect((await progress(ana, ar.documentId)).body.data.done).toEqual([]);
  });

  it('passes at the pass mark, marks the quiz lesson done, and completes the course once every required lesson is done', async () => {
    const ana = await createLearner(roleId);
    const failed = await postJson(ana, `quizzes/${course.quizId}/attempts`, {
      locale: 'en',
      course: course.documentId,
      lesson: course.quizLesson.slug,
      answers: wrongAnswers(),
    });
    expect(failed.body.data).toMatchObject({ passed: false, score: 0, passMark: RICE_QUIZ.shared.passMark, attemptsLeft: RICE_QUIZ.shared.maxAttempts! - 1 });
    for (const lesson of course.lessons.filter((l) => l.required && l.kind !== 'quiz')) {
      const done = await postJson(ana, 'lesson-done', { course: course.documentId, locale: 'en', lesson: lesson.slug });
      expect(done.body.data.complete, lesson.slug).toBe(false);
    }
    const passed = await postJson(ana, `quizzes/${course.quizId}/attempts`, {
      locale: 'en',
      course: course.documentId,
      lesson: course.quizLesson.slug,
      answers: rightAnswers(),
    });
    expect(passed.body.data).toMatchObject({ passed: true, score: 100, courseComplete: true });
    const state = (await progress(ana, course.documentId)).body.data;
    expect(state.complete).toBe(true);
    expect(state.completedAt).toEqual(expect.any(String));
    expect(state.done).toContain(course.quizLesson.slug);

    // Completion issues the certificate, which "my learning" links to.
    const my = await fetch(api('en/my'), { headers: { accept: 'text/html', cookie: ana.cookie } });
    expect(my.status).toBe(200);
    const certificatePath = /href="([^"]*\/api\/learning\/certificates\/[0-9a-f-]{36})"/.exec(await my.text())?.[1];
    expect(certificatePath, 'a certificate link on "my learning"').toBeDefined();
    const credential = await fetch(new URL(`${certificatePath}.json`, cms().url));
    expect(credential.status).toBe(200);
    const json = (await credential.json()) as { type: string[]; credentialSubject: { achievement: { id: string } }; proof: { cryptosuite: string } };
    expect(json.type).toContain('OpenBadgeCredential');
    expect(json.credentialSubject.achievement.id).toContain(RICE_COURSE);
    expect(json.proof.cryptosuite).toBe('eddsa-jcs-2022');
  });

  it('enforces the attempt limit, and counts a replayed attempt (same opId) once', async () => {
    const ben = await createLearner(roleId);
    const attempt = (opId: string) =>
      postJson(ben, `quizzes/${course.quizId}/attempts`, {
        locale: 'en',
        course: course.documentId,
        lesson: course.quizLesson.slug,
        answers: wrongAnswers(),
        opId,
      });
    const max = RICE_QUIZ.shared.maxAttempts!;
    const first = await attempt('attempt-op-00001');
    expect((await attempt('attempt-op-00001')).body.data).toMatchObject({ replayed: true, attemptsLeft: first.body.data.attemptsLeft });
    for (let i = 2; i <= max; i++) expect((await attempt(`attempt-op-0000${i}`)).status).toBe(200);
    const refused = await attempt('attempt-op-99999');
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toMatch(/correct|feedback/);
  });

  it("refuses a quiz posted for a lesson that is not that quiz's", async () => {
    const ana = await createLearner(roleId);
    const reading = course.lessons.find((l) => l.kind === 'reading')!;
    const res = await postJson(ana, `quizzes/${course.quizId}/attempts`, {
      locale: 'en',
      course: course.documentId,
      lesson: reading.slug,
      answers: rightAnswers(),
    });
    expect(res.status).toBe(404);
    expect((await progress(ana, course.documentId)).body.data.done).toEqual([]);
  });

  it("answers the site's origin cross-origin with credentials, and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(api('progress'), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const site = new URL(siteUrl()).origin;
    const ok = await preflight(site);
    expect(ok.headers.get('access-control-allow-origin')).toBe(site);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.com');
  });
});
