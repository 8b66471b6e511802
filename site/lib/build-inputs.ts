/**
 * The digest of everything a site build is made from: the snapshot's content, the
 * site's code and the build's options. Two builds with the same digest write the
 * same files, so the second one can reuse the first one's output instead of running
 * Astro and Pagefind again; and two builds with the same code digest can share every
 * page whose data did not change (see targeted-build.ts).
 *
 * It errs towards "changed": any file of the site or content-schemas workspaces
 * (tests aside), the lockfile, Node's version, the snapshot's entries byte for byte
 * and each media file's identity (size, modification time, inode: a replaced file
 * differs in at least one) all count. Only the manifest's `id` and `createdAt`,
 * which change on every pull and appear on no page, are left out.
 */
import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CREDENTIALS_DIR, MANIFEST_FILE } from '@ssc/content-schemas';
import { siteRoot } from './config.ts';
import { exchangeSettings } from '../src/lib/exchange-status.ts';

/** Bump when what the digest covers changes. */
const FORMAT = 2;

const repoRoot = path.resolve(siteRoot, '..');

/** The folders whose files are the site's code, and the folders inside them that are not. */
// The verify page bundles the certificates' verifier from the CMS's sources.
const CODE_ROOTS = [siteRoot, path.join(repoRoot, 'content-schemas'), path.join(repoRoot, 'cms', 'src', 'lib', 'learning', 'credentials')];
const NOT_CODE = new Set(['node_modules', '.astro', 'test', 'dist']);
const CODE_FILES = [path.join(repoRoot, 'package-lock.json'), path.join(repoRoot, 'package.json')];

/** Every file under `dir` (relative, sorted), skipping folders named in `skip`. */
function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      // Snapshot media folders may be links (to a shared store): follow them.
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(path.join(dir, child)).isDirectory());
      if (isDir) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found.sort();
}

function addFileBytes(hash: Hash, label: string, file: string): void {
  hash.update(`\0${label}\0`);
  hash.update(fs.readFileSync(file));
}

/** The site's code: its own files, the content model's, the lockfile and Node's version. */
function hashCode(hash: Hash): void {
  hash.update(process.version);
  for (const root of CODE_ROOTS) {
    for (const rel of filesUnder(root, NOT_CODE)) addFileBytes(hash, path.relative(repoRoot, path.join(root, rel)), path.join(root, rel));
  }
  for (const file of CODE_FILES) if (fs.existsSync(file)) addFileBytes(hash, path.relative(repoRoot, file), file);
}

/** The snapshot's content: the manifest without its per-pull fields, every entry file, every media file's identity. */
function hashSnapshot(hash: Hash, snapshotDir: string): void {
  const { id: _id, createdAt: _createdAt, ...manifest } = JSON.parse(fs.readFileSync(path.join(snapshotDir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
  hash.update(JSON.stringify(manifest));
  for (const rel of filesUnder(snapshotDir)) {
    if (rel === MANIFEST_FILE) continue;
    const file = path.join(snapshotDir, rel);
    // Entries and the certificates' files (rewritten on every pull) count by their bytes; media by identity.
    if (rel.startsWith('entries/') || rel.startsWith(`${CREDENTIALS_DIR}/`)) addFileBytes(hash, rel, file);
    else {
      const stat = fs.statSync(file);
      hash.update(`\0${rel}\0${stat.size}:${stat.mtimeMs}:${stat.ino}:${stat.dev}`);
    }
  }
}

/** The digest of the site's code and the settings that shape every page: a change re-renders everything. */
export function codeDigest(siteUrl: string, cmsPublicUrl = ''): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, siteUrl, cmsPublicUrl]));
  hashCode(hash);
  return hash.digest('hex');
}

/** The digest of everything a build is made from: the code digest and the snapshot's content. */
export function inputsDigest(code: string, snapshotDir: string): string {
  const hash = createHash('sha256');
  hash.update(code);
  // The solutions exchange's stale marks and open lists change with the day (site/src/lib/exchange-status.ts).
  hash.update(JSON.stringify(exchangeSettings()));
  hashSnapshot(hash, snapshotDir);
  return hash.digest('hex');
}
