/**
 * What pages and feeds read from an item through the content model rather than by
 * type name: the references it makes to a collection, its files and its author
 * fields. A new content type gets all of them from its fields alone.
 */
import {
  getCollection,
  getComponent,
  getLocale,
  LANGUAGE_TAG_PATTERN,
  type CollectionName,
  type FieldDefinition,
  type SnapshotMedia,
  type SnapshotReference,
} from '@ssc/content-schemas';
import type { Item } from './content.ts';

type Value = Record<string, unknown>;

const fieldsOf = (item: Item): [string, FieldDefinition][] => Object.entries(getCollection(item.type).fields);
const valueOf = (item: Item, field: string): unknown => (item as unknown as Value)[field];
/** A field's value as a list: a repeatable field's values, a single value, or none. */
const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? value : value == null ? [] : [value]) as T[];
/** A media field that may hold something other than images (a document, a video, captions). */
const isFileField = (def: FieldDefinition) => def.kind === 'media' && def.allowedTypes.some((t) => t !== 'images');

/**
 * The references an item makes to one collection, through whichever relation fields
 * its type has (`countries`, `country`, `partners`, `publisher`…), in field order.
 * `multiple` keeps only many-valued (true) or single (false) relations.
 */
export function referencesTo(item: Item, target: CollectionName, options: { multiple?: boolean } = {}): SnapshotReference[] {
  return fieldsOf(item)
    .filter(([, def]) => def.kind === 'relation' && def.target === target && (options.multiple === undefined || def.multiple === options.multiple))
    .flatMap(([field]) => listOf<SnapshotReference>(valueOf(item, field)));
}

/** A downloadable file of `shared.file-attachment`: what the item page describes before the tap. */
export interface FileAttachment {
  file: SnapshotMedia;
  title: string;
  language: string;
  sizeBytes: number | null;
  pageCount: number | null;
}

/** The values of every `shared.file-attachment` field of an item (reports' and policies' attachments…), in field order. */
export function fileAttachmentsOf(item: Item): FileAttachment[] {
  return fieldsOf(item)
    .filter(([, def]) => def.kind === 'component' && def.component === 'shared.file-attachment')
    .flatMap(([field]) => listOf<FileAttachment>(valueOf(item, field)));
}

/** One file of an item, for feeds' enclosures. */
export interface ItemFile {
  file: SnapshotMedia;
  title: string;
  /** BCP-47 tag of the file's language. */
  language: string;
  sizeBytes: number;
}

/**
 * Every file an item carries, in field order: its own media fields that are not
 * images-only (a video's file: titled with the item, in the item's first language-tag
 * field, else the page's language), and the file of every component that has one
 * (attachments, caption tracks: titled with the component's `title` or `label`).
 */
export function filesOf(item: Item): ItemFile[] {
  const fields = fieldsOf(item);
  const languageField = fields.find(([, def]) => def.kind === 'string' && def.pattern === LANGUAGE_TAG_PATTERN)?.[0];
  const itemLanguage = (languageField && (valueOf(item, languageField) as string | null)) || getLocale(item.locale).tag;
  const files: ItemFile[] = [];
  for (const [field, def] of fields) {
    if (isFileField(def)) {
      for (const media of listOf<SnapshotMedia>(valueOf(item, field)))
        files.push({ file: media, title: item.title, language: itemLanguage, sizeBytes: media.sizeBytes });
    } else if (def.kind === 'component') {
      const fileField = Object.entries(getComponent(def.component).fields).find(([, d]) => isFileField(d))?.[0];
      if (!fileField) continue;
      for (const value of listOf<Value>(valueOf(item, field))) {
        const media = value[fileField] as SnapshotMedia | null;
        if (!media) continue;
        const title = (value.title ?? value.label ?? item.title) as string;
        files.push({
          file: media,
          title,
          language: (value.language as string | undefined) ?? itemLanguage,
          sizeBytes: (value.sizeBytes as number | null | undefined) ?? media.sizeBytes,
        });
      }
    }
  }
  return files;
}

/** An author named by a field: a string's text, or a relation's reference to an entry with a name. */
export type AuthorField = { text: string } | { target: CollectionName; ref: SnapshotReference };

/** The item's author fields (`author: true` in the model), in field order. */
export function authorFieldsOf(item: Item): AuthorField[] {
  return fieldsOf(item)
    .filter(([, def]) => def.author)
    .flatMap(([field, def]): AuthorField[] =>
      def.kind === 'relation'
        ? listOf<SnapshotReference>(valueOf(item, field)).map((ref) => ({ target: def.target as CollectionName, ref }))
        : listOf<string>(valueOf(item, field)).map((text) => ({ text: String(text) })),
    );
}
