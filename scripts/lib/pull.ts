/**
 * The pull step: reads every published entry of every collection in every locale
 * from the CMS REST API (read-only build token, explicit pages, the CMS's default
 * populate), copies the media they reference, validates everything against
 * content-schemas and writes a new snapshot directory.
 *
 * - An invalid entry is left out with a warning naming its type, document, locale
 *   and field; so is an entry whose relation points at a document that is not in
 *   the snapshot in that locale (repeated until nothing more drops out).
 * - An unreachable CMS, a refused token or an empty result fails the pull, and
 *   the snapshot is written under a temporary name and renamed only when whole:
 *   an earlier snapshot is never touched, and `latest` moves only on success.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  collections,
  contentTypes,
  ENTRIES_DIR,
  entriesFile,
  getComponent,
  localeCodes,
  MANIFEST_FILE,
  publicFields,
  listMediaPaths,
  MEDIA_DIR,
  readSnapshot,
  validateCredentialFiles,
  validateEntry,
  writeCredentialFiles,
  type CollectionDefinition,
  type CollectionName,
  type EntryProblem,
  type Fields,
  type Snapshot,
  type SnapshotManifest,
} from '@ssc/content-schemas';
import { getJson, PullError } from './cms-read.ts';
import {
  byDocumentId,
  changedDocuments,
  documentKey,
  documentsWithStaleLinks,
  entryKey,
  PULL_STATE_FILE,
  type EntryVersions,
  type PullState,
} from './pull-changes.ts';
import { listEntryVersions } from './pull-listing.ts';
import { MediaStore } from './media-store.ts';
import { pruneSnapshots } from './snapshot-prune.ts';

export { PullError };

export interface PullOptions {
  cmsUrl: string;
  token: string;
  /** Parent folder of the snapshots; the new one goes in `<snapshotsDir>/<id>`. */
  snapshotsDir: string;
  pageSize?: number;
  /** Keep the newest `keep` snapshots and prune older ones (never the one `latest` points at); unset, none are pruned. */
  keep?: number;
  log?: (line: string) => void;
  /**
   * A snapshot to build on (usually the one `latest` points at): only documents that
   * changed since it are fetched, the rest is copied from it. Unset, or when it cannot
   * be used (missing, invalid, from another CMS), every entry is fetched.
   */
  previous?: string;
}

export interface PullResult {
  dir: string;
  manifest: SnapshotManifest;
  /** Media files downloaded from the CMS, and linked from the media store without a download. */
  media: { downloaded: number; reused: number };
  /** What an incremental pull fetched and kept; null for a full pull. */
  incremental: { previous: string; fetchedDocuments: number; keptEntries: number } | null;
}

type Raw = Record<string, any>;

/** Every published entry of one collection in one locale, page by page; only the given documents when `documentIds` is set. */
async function fetchAll(options: PullOptions, collection: CollectionDefinition, locale: string, documentIds?: string[]): Promise<Raw[]> {
  if (documentIds) {
    const out: Raw[] = [];
    for (let i = 0; i < documentIds.length; i += 40) {
      const filter = documentIds
        .slice(i, i + 40)
        .map((id, n) => `&filters[documentId][$in][${n}]=${encodeURIComponent(id)}`)
        .join('');
      out.push(...(await fetchPages(options, collection, locale, filter)));
    }
    return out;
  }
  return fetchPages(options, collection, locale, '');
}

async function fetchPages(options: PullOptions, collection: CollectionDefinition, locale: string, filter: string): Promise<Raw[]> {
  const out: Raw[] = [];
  const pageSize = options.pageSize ?? 100;
  for (let page = 1; ; page++) {
    const url = `${options.cmsUrl}/api/${collection.pluralName}?locale=${locale}&status=published${filter}&pagination[page]=${page}&pagination[pageSize]=${pageSize}&sort[0]=documentId:asc`;
    const body = await getJson(url, options.token);
    out.push(...body.data);
    if (page >= (body.meta?.pagination?.pageCount ?? 1)) return out;
  }
}

/**
 * A snapshot media file's name: readable (from the uploaded file's name) and
 * addressed by content, so the same bytes get the same name in every pull. Builds
 * then reuse their optimized images, and CDNs can cache media for good.
 */
export function mediaFileName(uploadedName: string, ext: string, bytes: Buffer): string {
  const base = path
    .basename(uploadedName, path.extname(uploadedName))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const digest = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `${base ? `${base}-` : ''}${digest}${ext}`;
}

/**
 * Brings the media the entries reference into the snapshot, once each, and
 * describes them. A file the media store already holds (the CMS still describes
 * it the same way) is linked from the store without a download; a downloaded
 * file is named by its content and linked into the store, so the same bytes are
 * on disk once however many snapshots show them.
 */
export class MediaCopier {
  private readonly copied = new Map<string, Promise<unknown>>();
  private readonly options: Pick<PullOptions, 'cmsUrl'>;
  private readonly dir: string;
  private readonly store: MediaStore;
  readonly counts = { downloaded: 0, reused: 0, notLinked: 0 };
  constructor(options: Pick<PullOptions, 'cmsUrl'>, dir: string, store: MediaStore) {
    this.options = options;
    this.dir = dir;
    this.store = store;
  }

  async copy(file: Raw): Promise<unknown> {
    const key = String(file.url);
    let pending = this.copied.get(key);
    if (!pending) {
      pending = this.bring(file);
      this.copied.set(key, pending);
    }
    return pending;
  }

  private target(name: string): string {
    return path.join(this.dir, MEDIA_DIR, name);
  }

  /** Links the stored file `name` into the snapshot unless it is there already; false when the store lacks it. */
  private linkFromStore(name: string): boolean {
    if (fs.existsSync(this.target(name))) return true;
    const outcome = this.store.linkOut(name, this.target(name));
    if (outcome === 'copied') this.counts.notLinked += 1;
    return outcome !== null;
  }

  private async bring(file: Raw) {
    const known = this.store.known(file);
    if (known && this.linkFromStore(known)) {
      this.counts.reused += 1;
      return this.describe(file, known, this.store.size(known));
    }
    const bytes = await this.download(file);
    const name = mediaFileName(String(file.name ?? ''), this.extension(file), bytes);
    // From here on no await: no other download of this pull can interleave.
    if (!this.linkFromStore(name)) {
      // Written under a temporary name and renamed: an existing file is never rewritten in place.
      const fresh = path.join(this.dir, MEDIA_DIR, `.download-${crypto.randomBytes(6).toString('hex')}`);
      fs.writeFileSync(fresh, bytes);
      if (!this.store.adopt(name, fresh)) this.counts.notLinked += 1;
      fs.renameSync(fresh, this.target(name));
    }
    this.store.remember(file, name);
    this.counts.downloaded += 1;
    return this.describe(file, name, bytes.length);
  }

  private url(file: Raw): string {
    return /^https?:/.test(file.url) ? file.url : `${this.options.cmsUrl}${file.url}`;
  }

  private extension(file: Raw): string {
    return path.extname(new URL(this.url(file)).pathname).toLowerCase() || String(file.ext ?? '');
  }

  private async download(file: Raw): Promise<Buffer> {
    const url = this.url(file);
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      throw new PullError(`media ${url} unreachable: ${(error as Error).message}`);
    }
    if (!res.ok) throw new PullError(`media ${url} answered ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  private describe(file: Raw, name: string, sizeBytes: number) {
    return {
      path: `${MEDIA_DIR}/${name}`,
      mime: String(file.mime),
      sizeBytes,
      width: file.width ?? null,
      height: file.height ?? null,
      name: String(file.name ?? name),
    };
  }
}

/** Maps a REST entry (or component) onto the snapshot shape of its fields. */
async function mapFields(fields: Fields, raw: Raw, media: MediaCopier): Promise<Raw> {
  const out: Raw = {};
  for (const [name, field] of Object.entries(publicFields(fields))) {
    const value = raw[name];
    switch (field.kind) {
      case 'media':
        if (field.multiple) out[name] = await Promise.all((value ?? []).map((f: Raw) => media.copy(f)));
        else out[name] = value ? await media.copy(value) : null;
        break;
      case 'relation': {
        const ref = (r: Raw) => ({ documentId: r.documentId, slug: r.slug });
        out[name] = field.multiple ? (value ?? []).map(ref) : value ? ref(value) : null;
        break;
      }
      case 'component': {
        const inner = getComponent(field.component).fields;
        if (field.repeatable) out[name] = await Promise.all((value ?? []).map((c: Raw) => mapFields(inner, c, media)));
        else out[name] = value ? await mapFields(inner, value, media) : null;
        break;
      }
      case 'boolean':
        out[name] = Boolean(value);
        break;
      case 'decimal':
        out[name] = value === null || value === undefined ? null : Number(value);
        break;
      default:
        out[name] = value ?? null;
    }
  }
  return out;
}

/**
 * A REST entry (a content-API read, populated) as the snapshot stores it, before
 * validation: its fields with their media brought into the snapshot, and the
 * locales it is published in (its own and its published `localizations`).
 */
export async function snapshotEntry(collection: CollectionDefinition, raw: Raw, media: MediaCopier): Promise<Raw> {
  const translations = [raw.locale, ...(raw.localizations ?? []).filter((l: Raw) => l.publishedAt).map((l: Raw) => l.locale)];
  return {
    ...(await mapFields(collection.fields, raw, media)),
    type: collection.name,
    documentId: raw.documentId,
    locale: raw.locale,
    publishedAt: raw.publishedAt,
    updatedAt: raw.updatedAt,
    translations: localeCodes.filter((l) => translations.includes(l)),
  };
}

/** A relation whose target is not in the snapshot in the entry's locale. */
export interface MissingLink {
  field: string;
  target: { type: string; documentId: string; slug: string };
}

/** The entry's relations (components included) whose target is not in `present` (keys `<type>:<locale>:<documentId>`). */
export function missingLinks(collection: CollectionDefinition, entry: Raw, present: Set<string>): MissingLink[] {
  const found: MissingLink[] = [];
  const check = (fields: Fields, value: Raw, at: string) => {
    for (const [name, field] of Object.entries(fields)) {
      const v = value?.[name];
      if (field.kind === 'relation') {
        for (const ref of field.multiple ? (v ?? []) : v ? [v] : []) {
          if (!present.has(`${field.target}:${entry.locale}:${ref.documentId}`))
            found.push({ field: `${at}${name}`, target: { type: field.target, documentId: ref.documentId, slug: ref.slug } });
        }
      } else if (field.kind === 'component') {
        const inner = getComponent(field.component).fields;
        (field.repeatable ? (v ?? []) : v ? [v] : []).forEach((c: Raw, i: number) => check(inner, c, `${at}${name}${field.repeatable ? `.${i}` : ''}.`));
      }
    }
  };
  check(collection.fields, entry, '');
  return found;
}

/** Relations whose target is not in the snapshot in the same locale. */
function brokenRelations(collection: CollectionDefinition, entry: Raw, present: Set<string>): EntryProblem[] {
  return missingLinks(collection, entry, present).map(({ field, target }) => ({
    type: collection.name,
    documentId: entry.documentId,
    locale: entry.locale,
    field,
    message: `links to ${target.type} ${target.documentId} (${target.slug}), which is not in the snapshot in this locale`,
  }));
}

/** The previous snapshot and its pull state, when an incremental pull can build on them; otherwise why not. */
function previousPull(options: PullOptions): { snapshot: Snapshot; state: PullState } | { reason: string } {
  if (!options.previous) return { reason: 'no previous snapshot given' };
  try {
    const stateFile = path.join(options.previous, PULL_STATE_FILE);
    if (!fs.existsSync(stateFile)) return { reason: `the previous snapshot has no ${PULL_STATE_FILE}` };
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as PullState;
    if (state.formatVersion !== 1 || !state.versions || typeof state.versions !== 'object') return { reason: `${PULL_STATE_FILE} has an unknown format` };
    if (state.source !== options.cmsUrl) return { reason: `the previous snapshot came from ${state.source}` };
    return { snapshot: readSnapshot(options.previous), state };
  } catch (error) {
    return { reason: `the previous snapshot is unreadable or invalid: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Links (or copies) a media file of the previous snapshot into the new one. */
function carryMedia(from: string, to: string, mediaPath: string): void {
  const target = path.join(to, mediaPath);
  if (fs.existsSync(target)) return;
  try {
    fs.linkSync(path.join(from, mediaPath), target);
  } catch {
    fs.copyFileSync(path.join(from, mediaPath), target);
  }
}

/**
 * The certificates' public files (issuer profile and keys, signed status list), validated.
 * A CMS without the certificates' endpoint (404) has none to publish.
 */
async function pullCredentialFiles(options: PullOptions, log: (line: string) => void): Promise<Record<string, unknown>> {
  const url = `${options.cmsUrl}/api/learning/published-credentials`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${options.token}` }, signal: AbortSignal.timeout(30_000) }).catch((error: Error) => {
    throw new PullError(`CMS unreachable at ${options.cmsUrl}: ${error.cause ?? error.message}`);
  });
  if (res.status === 404) {
    log('[pull] the CMS publishes no certificate files (no /api/learning/published-credentials)');
    return {};
  }
  if (!res.ok) throw new PullError(`CMS answered ${res.status} for ${url}`);
  try {
    return validateCredentialFiles(await res.json());
  } catch (error) {
    throw new PullError((error as Error).message);
  }
}

export async function pullSnapshot(options: PullOptions): Promise<PullResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const id = new Date().toISOString().replace(/[:.]/g, '-');
  fs.mkdirSync(options.snapshotsDir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(options.snapshotsDir, `.partial-${id}-`));
  try {
    fs.mkdirSync(path.join(tmp, ENTRIES_DIR));
    fs.mkdirSync(path.join(tmp, MEDIA_DIR));
    const store = new MediaStore(options.snapshotsDir);
    const media = new MediaCopier(options, tmp, store);
    const warnings: EntryProblem[] = [];
    const byKey = new Map<string, { collection: CollectionDefinition; entry: Raw }>();
    let versions: EntryVersions = {};
    /** The current slug of each document fetched in this pull. */
    const slugs = new Map<string, unknown>();

    const accept = async (collection: CollectionDefinition, locale: string, raw: Raw) => {
      const entry = await snapshotEntry(collection, raw, media);
      slugs.set(documentKey(collection.name, raw.documentId), raw.slug);
      const result = validateEntry(collection.name as never, entry);
      if (result.ok) byKey.set(entryKey(collection.name, locale, raw.documentId), { collection, entry: result.entry });
      else warnings.push(...result.problems);
    };

    const readingStarted = Date.now();
    const base = options.previous === undefined ? null : previousPull(options);
    const readingSeconds = (Date.now() - readingStarted) / 1000;
    let incremental: PullResult['incremental'] = null;
    if (base && 'snapshot' in base) {
      // List every entry's version, fetch again only the documents that differ (and those
      // the previous pull left out, which may now pass), and keep the rest as they were.
      const listingStarted = Date.now();
      versions = await listEntryVersions({ cmsUrl: options.cmsUrl, token: options.token });
      const listingSeconds = (Date.now() - listingStarted) / 1000;
      const wanted = changedDocuments(base.state.versions, versions);
      for (const w of base.snapshot.manifest.warnings) if (collections.some((c) => c.name === w.type)) wanted.add(documentKey(w.type, w.documentId));
      const fetched = new Set<string>();
      const previousEntries = collections.flatMap((collection) =>
        localeCodes.flatMap((locale) =>
          (base.snapshot.entries[collection.name as CollectionName][locale] as Raw[]).map((entry) => ({ collection, locale, entry })),
        ),
      );
      let kept = previousEntries;
      for (let pending = [...wanted]; pending.length;) {
        for (const collection of collections) {
          const ids = pending.filter((d) => d.startsWith(`${collection.name}:`)).map((d) => d.slice(collection.name.length + 1));
          if (!ids.length) continue;
          for (const locale of localeCodes) for (const raw of await fetchAll(options, collection, locale, ids)) await accept(collection, locale, raw);
        }
        for (const d of pending) fetched.add(d);
        kept = previousEntries.filter(({ collection, entry }) => !fetched.has(documentKey(collection.name, entry.documentId)));
        // A kept entry that embeds a slug its linked document no longer has is fetched again too.
        pending = [...documentsWithStaleLinks(kept, slugs)].filter((d) => !fetched.has(d));
      }
      for (const { collection, locale, entry } of kept) {
        for (const mediaPath of listMediaPaths(entry)) carryMedia(base.snapshot.dir, tmp, mediaPath);
        byKey.set(entryKey(collection.name, locale, entry.documentId), { collection, entry });
      }
      incremental = { previous: base.snapshot.manifest.id, fetchedDocuments: fetched.size, keptEntries: kept.length };
      log(
        `[pull] incremental on ${base.snapshot.manifest.id}: ${fetched.size} document(s) fetched again, ${kept.length} entries kept (previous snapshot read in ${readingSeconds.toFixed(1)} s, versions listed in ${listingSeconds.toFixed(1)} s)`,
      );
    } else {
      if (base) log(`[pull] full pull: ${base.reason}`);
      for (const collection of collections) {
        for (const locale of localeCodes) {
          for (const raw of await fetchAll(options, collection, locale)) {
            versions[entryKey(collection.name, locale, raw.documentId)] = `${raw.id}@${raw.updatedAt}`;
            await accept(collection, locale, raw);
          }
        }
        log(`[pull] ${collection.pluralName}: ${[...byKey.keys()].filter((k) => k.startsWith(`${collection.name}:`)).length} entries`);
      }
    }

    // Leave out entries that link to documents the snapshot does not hold, until none do.
    for (let changed = true; changed;) {
      changed = false;
      const present = new Set(byKey.keys());
      for (const [key, { collection, entry }] of byKey) {
        const problems = brokenRelations(collection, entry, present);
        if (problems.length) {
          warnings.push(...problems);
          byKey.delete(key);
          changed = true;
        }
      }
    }

    const counts: Record<string, Record<string, number>> = {};
    for (const collection of collections) {
      counts[collection.name] = {};
      for (const locale of localeCodes) {
        const entries = [...byKey.entries()]
          .filter(([k]) => k.startsWith(`${collection.name}:${locale}:`))
          .map(([, v]) => v.entry)
          .sort(byDocumentId);
        counts[collection.name][locale] = entries.length;
        fs.writeFileSync(path.join(tmp, entriesFile(collection.name, locale)), JSON.stringify(entries, null, 1));
      }
    }
    const contentCount = contentTypes.reduce((n, t) => n + Object.values(counts[t.name]).reduce((a, b) => a + b, 0), 0);
    if (contentCount === 0) throw new PullError(`the CMS at ${options.cmsUrl} returned no published content: nothing to build`);

    const credentials = writeCredentialFiles(tmp, await pullCredentialFiles(options, log));
    const manifest: SnapshotManifest = {
      formatVersion: 1,
      id,
      createdAt: new Date().toISOString(),
      source: options.cmsUrl,
      locales: [...localeCodes],
      counts,
      warnings,
      ...(credentials.length ? { credentials } : {}),
    };
    fs.writeFileSync(path.join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    const state: PullState = { formatVersion: 1, source: options.cmsUrl, versions };
    fs.writeFileSync(path.join(tmp, PULL_STATE_FILE), JSON.stringify(state));
    readSnapshot(tmp); // the whole snapshot must validate before it gets its final name

    const dir = path.join(options.snapshotsDir, id);
    fs.renameSync(tmp, dir);
    pointLatestAt(options.snapshotsDir, id);
    for (const w of warnings) log(`[pull] left out: ${w.type} ${w.documentId} [${w.locale}] ${w.field}: ${w.message}`);
    const { downloaded, reused, notLinked } = media.counts;
    if (notLinked) log(`[pull] ${notLinked} media file(s) copied, not linked: the file system refused hard links to ${store.dir}`);
    log(
      `[pull] snapshot ${id}: ${contentCount} content entries, ${warnings.length} warning(s), media ${downloaded} downloaded + ${reused} from the store, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // The snapshot is in place: what follows only saves work or disk later, and never fails the pull.
    try {
      store.save();
      if (options.keep !== undefined) {
        const pruned = pruneSnapshots(options.snapshotsDir, options.keep);
        if (pruned.removed.length)
          log(
            `[pull] pruned ${pruned.removed.length} old snapshot(s); ${pruned.media.files} media file(s) no longer used (${pruned.media.bytes} bytes) left the store`,
          );
      }
    } catch (error) {
      log(`[pull] could not update the media store or prune old snapshots: ${(error as Error).message}`);
    }
    return { dir, manifest, media: { downloaded, reused }, incremental };
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** The snapshot `<snapshotsDir>/latest` points at, when there is one. */
export function latestSnapshotDir(snapshotsDir: string): string | undefined {
  try {
    return fs.realpathSync(path.join(snapshotsDir, 'latest'));
  } catch {
    return undefined;
  }
}

/** Atomically points `<snapshotsDir>/latest` at a snapshot (symlink swapped by rename). */
export function pointLatestAt(snapshotsDir: string, id: string): void {
  const link = path.join(snapshotsDir, 'latest');
  const next = path.join(snapshotsDir, `.latest-${process.pid}-${Date.now()}`);
  fs.symlinkSync(id, next);
  fs.renameSync(next, link);
}
