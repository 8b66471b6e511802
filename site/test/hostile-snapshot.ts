/**
 * A hostile copy of the fixture snapshot: every free-text value of every entry
 * (strings, texts, rich text, alt text, captions, credits, file names…) is replaced
 * by, or for rich text extended with, script-injection payloads that call
 * `window.__pwned(<id>)` if they ever run.
 *
 * Which fields get payloads is read from the content model, never listed by hand:
 * the walk visits every field of every collection and, through component fields,
 * of every component, so a field added to the model is attacked without an edit
 * here. A value must still pass the snapshot validators, so each field gets the
 * payloads its own rules (length, pattern) let through; a field whose pattern lets
 * none through (slugs, language tags) is reported as refused, with where it lives,
 * so a test can prove the validator really refuses it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  collections,
  components,
  ENTRIES_DIR,
  entriesFile,
  getComponent,
  isWebUrl,
  localeCodes,
  MEDIA_DIR,
  publicFields,
  type CollectionName,
  type FieldDefinition,
  type Fields,
} from '@ssc/content-schemas';

/** A value written with entity references: shown as typed, never decoded into a tag. */
export const ENTITY_PAYLOAD = `&lt;script&gt;window.__pwned('entity')&lt;/script&gt;`;

/** Payloads for every text field: markup that runs script when it reaches a page unescaped. */
export const PAYLOADS: readonly string[] = [
  `<script>window.__pwned('script')</script>`,
  `<img src=x onerror="window.__pwned('onerror')">`,
  `"><svg onload=window.__pwned('svg')>`,
  `' onmouseover='window.__pwned("quote")`,
  `[link](javascript:window.__pwned('md'))`,
  `<a href="javascript:window.__pwned('a')">x</a>`,
  `<iframe srcdoc="<script>parent.__pwned('iframe')</script>"></iframe>`,
  `</title><script>window.__pwned('title')</script>`,
  `</script><script>window.__pwned('json')</script>`,
  `{{constructor.constructor('window.__pwned("template")')()}}`,
  `<style>@import 'x'</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__pwned('meta')">`,
  `]]><script>window.__pwned('cdata')</script>`,
  `--><script>window.__pwned('comment')</script><!--`,
  `<object data="javascript:window.__pwned('object')"></object><embed src="javascript:window.__pwned('embed')">`,
  `<form action="javascript:window.__pwned('form')"><button>go</button></form>`,
  `<base href="javascript:window.__pwned('base')//">`,
  `<noscript><p title="</noscript><img src=x onerror=window.__pwned('mxss')>">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned('math')>`,
  // Text that only looks like escaped markup: it must stay these characters, not become markup one decoding later.
  ENTITY_PAYLOAD,
  `&#60;img src=x onerror=window.__pwned('decimal')&#62;`,
  // Short ones, for short fields (an acronym has 30 characters).
  `<svg onload=__pwned('s')>`,
  `"><b onclick=__pwned(0)>`,
];

/** Extra payloads for Markdown fields: link and image syntax, autolinks, reference links, raw HTML blocks. */
export const MARKDOWN_PAYLOADS: readonly string[] = [
  `[a link](javascript:window.__pwned('md-link'))`,
  `[mixed case](JaVaScRiPt:window.__pwned('md-case'))`,
  `[entity](&#x6A;avascript:window.__pwned('md-entity'))`,
  `[spaced]( javascript:window.__pwned('md-space'))`,
  `[data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZCgnZGF0YScpPC9zY3JpcHQ+)`,
  `[vb](vbscript:window.__pwned('vb'))`,
  `![an image](x" onerror="window.__pwned('md-img'))`,
  `<javascript:window.__pwned('autolink')>`,
  `[by reference][evil]\n\n[evil]: javascript:window.__pwned('md-ref')`,
  `<div onmouseover="window.__pwned('div')">hover me</div>`,
  `<a href="https://example.org/" onclick="window.__pwned('click')" style="position:fixed;inset:0">a fine link</a>`,
  "```html\n<script>window.__pwned('code')</script>\n```",
  `<details open ontoggle="window.__pwned('toggle')"><summary>s</summary></details>`,
  `<svg><a xlink:href="javascript:window.__pwned('xlink')"><text>x</text></a></svg>`,
];

/** Candidates for URL-like fields: the ones their pattern accepts are used. */
export const URL_PAYLOADS: readonly string[] = [
  `javascript:window.__pwned('url')`,
  `https://example.org/"><svg/onload=window.__pwned('url-quote')>`,
  `https://example.org/'onmouseover='window.__pwned("url-apos")'`,
];

/** A file name that breaks out of an attribute if it is written into one unescaped. */
export const HOSTILE_FILE_STEM = `x"><img src=x onerror=window.__pwned('file')>`;
/** A media type with markup in it (Strapi takes the type the uploading browser sends). */
const hostileMime = (mime: string) => `${mime};x="><script>window.__pwned('mime')</script>`;

/** The model's address of a field: `<collection or component name>.<field>`. */
export type FieldKey = string;

const isText = (field: FieldDefinition) => field.kind === 'string' || field.kind === 'text' || field.kind === 'richtext';

/**
 * Every public string, text and rich-text field of the model, collections and components alike. Private fields
 * (a quiz's answers, an offer's submitter) never reach the snapshot: the validators drop them.
 */
export function modelTextFields(): FieldKey[] {
  const keys: FieldKey[] = [];
  for (const owner of [...collections, ...components]) {
    for (const [name, field] of Object.entries(publicFields(owner.fields))) if (isText(field)) keys.push(`${owner.name}.${name}`);
  }
  return keys;
}

/** Where a field's value lives in the snapshot: enough to find it again and change it. */
export interface FieldLocation {
  collection: CollectionName;
  locale: string;
  documentId: string;
  /** Path from the entry to the value, e.g. ['attachments', 0, 'language']. */
  path: (string | number)[];
}

export interface HostileSnapshot {
  dir: string;
  /** Text fields that carry at least one payload somewhere. */
  attacked: Set<FieldKey>;
  /** Text fields whose rules let no payload through, with one place each lives. */
  refused: Map<FieldKey, FieldLocation>;
  /** Every field with a pattern (URLs, slugs, tags…), with one place each lives. */
  patterned: Map<FieldKey, FieldLocation>;
  /** Media objects whose name, type and path were made hostile. */
  media: number;
}

type Json = Record<string, unknown>;

function fitsRules(field: FieldDefinition, value: string): boolean {
  if (field.kind === 'string') {
    if (field.maxLength !== undefined && value.length > field.maxLength) return false;
    if (field.minLength !== undefined && value.length < field.minLength) return false;
    if (field.pattern && !new RegExp(field.pattern).test(value)) return false;
    if (field.format === 'url' && !isWebUrl(value)) return false;
    return true;
  }
  if (field.kind === 'text') return field.maxLength === undefined || value.length <= field.maxLength;
  return true;
}

/**
 * As many payloads as fit the field, starting at `offset` in the list so that
 * different fields (and short ones) get different payloads; null when none fits.
 */
function payloadFor(field: FieldDefinition, offset: number): string | null {
  if (field.kind === 'richtext') return null; // Rich text keeps its text: see richTextWithPayloads.
  if (field.kind === 'string' && field.pattern) {
    const accepted = [...URL_PAYLOADS, ...PAYLOADS].filter((p) => fitsRules(field, p));
    return accepted.length ? accepted[offset % accepted.length] : null;
  }
  const parts: string[] = [];
  for (let i = 0; i < PAYLOADS.length; i += 1) {
    const candidate = PAYLOADS[(offset + i) % PAYLOADS.length];
    const joined = parts.length ? `${parts.join(' ')} ${candidate}` : candidate;
    if (fitsRules(field, joined)) parts.push(candidate);
  }
  return parts.length ? parts.join(' ') : null;
}

/** The original Markdown, then every payload twice: once as a block of its own, once inline in a sentence. */
function richTextWithPayloads(original: string | null): string {
  const all = [...PAYLOADS, ...MARKDOWN_PAYLOADS];
  const blocks = all.map((p) => p);
  const inline = all.map((p) => `Inline ${p.replaceAll('\n', ' ')} text.`);
  return [original ?? '', ...blocks, ...inline].filter(Boolean).join('\n\n');
}

/** A value for an optional component left empty in the fixture, so its fields can be attacked too. */
function blankComponent(name: string, media: MediaPicker): Json {
  const value: Json = {};
  for (const [key, field] of Object.entries(getComponent(name).fields)) value[key] = blankValue(field, media, `${name}.${key}`);
  return value;
}

function blankValue(field: FieldDefinition, media: MediaPicker, where: string): unknown {
  switch (field.kind) {
    case 'string':
    case 'text':
    case 'richtext':
      return null; // filled by the walk
    case 'date':
      return '2024-01-01';
    case 'integer':
    case 'decimal':
      return field.min ?? 1;
    case 'boolean':
      return field.default;
    case 'enum':
      return field.default ?? field.values[0];
    case 'media': {
      const picked = media.pick(field.allowedTypes);
      if (!picked && field.required) throw new Error(`${where}: no fixture media of types ${field.allowedTypes.join(', ')}`);
      return field.multiple ? (picked ? [picked] : []) : picked;
    }
    case 'relation':
      if (field.required) throw new Error(`${where}: cannot invent a required relation`);
      return field.multiple ? [] : null;
    case 'component':
      if (field.repeatable) return Array.from({ length: field.min ?? 0 }, () => blankComponent(field.component, media));
      return blankComponent(field.component, media);
  }
}

/** Finds a media object of the fixture by the kind of file a media field allows. */
class MediaPicker {
  private readonly byKind = new Map<string, Json>();
  remember(media: Json): void {
    const mime = String(media.mime);
    const kind = mime.startsWith('image/') ? 'images' : mime.startsWith('video/') ? 'videos' : mime.startsWith('audio/') ? 'audios' : 'files';
    if (!this.byKind.has(kind)) this.byKind.set(kind, structuredClone(media));
  }
  pick(kinds: readonly string[]): Json | null {
    for (const kind of kinds) {
      const found = this.byKind.get(kind);
      if (found) return structuredClone(found);
    }
    return null;
  }
}

const isMedia = (value: unknown): value is Json =>
  Boolean(value) && typeof value === 'object' && typeof (value as Json).path === 'string' && typeof (value as Json).mime === 'string';

function collectMedia(value: unknown, picker: MediaPicker): void {
  if (Array.isArray(value)) for (const v of value) collectMedia(v, picker);
  else if (isMedia(value)) picker.remember(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectMedia(v, picker);
}

/**
 * Writes the hostile snapshot to `dir` (which must not exist or be empty) from the
 * snapshot at `sourceDir`, and says which fields it attacked.
 */
export function writeHostileSnapshot(sourceDir: string, dir: string): HostileSnapshot {
  fs.mkdirSync(path.join(dir, MEDIA_DIR), { recursive: true });
  fs.mkdirSync(path.join(dir, ENTRIES_DIR), { recursive: true });
  fs.cpSync(path.join(sourceDir, MEDIA_DIR), path.join(dir, MEDIA_DIR), { recursive: true });
  fs.copyFileSync(path.join(sourceDir, 'manifest.json'), path.join(dir, 'manifest.json'));

  const attacked = new Set<FieldKey>();
  const refused = new Map<FieldKey, FieldLocation>();
  const patterned = new Map<FieldKey, FieldLocation>();
  /** Original media path → the hostile copy's path (one copy per file). */
  const renamed = new Map<string, string>();
  let offset = 0;
  let mediaCount = 0;

  const files: { collection: CollectionName; locale: string; file: string; entries: Json[] }[] = [];
  const picker = new MediaPicker();
  for (const collection of collections) {
    for (const locale of localeCodes) {
      const file = path.join(sourceDir, entriesFile(collection.name, locale));
      if (!fs.existsSync(file)) continue;
      const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Json[];
      collectMedia(entries, picker);
      files.push({ collection: collection.name, locale, file: entriesFile(collection.name, locale), entries });
    }
  }

  function hostileMedia(media: Json): void {
    const original = String(media.path);
    const ext = path.extname(original);
    let target = renamed.get(original);
    if (!target) {
      target = path.posix.join(path.posix.dirname(original), `${HOSTILE_FILE_STEM}${path.basename(original, ext)}${ext}`);
      fs.copyFileSync(path.join(sourceDir, original), path.join(dir, target));
      renamed.set(original, target);
    }
    media.path = target;
    media.name = `${PAYLOADS[offset++ % PAYLOADS.length]}${path.basename(original)}`;
    media.mime = hostileMime(String(media.mime));
    mediaCount += 1;
  }

  function walk(fields: Fields, owner: string, value: Json, at: Omit<FieldLocation, 'path'>, trail: (string | number)[]): void {
    for (const [name, field] of Object.entries(publicFields(fields))) {
      const key = `${owner}.${name}`;
      const where = { ...at, path: [...trail, name] };
      if (field.kind === 'string' && field.pattern && !patterned.has(key)) patterned.set(key, where);
      if (isText(field)) {
        if (field.kind === 'richtext') {
          value[name] = richTextWithPayloads(value[name] as string | null);
          attacked.add(key);
          continue;
        }
        const payload = payloadFor(field, offset++);
        if (payload === null) {
          if (!refused.has(key)) refused.set(key, where);
        } else {
          value[name] = payload;
          attacked.add(key);
        }
      } else if (field.kind === 'media') {
        const items = field.multiple ? ((value[name] as Json[] | null) ?? []) : value[name] ? [value[name] as Json] : [];
        items.forEach(hostileMedia);
      } else if (field.kind === 'component') {
        const inner = getComponent(field.component);
        if (field.repeatable) {
          const list = (value[name] as Json[] | null) ?? [];
          list.forEach((item, i) => walk(inner.fields, inner.name, item, at, [...trail, name, i]));
        } else {
          if (!value[name]) value[name] = blankComponent(field.component, picker);
          walk(inner.fields, inner.name, value[name] as Json, at, [...trail, name]);
        }
      }
    }
  }

  for (const { collection, locale, file, entries } of files) {
    const definition = collections.find((c) => c.name === collection)!;
    for (const entry of entries) {
      walk(definition.fields, collection, entry, { collection, locale, documentId: String(entry.documentId) }, []);
    }
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(entries, null, 2)}\n`);
  }
  return { dir, attacked, refused, patterned, media: mediaCount };
}

/** The value at `trail` inside `entry`'s copy replaced by `value`. */
export function withValueAt(entry: Json, trail: (string | number)[], value: unknown): Json {
  const copy = structuredClone(entry);
  let cursor: Record<string | number, unknown> = copy;
  for (const step of trail.slice(0, -1)) cursor = cursor[step] as Record<string | number, unknown>;
  cursor[trail[trail.length - 1]] = value;
  return copy;
}

/** Reads one entry of a snapshot back. */
export function readEntry(dir: string, at: FieldLocation): Json {
  const entries = JSON.parse(fs.readFileSync(path.join(dir, entriesFile(at.collection, at.locale)), 'utf8')) as Json[];
  const found = entries.find((e) => e.documentId === at.documentId);
  if (!found) throw new Error(`${at.collection} ${at.documentId} [${at.locale}] is not in ${dir}`);
  return found;
}
