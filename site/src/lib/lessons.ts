/**
 * An item's lessons, found through the model: the components at its type's
 * sub-pages path (`modules.*.lessons.*` for a course, content-schemas'
 * subPagesPath), each with the module that holds it.
 */
import { getCollection, subPagesPath, valuesAtPath, type ContentTypeName } from '@ssc/content-schemas';
import type { Item, SiteEntry } from './content.ts';

export type Lesson = SiteEntry<'course'>['modules'][number]['lessons'][number];

/** The path of a type's lessons, if its entries have any. */
export const lessonsPathOf = (type: ContentTypeName): string | undefined => subPagesPath(getCollection(type));

/** An item's lessons in order, each with its module (the component that holds the list). */
export function lessonsOf(item: Item): { lesson: Lesson; module: { title: string } }[] {
  const path = lessonsPathOf(item.type);
  if (!path) return [];
  const parent = path.split('.').slice(0, -2).join('.');
  return valuesAtPath(item, path).map(({ at, value }) => {
    const moduleAt = at.split('.').slice(0, -2).join('.');
    const module = valuesAtPath(item, parent).find((m) => m.at === moduleAt)?.value as { title: string };
    return { lesson: value as Lesson, module };
  });
}

/** The lessons that count towards completing the course. */
export const requiredLessons = (item: Item): Lesson[] =>
  lessonsOf(item)
    .filter(({ lesson }) => lesson.required)
    .map(({ lesson }) => lesson);
