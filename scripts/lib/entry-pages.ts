/**
 * Which entry is to blame? Maps a page of the built site, or a failed build's error,
 * back to the snapshot entries it belongs to:
 *
 * - an item page `/{locale}/{type plural}/{slug}/` belongs to that item in that locale
 *   (a broken link in its rich-text body is found on that page, so it is the item's),
 *   and so do its sub-pages `/{locale}/{type plural}/{slug}/{lesson}/` (a course's lessons);
 * - a theme's pages `/{locale}/themes/{slug}/…` belong to that theme in that locale;
 * - a build error that names a media file belongs to the entries that use the file,
 *   and one that names a document id to that document's entries.
 *
 * Every other page (home, lists, feeds, search, about, 404) belongs to no entry: a
 * problem there is not tied to one entry, and the release is refused.
 */
import { contentTypes, listMediaPaths, type ContentTypeName, type LocaleCode } from '@ssc/content-schemas';
import { itemPath, themePath } from '../../site/src/lib/routes.ts';
import type { RawFile } from './raw-snapshot.ts';

export interface EntryRef {
  type: string;
  documentId: string;
  locale: string;
}

const isContentType = (name: string): name is ContentTypeName => contentTypes.some((t) => t.name === name);

export class EntryPages {
  private readonly items = new Map<string, EntryRef>();
  private readonly themes: { prefix: string; entry: EntryRef }[] = [];
  private readonly media = new Map<string, EntryRef[]>();
  private readonly all: EntryRef[] = [];

  constructor(files: RawFile[]) {
    for (const { collection, locale, entries } of files) {
      for (const raw of entries) {
        if (!raw || typeof raw.documentId !== 'string') continue;
        const entry: EntryRef = { type: collection, documentId: raw.documentId, locale };
        this.all.push(entry);
        const slug = typeof raw.slug === 'string' ? raw.slug : undefined;
        if (slug && isContentType(collection)) this.items.set(itemPath(locale as LocaleCode, collection, slug), entry);
        if (slug && collection === 'theme') this.themes.push({ prefix: themePath(locale as LocaleCode, slug), entry });
        for (const media of listMediaPaths(raw)) this.media.set(media, [...(this.media.get(media) ?? []), entry]);
      }
    }
  }

  /** The entry a page of the site belongs to, if any. */
  ownerOf(page: string): EntryRef | undefined {
    const clean = page.endsWith('/') || page.endsWith('.html') ? page.replace(/index\.html$/, '') : `${page}/`;
    const parent = clean.replace(/[^/]+\/$/, '');
    return this.items.get(clean) ?? this.items.get(parent) ?? this.themes.find((t) => clean.startsWith(t.prefix))?.entry;
  }

  /** The entries a failed build's text (message, stack, log) names through a media file or a document id. */
  namedIn(text: string): { entry: EntryRef; by: string }[] {
    const found: { entry: EntryRef; by: string }[] = [];
    for (const [media, entries] of this.media) if (text.includes(media)) for (const entry of entries) found.push({ entry, by: media });
    for (const entry of this.all) if (text.includes(entry.documentId)) found.push({ entry, by: entry.documentId });
    return found;
  }
}
