/** Lesson pages and quizzes on the static site: every lesson in every locale, quiz forms that post to the CMS, and no answers anywhere. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cmsPublicUrl, localeCodes, readSnapshot, type SnapshotEntry } from '@ssc/content-schemas';
import { allPages, page, site } from './helpers.ts';
import { PROGRESS_SCRIPT_PATH } from '../src/lib/learning.ts';

const snapshot = readSnapshot(site.snapshotDir);
const courses = (locale: (typeof localeCodes)[number]) => snapshot.entries.course[locale] as SnapshotEntry<'course'>[];
const lessonsOf = (course: SnapshotEntry<'course'>) => course.modules.flatMap((m) => m.lessons);
const progressScript = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'public', PROGRESS_SCRIPT_PATH);

/** Every answer and feedback of the demo quizzes: none may reach a built file. */
function demoAnswerTexts(): string[] {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'cms', 'seed', 'content', 'quizzes.json');
  const quizzes = JSON.parse(fs.readFileSync(file, 'utf8')) as { locales: Record<string, { questions: { choices: { feedback?: string }[] }[] }> }[];
  return quizzes.flatMap((q) => Object.values(q.locales).flatMap((l) => l.questions.flatMap((qu) => qu.choices.map((c) => c.feedback ?? '').filter(Boolean))));
}

describe('lesson pages', () => {
  it('exist for every lesson of every published course, in all five locales, linked from the course page', () => {
    for (const locale of localeCodes) {
      expect(courses(locale).length, locale).toBeGreaterThan(0);
      for (const course of courses(locale)) {
        const coursePage = page(`/${locale}/courses/${course.slug}/`);
        for (const lesson of lessonsOf(course)) {
          const url = `/${locale}/courses/${course.slug}/${lesson.slug}/`;
          const lessonPage = page(url);
          expect(lessonPage.doc.querySelector('h1')?.text, url).toBe(lesson.title);
          expect(coursePage.doc.querySelector(`a[href="${url}"]`), `course page links ${url}`).not.toBeNull();
        }
      }
    }
  });

  it('are right to left in Arabic and read without any script', () => {
    const course = courses('ar')[0]!;
    const lesson = page(`/ar/courses/${course.slug}/${lessonsOf(course)[0]!.slug}/`);
    expect(lesson.doc.querySelector('html')?.getAttribute('dir')).toBe('rtl');
    expect(lesson.doc.querySelector('.body')?.text.length).toBeGreaterThan(20);
    expect(lesson.doc.querySelectorAll('script[src]')).toHaveLength(0);
  });

  it('show a quiz as a plain form posting to the CMS, with the course, lesson, locale and page to return to', () => {
    for (const locale of localeCodes) {
      const course = courses(locale).find((c) => lessonsOf(c).some((l) => l.kind === 'quiz' && l.quiz))!;
      const lesson = lessonsOf(course).find((l) => l.kind === 'quiz')!;
      const url = `/${locale}/courses/${course.slug}/${lesson.slug}/`;
      const form = page(url).doc.querySelector('form.quiz')!;
      expect(form.getAttribute('method')).toBe('post');
      expect(form.getAttribute('action')).toBe(`${cmsPublicUrl()}/api/learning/quizzes/${lesson.quiz!.documentId}/attempts`);
      const hidden = Object.fromEntries(form.querySelectorAll('input[type=hidden]').map((i) => [i.getAttribute('name'), i.getAttribute('value')]));
      expect(hidden).toEqual({ locale, course: course.documentId, lesson: lesson.slug, return: new URL(url, site.siteUrl).href });
      const quiz = (snapshot.entries.quiz[locale] as SnapshotEntry<'quiz'>[]).find((q) => q.documentId === lesson.quiz!.documentId)!;
      expect(form.querySelectorAll('fieldset')).toHaveLength(quiz.questions.length);
      quiz.questions.forEach((question, q) => {
        const inputs = form.querySelectorAll(`input[name="q${q}"]`);
        expect(inputs.map((i) => i.getAttribute('value'))).toEqual(question.choices.map((_, c) => String(c)));
        expect(inputs[0]!.getAttribute('type')).toBe(question.kind === 'multiple' ? 'checkbox' : 'radio');
      });
    }
  });

  it('never reveal which answer is right, or any feedback, anywhere in the built site', () => {
    const feedback = demoAnswerTexts();
    expect(feedback.length).toBeGreaterThan(10);
    for (const entry of fs.readdirSync(site.dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(html|json|xml|txt|js)$/.test(entry.name)) continue;
      const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
      expect(text, entry.name).not.toMatch(/"correct"\s*:|data-correct|"feedback"\s*:/);
      for (const f of feedback) expect(text.includes(f), `${entry.name} holds feedback "${f}"`).toBe(false);
    }
  });
});

describe('the progress script', () => {
  it('is loaded only from course and lesson pages, and only by a check of the ssc_learner cookie', () => {
    const loaders = allPages().filter((p) => p.html.includes(PROGRESS_SCRIPT_PATH));
    expect(loaders.length).toBeGreaterThan(0);
    for (const p of loaders) expect(p.url, p.url).toMatch(/^\/[a-z]{2}\/courses\/[a-z0-9-]+\/([a-z0-9-]+\/)?$/);
    const inline = loaders[0]!.doc
      .querySelectorAll('script')
      .map((s) => s.text)
      .find((s) => s.includes(PROGRESS_SCRIPT_PATH))!;
    expect(inline).toContain('ssc_learner=1');
    expect(fs.existsSync(path.join(site.dir, PROGRESS_SCRIPT_PATH))).toBe(true);
  });

  it('weighs at most 6 KB gzip', () => {
    const gzipped = zlib.gzipSync(fs.readFileSync(progressScript), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(6 * 1024);
  });
});
