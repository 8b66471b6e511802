/**
 * `api::learning.progress`: a learner's progress for the other parts of the Cloud
 * School, through the hooks the accounts part calls (cms/src/lib/learning/learner-data.ts):
 * `summary` for "my learning", `learnerData` for the data export and `forgetLearner`
 * for an account's deletion.
 */
import type { Core } from '@strapi/strapi';
import { courseLessons, courseTitle } from '../../../lib/learning/course-lessons';
import type { CourseSummary } from '../../../lib/learning/learner-data';
import { deleteProgress, exportProgress, progressOf } from '../../../lib/learning/progress-store';

interface CertificatesHooks {
  forLearner?: (learnerId: number) => Promise<{ id: string; courseDocumentId: string; locale: string; revokedAt: string | null }[]>;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function summary(learnerId: number): Promise<CourseSummary[]> {
    const progress = progressOf(strapi.db.connection, learnerId);
    const certificates = strapi.service('api::learning.certificates' as never) as CertificatesHooks | undefined;
    const issued = (await certificates?.forLearner?.(learnerId)) ?? [];
    const courses: CourseSummary[] = [];
    for (const enrolment of await progress.enrolments()) {
      const { courseDocumentId, locale } = enrolment;
      const lessons = (await courseLessons(strapi, courseDocumentId, locale)) ?? [];
      const done = new Set(await progress.doneLessons(courseDocumentId));
      const required = lessons.filter((lesson) => lesson.required);
      const certificate = issued.find((c) => c.courseDocumentId === courseDocumentId && c.locale === locale && !c.revokedAt);
      courses.push({
        courseDocumentId,
        locale,
        title: (await courseTitle(strapi, courseDocumentId, locale)) ?? undefined,
        lessonsDone: required.filter((lesson) => done.has(lesson.slug)).length,
        lessonsRequired: required.length,
        completedAt: enrolment.completedAt,
        certificateUrl: certificate ? `/api/learning/certificates/${certificate.id}` : null,
      });
    }
    return courses;
  }

  return {
    summary,
    learnerData: (learnerId: number) => exportProgress(strapi.db.connection, learnerId),
    forgetLearner: (learnerId: number) => deleteProgress(strapi.db.connection, learnerId),
  };
};
