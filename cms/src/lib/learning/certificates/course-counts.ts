/**
 * Per-course counts for editors (docs/cloud-school.md, "For editors"): enrolments,
 * completions and certificates by course and locale, counts only, never a learner.
 * Certificates come from this part's table; enrolments and completions from the
 * progress part's `learning_enrolments` (course_document_id, locale, completed_at)
 * when that table is there.
 */
import type { Core } from '@strapi/strapi';
import { CREDENTIALS_TABLE } from './tables';

const ENROLMENTS_TABLE = 'learning_enrolments';
const COURSE_UID = 'api::course.course';

export interface CourseCount {
  courseDocumentId: string;
  title: string | null;
  locale: string;
  enrolments: number | null;
  completions: number | null;
  certificates: number;
}

interface Grouped {
  course_document_id: string;
  locale: string;
  n: number | string;
}

const keyOf = (course: string, locale: string) => `${course}\u0000${locale}`;

async function enrolmentCounts(strapi: Core.Strapi): Promise<{ enrolled: Map<string, number>; completed: Map<string, number> } | null> {
  const db = strapi.db.connection;
  if (!(await db.schema.hasTable(ENROLMENTS_TABLE))) return null;
  const columns = await db(ENROLMENTS_TABLE).columnInfo();
  if (!('course_document_id' in columns && 'locale' in columns && 'completed_at' in columns)) return null;
  const group = (rows: Grouped[]) => new Map(rows.map((r) => [keyOf(r.course_document_id, r.locale), Number(r.n)]));
  const enrolled = (await db(ENROLMENTS_TABLE).select('course_document_id', 'locale').count({ n: '*' }).groupBy('course_document_id', 'locale')) as Grouped[];
  const completed = (await db(ENROLMENTS_TABLE)
    .whereNotNull('completed_at')
    .select('course_document_id', 'locale')
    .count({ n: '*' })
    .groupBy('course_document_id', 'locale')) as Grouped[];
  return { enrolled: group(enrolled), completed: group(completed) };
}

export async function courseCounts(strapi: Core.Strapi): Promise<CourseCount[]> {
  const db = strapi.db.connection;
  const certificates = (await db(CREDENTIALS_TABLE)
    .select('course_document_id', 'locale')
    .count({ n: '*' })
    .groupBy('course_document_id', 'locale')) as Grouped[];
  const enrolments = await enrolmentCounts(strapi);
  const keys = new Map<string, { course: string; locale: string }>();
  for (const r of certificates) keys.set(keyOf(r.course_document_id, r.locale), { course: r.course_document_id, locale: r.locale });
  for (const map of enrolments ? [enrolments.enrolled] : [])
    for (const k of map.keys()) {
      const [course, locale] = k.split('\u0000') as [string, string];
      keys.set(k, { course, locale });
    }
  const certified = new Map(certificates.map((r) => [keyOf(r.course_document_id, r.locale), Number(r.n)]));
  const counts: CourseCount[] = [];
  for (const [k, { course, locale }] of keys) {
    const doc = (await strapi.documents(COURSE_UID).findOne({ documentId: course, locale, fields: ['title'] })) as { title?: string } | null;
    counts.push({
      courseDocumentId: course,
      title: doc?.title ?? null,
      locale,
      enrolments: enrolments ? (enrolments.enrolled.get(k) ?? 0) : null,
      completions: enrolments ? (enrolments.completed.get(k) ?? 0) : null,
      certificates: certified.get(k) ?? 0,
    });
  }
  return counts.sort((a, b) => (a.title ?? a.courseDocumentId).localeCompare(b.title ?? b.courseDocumentId) || a.locale.localeCompare(b.locale));
}
