/**
 * A small variant of the site's fixture snapshot in a temporary folder, changed one
 * entry at a time: what the release tests build from.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entriesFile } from '@ssc/content-schemas';

export const fixtureSnapshot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'site', 'test', 'fixtures', 'snapshot');

type Json = Record<string, any>;

export class VariantSnapshot {
  readonly dir: string;
  constructor(root: string, name: string) {
    this.dir = path.join(root, name);
    fs.cpSync(fixtureSnapshot, this.dir, { recursive: true });
  }

  entries(type: string, locale: string): Json[] {
    return JSON.parse(fs.readFileSync(path.join(this.dir, entriesFile(type, locale)), 'utf8'));
  }

  private write(type: string, locale: string, entries: Json[]): void {
    fs.writeFileSync(path.join(this.dir, entriesFile(type, locale)), JSON.stringify(entries, null, 2));
  }

  /** Changes one entry in place. */
  edit(type: string, locale: string, documentId: string, change: (entry: Json) => void): this {
    const entries = this.entries(type, locale);
    const entry = entries.find((e) => e.documentId === documentId);
    if (!entry) throw new Error(`no ${type} ${documentId} in ${locale}`);
    change(entry);
    this.write(type, locale, entries);
    return this;
  }

  /** Adds a one-locale copy of an existing entry under a new slug and document id; returns the copy. */
  addCopyOf(type: string, locale: string, documentId: string, slug: string, change: (entry: Json) => void = () => {}): Json {
    const entries = this.entries(type, locale);
    const source = entries.find((e) => e.documentId === documentId);
    if (!source) throw new Error(`no ${type} ${documentId} in ${locale}`);
    const copy = { ...structuredClone(source), slug, documentId: crypto.createHash('sha1').update(slug).digest('hex').slice(0, 24), translations: [locale] };
    change(copy);
    this.write(type, locale, [...entries, copy]);
    return copy;
  }

  /**
   * Removes a document from every locale, and every link to it, as the pull sees an
   * unpublish or a delete in the CMS (published-only reads return no link to it).
   */
  remove(type: string, documentId: string): this {
    const isLink = (v: unknown) =>
      Boolean(v && typeof v === 'object' && (v as Json).documentId === documentId && 'slug' in (v as Json) && !('type' in (v as Json)));
    const unlink = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.filter((x) => !isLink(x)).map(unlink);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isLink(x) ? null : unlink(x)]));
      return v;
    };
    for (const file of fs.readdirSync(path.join(this.dir, 'entries'))) {
      const [collection, locale] = file.split('.');
      const kept = this.entries(collection, locale).filter((e) => !(collection === type && e.documentId === documentId));
      this.write(
        collection,
        locale,
        kept.map((e) => unlink(e) as Json),
      );
    }
    return this;
  }

  /** Writes a media file; returns its snapshot path. */
  addMedia(name: string, bytes: string | Buffer): string {
    fs.writeFileSync(path.join(this.dir, 'media', name), bytes);
    return `media/${name}`;
  }
}

export const tempRoot = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
