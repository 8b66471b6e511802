/**
 * The published course and quiz content the learning API needs, read with the
 * Document Service (which, unlike the content API, sees a quiz's private answers:
 * they stay in this process).
 */
import type { Core } from '@strapi/strapi';
import type { GradableQuiz } from './grading';

export interface CourseLesson {
  slug: string;
  kind: string;
  required: boolean;
  title: string;
  quizDocumentId: string | null;
}

interface LessonRow {
  slug: string;
  kind: string;
  required: boolean | null;
  title: string;
  quiz?: { documentId: string } | null;
}

const COURSE_UID = 'api::course.course';
const QUIZ_UID = 'api::quiz.quiz';

/** The lessons of a course published in `locale`, in order; null when it is not published there. */
export async function courseLessons(strapi: Core.Strapi, courseDocumentId: string, locale: string): Promise<CourseLesson[] | null> {
  const course = (await strapi.documents(COURSE_UID).findOne({
    documentId: courseDocumentId,
    locale,
    status: 'published',
    fields: ['title'],
    populate: { modules: { populate: { lessons: { populate: { quiz: { fields: ['documentId'] } } } } } },
  } as never)) as { modules?: { lessons?: LessonRow[] }[] } | null;
  if (!course) return null;
  return (course.modules ?? []).flatMap((m) =>
    (m.lessons ?? []).map((l) => ({ slug: l.slug, kind: l.kind, required: l.required !== false, title: l.title, quizDocumentId: l.quiz?.documentId ?? null })),
  );
}

/** The course's title in `locale`, for pages the CMS renders. */
export async function courseTitle(strapi: Core.Strapi, courseDocumentId: string, locale: string): Promise<string | null> {
  const course = (await strapi.documents(COURSE_UID).findOne({ documentId: courseDocumentId, locale, status: 'published', fields: ['title'] } as never)) as {
    title: string;
  } | null;
  return course?.title ?? null;
}

export interface PublishedQuiz extends GradableQuiz {
  documentId: string;
  title: string;
}

/** A quiz published in `locale`, with its answers, for grading; null when it is not. */
export async function quizForGrading(strapi: Core.Strapi, documentId: string, locale: string): Promise<PublishedQuiz | null> {
  return (await strapi.documents(QUIZ_UID).findOne({
    documentId,
    locale,
    status: 'published',
    populate: { questions: { populate: { choices: true } } },
  } as never)) as PublishedQuiz | null;
}

/** Whether every required lesson is among those done. */
export const isComplete = (lessons: readonly CourseLesson[], done: readonly string[]): boolean => {
  const doneSet = new Set(done);
  const required = lessons.filter((l) => l.required);
  return required.length > 0 && required.every((l) => doneSet.has(l.slug));
};
