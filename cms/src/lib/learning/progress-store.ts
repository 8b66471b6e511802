/**
 * The learning progress tables (docs/cloud-school.md, "Data the CMS keeps"): plain
 * tables made with Strapi's knex connection on boot, on SQLite and PostgreSQL alike.
 * They are no content types, so no content API, admin view, snapshot or partner API
 * ever reaches them. Every read and write here is for one learner, named by the caller.
 */
import type { Core } from '@strapi/strapi';

export const ENROLMENTS = 'learning_enrolments';
export const LESSON_PROGRESS = 'learning_lesson_progress';
export const QUIZ_ATTEMPTS = 'learning_quiz_attempts';

/** How a lesson was done. */
export type DoneHow = 'read' | 'watched' | 'quiz';

type Knex = Core.Strapi['db']['connection'];

/** Creates the tables that are missing (each once; existing ones are left as they are). */
export async function ensureProgressTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(ENROLMENTS))) {
    await knex.schema.createTable(ENROLMENTS, (t) => {
      t.increments('id');
      t.integer('learner_id').notNullable();
      t.string('course_document_id', 64).notNullable();
      t.string('locale', 16).notNullable();
      t.timestamp('enrolled_at', { useTz: true }).notNullable();
      t.timestamp('completed_at', { useTz: true }).nullable();
      t.unique(['learner_id', 'course_document_id']);
    });
  }
  if (!(await knex.schema.hasTable(LESSON_PROGRESS))) {
    await knex.schema.createTable(LESSON_PROGRESS, (t) => {
      t.increments('id');
      t.integer('learner_id').notNullable();
      t.string('course_document_id', 64).notNullable();
      t.string('lesson_slug', 120).notNullable();
      t.timestamp('done_at', { useTz: true }).notNullable();
      t.string('how', 16).notNullable();
      t.string('op_id', 64).nullable();
      t.unique(['learner_id', 'course_document_id', 'lesson_slug']);
    });
  }
  if (!(await knex.schema.hasTable(QUIZ_ATTEMPTS))) {
    await knex.schema.createTable(QUIZ_ATTEMPTS, (t) => {
      t.increments('id');
      t.integer('learner_id').notNullable();
      t.string('quiz_document_id', 64).notNullable();
      t.string('course_document_id', 64).nullable();
      t.string('lesson_slug', 120).nullable();
      t.string('locale', 16).notNullable();
      t.text('answers').notNullable();
      t.integer('score').notNullable();
      t.boolean('passed').notNullable();
      t.timestamp('attempted_at', { useTz: true }).notNullable();
      t.string('op_id', 64).nullable();
      t.index(['learner_id', 'quiz_document_id']);
      t.unique(['learner_id', 'op_id']);
    });
  }
}

export interface Enrolment {
  courseDocumentId: string;
  locale: string;
  enrolledAt: string;
  completedAt: string | null;
}

export interface Attempt {
  score: number;
  passed: boolean;
  answers: number[][];
}

const iso = (value: unknown): string => new Date(value as string | number | Date).toISOString();

/** One learner's progress: every query is scoped to `learnerId`. */
export function progressOf(knex: Knex, learnerId: number) {
  return {
    async enrolment(courseDocumentId: string): Promise<Enrolment | null> {
      const row = await knex(ENROLMENTS).where({ learner_id: learnerId, course_document_id: courseDocumentId }).first();
      return row
        ? {
            courseDocumentId: row.course_document_id,
            locale: row.locale,
            enrolledAt: iso(row.enrolled_at),
            completedAt: row.completed_at ? iso(row.completed_at) : null,
          }
        : null;
    },

    /** Every course the learner enrolled in, the newest first. */
    async enrolments(): Promise<Enrolment[]> {
      const rows = await knex(ENROLMENTS).where({ learner_id: learnerId }).orderBy('enrolled_at', 'desc');
      return rows.map((row) => ({
        courseDocumentId: row.course_document_id,
        locale: row.locale,
        enrolledAt: iso(row.enrolled_at),
        completedAt: row.completed_at ? iso(row.completed_at) : null,
      }));
    },

    /** Enrols the learner (once: a second call changes nothing). */
    async enrol(courseDocumentId: string, locale: string): Promise<void> {
      await knex(ENROLMENTS)
        .insert({ learner_id: learnerId, course_document_id: courseDocumentId, locale, enrolled_at: new Date() })
        .onConflict(['learner_id', 'course_document_id'])
        .ignore();
    },

    async markCompleted(courseDocumentId: string): Promise<void> {
      await knex(ENROLMENTS)
        .where({ learner_id: learnerId, course_document_id: courseDocumentId })
        .whereNull('completed_at')
        .update({ completed_at: new Date() });
    },

    /** Marks a lesson done; false when it already was (a replay, or done before in another way). */
    async markDone(courseDocumentId: string, lessonSlug: string, how: DoneHow, opId: string | null): Promise<boolean> {
      const inserted = await knex(LESSON_PROGRESS)
        .insert({ learner_id: learnerId, course_document_id: courseDocumentId, lesson_slug: lessonSlug, done_at: new Date(), how, op_id: opId })
        .onConflict(['learner_id', 'course_document_id', 'lesson_slug'])
        .ignore()
        .returning('id');
      return inserted.length > 0;
    },

    async doneLessons(courseDocumentId: string): Promise<string[]> {
      const rows = await knex(LESSON_PROGRESS).where({ learner_id: learnerId, course_document_id: courseDocumentId }).orderBy('id').select('lesson_slug');
      return rows.map((r: { lesson_slug: string }) => r.lesson_slug);
    },

    async attemptCount(quizDocumentId: string): Promise<number> {
      const row = await knex(QUIZ_ATTEMPTS).where({ learner_id: learnerId, quiz_document_id: quizDocumentId }).count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },

    /** The attempt a client already sent with this opId, if any (a replay is answered with it, not counted again). */
    async attemptByOp(opId: string): Promise<Attempt | null> {
      const row = await knex(QUIZ_ATTEMPTS).where({ learner_id: learnerId, op_id: opId }).first();
      return row ? { score: row.score, passed: Boolean(row.passed), answers: JSON.parse(row.answers) } : null;
    },

    async recordAttempt(
      attempt: Attempt & { quizDocumentId: string; courseDocumentId: string | null; lessonSlug: string | null; locale: string; opId: string | null },
    ) {
      await knex(QUIZ_ATTEMPTS).insert({
        learner_id: learnerId,
        quiz_document_id: attempt.quizDocumentId,
        course_document_id: attempt.courseDocumentId,
        lesson_slug: attempt.lessonSlug,
        locale: attempt.locale,
        answers: JSON.stringify(attempt.answers),
        score: attempt.score,
        passed: attempt.passed,
        attempted_at: new Date(),
        op_id: attempt.opId,
      });
    },
  };
}

export type LearnerProgress = ReturnType<typeof progressOf>;

/** Everything the progress tables hold about one learner, for their data export. */
export async function exportProgress(knex: Knex, learnerId: number) {
  const rows = (table: string, order: string) => knex(table).where({ learner_id: learnerId }).orderBy(order).select('*');
  return {
    enrolments: await rows(ENROLMENTS, 'enrolled_at'),
    lessons: await rows(LESSON_PROGRESS, 'done_at'),
    quizAttempts: await rows(QUIZ_ATTEMPTS, 'attempted_at'),
  };
}

/** Deletes one learner's progress (their account is being deleted). */
export async function deleteProgress(knex: Knex, learnerId: number): Promise<void> {
  for (const table of [ENROLMENTS, LESSON_PROGRESS, QUIZ_ATTEMPTS]) await knex(table).where({ learner_id: learnerId }).delete();
}
