/**
 * Everything the CMS keeps about one learner, gathered for the export and removed
 * for a deletion (docs/cloud-school.md, "Accounts"). The other parts of the Cloud
 * School hold their own tables and answer through their services' optional hooks:
 *
 * - `learnerData(learnerId)`: that part's rows about the learner, as JSON;
 * - `forgetLearner(learnerId)`: removes them (the certificates part keeps issued
 *   credentials, which carry no clear personal data, and drops their link to the learner);
 * - `summary(learnerId)` (progress only): the learner's courses for "my learning".
 *
 * A part whose service has no hook is skipped; one whose tables exist without a
 * service still has its rows with a `learner_id` (or `learner`) column read and
 * removed directly, so that a deletion never leaves progress behind.
 */
import type { Core } from '@strapi/strapi';

const USER_UID = 'plugin::users-permissions.user';

interface LearnerHooks {
  learnerData?: (learnerId: number) => Promise<unknown>;
  forgetLearner?: (learnerId: number) => Promise<unknown>;
  summary?: (learnerId: number) => Promise<CourseSummary[]>;
}

/** One course on "my learning", as the progress part's `summary()` gives it. */
export interface CourseSummary {
  courseDocumentId: string;
  locale: string;
  title?: string;
  slug?: string;
  lessonsDone: number;
  lessonsRequired: number;
  completedAt?: string | null;
  /** Where the learner sees the certificate, when one was issued. */
  certificateUrl?: string | null;
}

/** The parts that keep learner data, with the tables the design gives each (docs/cloud-school.md). */
const PARTS = [
  { name: 'progress', service: 'api::learning.progress', tables: ['learning_enrolments', 'learning_lesson_progress', 'learning_quiz_attempts'], keep: false },
  { name: 'certificates', service: 'api::learning.certificates', tables: ['learning_credentials'], keep: true },
] as const;

const hooksOf = (strapi: Core.Strapi, uid: string): LearnerHooks | undefined => {
  try {
    return strapi.service(uid as never) as unknown as LearnerHooks | undefined;
  } catch {
    return undefined;
  }
};

/** The column of `table` that names the learner, or null (no such table, or no such column). */
async function learnerColumn(strapi: Core.Strapi, table: string): Promise<string | null> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(table))) return null;
  for (const column of ['learner_id', 'learner']) if (await knex.schema.hasColumn(table, column)) return column;
  return null;
}

export async function learnerCourses(strapi: Core.Strapi, learnerId: number): Promise<CourseSummary[]> {
  const summary = hooksOf(strapi, 'api::learning.progress')?.summary;
  if (!summary) return [];
  try {
    return (await summary(learnerId)) ?? [];
  } catch (error) {
    strapi.log.error(`[learning] progress summary failed: ${(error as Error).message}`);
    return [];
  }
}

export async function exportLearner(strapi: Core.Strapi, learnerId: number): Promise<Record<string, unknown>> {
  const user = (await strapi.db.query(USER_UID).findOne({
    where: { id: learnerId },
    select: ['email', 'locale', 'confirmed', 'createdAt', 'updatedAt'],
  })) as Record<string, unknown> | null;
  const out: Record<string, unknown> = {
    exportedAt: new Date().toISOString(),
    account: user && {
      email: user.email,
      locale: user.locale ?? null,
      confirmed: user.confirmed,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
  };
  for (const part of PARTS) {
    const hook = hooksOf(strapi, part.service)?.learnerData;
    if (hook) {
      out[part.name] = await hook(learnerId);
      continue;
    }
    const rows: Record<string, unknown[]> = {};
    for (const table of part.tables) {
      const column = await learnerColumn(strapi, table);
      if (column) rows[table] = await strapi.db.connection(table).where(column, learnerId);
    }
    out[part.name] = rows;
  }
  return out;
}

/** Removes the learner's progress and unlinks their certificates, then the account itself. */
export async function deleteLearner(strapi: Core.Strapi, learnerId: number): Promise<void> {
  for (const part of PARTS) {
    const hook = hooksOf(strapi, part.service)?.forgetLearner;
    if (hook) {
      await hook(learnerId);
      continue;
    }
    for (const table of part.tables) {
      const column = await learnerColumn(strapi, table);
      if (!column) continue;
      if (part.keep)
        await strapi.db
          .connection(table)
          .where(column, learnerId)
          .update({ [column]: null });
      else await strapi.db.connection(table).where(column, learnerId).delete();
    }
  }
  await strapi.db.query(USER_UID).delete({ where: { id: learnerId } });
}
