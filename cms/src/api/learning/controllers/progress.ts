/**
 * The learning progress API (docs/cloud-school.md, "Routes"): enrolment, lessons
 * done, a learner's progress in a course, and quiz attempts graded here. Every
 * handler acts for the signed-in learner only (lib/learning/session.ts); a JSON
 * request gets JSON, a form post a redirect back to the site or a small page.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from '../../../lib/koa';
import { currentLearner, type Learner } from '../../../lib/learning/session';
import { answersFrom, gradeQuiz, mayAttempt } from '../../../lib/learning/grading';
import { courseLessons, isComplete, quizForGrading, type CourseLesson } from '../../../lib/learning/course-lessons';
import { progressOf, type DoneHow, type LearnerProgress } from '../../../lib/learning/progress-store';
import { messagePage, quizResultPage } from '../../../lib/learning/result-page';
import { siteReturnUrl } from '../../../lib/learning/site-origin';
import { bodyOf, html, jsonError, knownLocale, opIdOf, pageLocale, redirectBack, text, wantsJson } from '../../../lib/learning/learning-http';

interface CertificatesService {
  issue(input: { learner: Learner; courseDocumentId: string; locale: string }): Promise<unknown>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const progressFor = (learner: Learner) => progressOf(strapi.db.connection, learner.id);

  /** Marks the course complete when every required lesson is done, once, and asks for its certificate. */
  async function completeIfDone(learner: Learner, progress: LearnerProgress, courseDocumentId: string, locale: string, lessons: CourseLesson[]) {
    if (!isComplete(lessons, await progress.doneLessons(courseDocumentId))) return false;
    const enrolment = await progress.enrolment(courseDocumentId);
    if (enrolment && !enrolment.completedAt) {
      await progress.markCompleted(courseDocumentId);
      const certificates = strapi.service('api::learning.certificates' as never) as CertificatesService | undefined;
      try {
        await certificates?.issue?.({ learner, courseDocumentId, locale });
      } catch (error) {
        strapi.log.error(`[learning] certificate for course ${courseDocumentId} not issued: ${(error as Error).message}`);
      }
    }
    return true;
  }

  /** The signed-in learner, or an answer saying to sign in first (401 JSON, or a redirect back). */
  async function learnerOr401(ctx: Context, returnUrl: string): Promise<Learner | null> {
    const learner = await currentLearner(strapi, ctx);
    if (learner) return learner;
    if (wantsJson(ctx)) jsonError(ctx, 401, 'UnauthorizedError', 'Sign in as a learner first');
    else redirectBack(ctx, returnUrl, 'sign-in');
    return null;
  }

  /** A post about one course: the signed-in learner and the course's lessons in the posted locale (else it has answered). */
  async function coursePost(ctx: Context) {
    const body = bodyOf(ctx);
    const returnUrl = siteReturnUrl(body.return);
    const learner = await learnerOr401(ctx, returnUrl);
    if (!learner) return null;
    const course = text(body.course);
    const locale = knownLocale(body.locale);
    const lessons = course && locale ? await courseLessons(strapi, course, locale) : null;
    if (!course || !locale || !lessons) {
      jsonError(ctx, 404, 'NotFoundError', 'No such course in this language');
      return null;
    }
    return { body, returnUrl, learner, course, locale, lessons };
  }

  return {
    async enrol(ctx: Context) {
      const post = await coursePost(ctx);
      if (!post) return;
      await progressFor(post.learner).enrol(post.course, post.locale);
      if (wantsJson(ctx)) ctx.body = { data: { course: post.course, enrolled: true } };
      else redirectBack(ctx, post.returnUrl, 'enrolled');
    },

    async lessonDone(ctx: Context) {
      const post = await coursePost(ctx);
      if (!post) return;
      const { body, returnUrl, learner, course, locale, lessons } = post;
      const lesson = lessons.find((l) => l.slug === body.lesson);
      // A quiz lesson is done only by passing its quiz.
      if (!lesson || lesson.kind === 'quiz') return jsonError(ctx, 404, 'NotFoundError', 'No such lesson to mark done');
      const how: DoneHow = body.how === 'watched' || (body.how !== 'read' && lesson.kind === 'video') ? 'watched' : 'read';
      const progress = progressFor(learner);
      await progress.enrol(course, locale);
      const counted = await progress.markDone(course, lesson.slug, how, opIdOf(body.opId));
      const complete = await completeIfDone(learner, progress, course, locale, lessons);
      if (wantsJson(ctx)) ctx.body = { data: { course, lesson: lesson.slug, counted, done: await progress.doneLessons(course), complete } };
      else redirectBack(ctx, returnUrl, 'done');
    },

    async progress(ctx: Context) {
      const learner = await currentLearner(strapi, ctx);
      if (!learner) return jsonError(ctx, 401, 'UnauthorizedError', 'Sign in as a learner first');
      const course = text(ctx.query.course);
      if (!course) return jsonError(ctx, 400, 'ValidationError', 'course: a course documentId is needed');
      const progress = progressFor(learner);
      const enrolment = await progress.enrolment(course);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: {
          course,
          enrolled: Boolean(enrolment),
          enrolledAt: enrolment?.enrolledAt ?? null,
          completedAt: enrolment?.completedAt ?? null,
          complete: Boolean(enrolment?.completedAt),
          done: await progress.doneLessons(course),
        },
      };
    },

    async attempt(ctx: Context) {
      const body = bodyOf(ctx);
      const returnUrl = siteReturnUrl(body.return);
      const json = wantsJson(ctx);
      const learner = await currentLearner(strapi, ctx);
      const locale = pageLocale(body.locale, learner?.locale);
      if (!learner)
        return json ? jsonError(ctx, 401, 'UnauthorizedError', 'Sign in as a learner first') : html(ctx, 401, messagePage(locale, 'signIn', returnUrl));
      const notFound = () =>
        json ? jsonError(ctx, 404, 'NotFoundError', 'No such quiz or lesson') : html(ctx, 404, messagePage(locale, 'notFound', returnUrl));

      const quizId = String(ctx.params.documentId);
      const quiz = await quizForGrading(strapi, quizId, locale);
      if (!quiz) return notFound();
      // The lesson the quiz belongs to, when the form names one: passing it marks that lesson done.
      const course = text(body.course);
      const lessons = course ? await courseLessons(strapi, course, locale) : null;
      const lesson = lessons?.find((l) => l.slug === body.lesson);
      if (course && (!lesson || lesson.quizDocumentId !== quizId)) return notFound();

      const progress = progressFor(learner);
      const opId = opIdOf(body.opId);
      const replayed = opId ? await progress.attemptByOp(opId) : null;
      const attemptsSoFar = await progress.attemptCount(quizId);
      if (!replayed && !mayAttempt(quiz, attemptsSoFar)) {
        return json ? jsonError(ctx, 403, 'ForbiddenError', 'No attempts left') : html(ctx, 403, messagePage(locale, 'noAttemptsLeft', returnUrl));
      }
      const answers = replayed?.answers ?? answersFrom(body, quiz.questions.length);
      const grade = gradeQuiz(quiz, answers);
      if (!replayed) {
        await progress.recordAttempt({
          ...grade,
          answers,
          quizDocumentId: quizId,
          courseDocumentId: course ?? null,
          lessonSlug: lesson?.slug ?? null,
          locale,
          opId,
        });
      }
      let courseComplete = false;
      if (grade.passed && course && lesson && lessons) {
        await progress.enrol(course, locale);
        await progress.markDone(course, lesson.slug, 'quiz', opId);
        courseComplete = await completeIfDone(learner, progress, course, locale, lessons);
      }
      const used = attemptsSoFar + (replayed ? 0 : 1);
      const attemptsLeft = quiz.maxAttempts === null || quiz.maxAttempts === undefined ? null : Math.max(0, quiz.maxAttempts - used);
      if (json) {
        ctx.body = {
          data: {
            score: grade.score,
            passed: grade.passed,
            passMark: quiz.passMark,
            attemptsLeft,
            courseComplete,
            replayed: Boolean(replayed),
            questions: grade.questions,
          },
        };
        return;
      }
      html(ctx, 200, quizResultPage({ locale, quizTitle: quiz.title, passMark: quiz.passMark, grade, attemptsLeft, courseComplete, returnUrl }));
    },
  };
};
