/**
 * What the CMS's admin panel needs to know about editing each collection, derived
 * from the model: the field that names an entry (its title in lists, relation
 * pickers and the edit view's heading) and the fields that hold prose in the
 * entry's own language, which follow that language's direction while editing.
 */
import type { FieldDefinition, Fields } from './fields.ts';
import { getComponent, type CollectionDefinition } from './model.ts';

/** The fields that may name an entry, in order of preference. */
const LABEL_FIELDS = ['title', 'name'] as const;

/** The field that names an entry of a collection: its title, or its name for taxonomy, else its slug. */
export function labelField(collection: CollectionDefinition): string {
  return LABEL_FIELDS.find((name) => collection.fields[name]?.kind === 'string') ?? 'slug';
}

/**
 * Whether a field holds prose: localized text without a pattern or a format. A
 * pattern or format makes it a code, a URL or a language tag, which reads left to
 * right in every language.
 */
function isProse(field: FieldDefinition): boolean {
  if (field.kind === 'text' || field.kind === 'richtext') return true;
  return field.kind === 'string' && field.pattern === undefined && field.format === undefined;
}

function prosePaths(fields: Fields, prefix: string, insideLocalized: boolean): string[] {
  const paths: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    // In Strapi, a field inside a localized component follows the component.
    const localized = insideLocalized || field.localized;
    if (field.kind === 'component') {
      if (!localized) continue;
      const inner = prefix + name + (field.repeatable ? '.*.' : '.');
      paths.push(...prosePaths(getComponent(field.component).fields, inner, true));
    } else if (localized && isProse(field)) {
      paths.push(prefix + name);
    }
  }
  return paths;
}

/**
 * The form paths of a collection's localized prose fields, as the admin's edit
 * view names its inputs: `title`, `heroImage.alt`, `attachments.*.title` (where `*`
 * stands for the index of a repeatable component's entry).
 */
export function localizedProsePaths(collection: CollectionDefinition): string[] {
  return prosePaths(collection.fields, '', false);
}
