/**
 * The archive file: a plain tar (members are compressed where it pays: the SQLite
 * file is gzipped, a pg_dump archive is compressed already, media mostly are), with
 * manifest.json first. Reading extracts everything into a folder and then checks the
 * whole against the manifest, so that nothing is restored from a damaged archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { sha256File } from './checksum.ts';
import { MANIFEST_NAME, parseManifest, type Manifest, type ManifestMember } from './manifest.ts';
import { damaged } from './refusal.ts';

/** Writes `members` (paths relative to `dir`, the manifest first) into a new tar file. */
export async function writeArchive(dir: string, members: string[], file: string): Promise<void> {
  await tar.c({ file, cwd: dir, portable: true, strict: true, noDirRecurse: true }, members);
}

/** Checksums and sizes of the files in `dir` named by `paths`, as the manifest records them. */
export async function describeMembers(dir: string, paths: string[]): Promise<ManifestMember[]> {
  const out: ManifestMember[] = [];
  for (const p of paths) {
    const file = path.join(dir, p);
    out.push({ path: p, size: fs.statSync(file).size, sha256: await sha256File(file) });
  }
  return out;
}

const SAFE_MEMBER = /^(database\/[^/]+|uploads\/.+)$/;
const isSafeMember = (p: string) => SAFE_MEMBER.test(p) && !p.split('/').some((s) => s === '' || s === '.' || s === '..');

const listProblems = (problems: string[]) =>
  problems.length <= 5 ? problems.join('; ') : `${problems.slice(0, 5).join('; ')}; and ${problems.length - 5} more`;

/**
 * Extracts `file` into the empty folder `dir` and checks it: a readable tar, a valid
 * manifest, every member present with its size and SHA-256, nothing else. Refuses
 * (RestoreRefused) with a message naming what is wrong.
 */
export async function extractArchive(file: string, dir: string): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new Error(`there is no archive at ${file}`);
  const entries = new Map<string, string>();
  try {
    await tar.x({
      file,
      cwd: dir,
      strict: true,
      preserveOwner: false,
      filter: (p, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        entries.set(p.replace(/^\.\//, ''), type);
        return type === 'File' || type === 'OldFile' || type === 'ContiguousFile';
      },
    });
  } catch (error) {
    // tar names the entry whose header or data is bad; a header may be too garbled to name.
    const e = error as Error & { entry?: { path?: string }; header?: { path?: string } };
    const member = e.entry?.path ?? e.header?.path;
    const where = member && /^(manifest\.json$|database\/|uploads\/)[\x20-\x7e]*$/.test(member) ? ` in member ${member}` : '';
    throw damaged(`${path.basename(file)} cannot be read${where} (${e.message ?? String(error)}): truncated, or not a backup archive`);
  }
  const manifestFile = path.join(dir, MANIFEST_NAME);
  if (!fs.existsSync(manifestFile)) {
    throw damaged(entries.size ? `${path.basename(file)} has no ${MANIFEST_NAME}` : `${path.basename(file)} holds no files: empty, or not a backup archive`);
  }
  const manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'));

  const problems: string[] = [];
  const listed = new Set<string>([MANIFEST_NAME]);
  for (const member of manifest.members) {
    if (!isSafeMember(member.path)) {
      problems.push(`the manifest names a member outside database/ and uploads/: ${JSON.stringify(member.path)}`);
      continue;
    }
    listed.add(member.path);
    const type = entries.get(member.path);
    const local = path.join(dir, member.path);
    if (!type || !fs.existsSync(local)) problems.push(`member ${member.path} is missing`);
    else if (!['File', 'OldFile', 'ContiguousFile'].includes(type)) problems.push(`member ${member.path} is a ${type}, not a file`);
    else if (fs.statSync(local).size !== member.size)
      problems.push(`member ${member.path} has ${fs.statSync(local).size} bytes, the manifest says ${member.size}`);
    else if ((await sha256File(local)) !== member.sha256) problems.push(`member ${member.path} does not match its SHA-256 checksum in the manifest`);
  }
  for (const [p, type] of entries) {
    if (!listed.has(p) && type !== 'Directory') problems.push(`member ${p} is not in the manifest`);
  }
  if (!manifest.members.some((m) => m.path === manifest.database.member)) problems.push(`the manifest lists no database member ${manifest.database.member}`);
  if (problems.length) throw damaged(listProblems(problems));
  return manifest;
}
