/**
 * The uploads folder (Strapi's local upload provider: `<public>/uploads`). Backups
 * take a hard link of each file (a copy across file systems) into the staging
 * folder, so a file Strapi deletes meanwhile still goes into the archive whole.
 * Restores put the new folder next to the old one and swap them by renaming.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Files under `dir`, as sorted relative paths with forward slashes (none when it does not exist). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A folder that holds nothing but a `.gitkeep` (or does not exist) counts as empty. */
export function isUploadsEmpty(dir: string): boolean {
  if (!fs.existsSync(dir)) return true;
  return fs.readdirSync(dir).every((name) => name === '.gitkeep');
}

export interface StagedUploads {
  /** Relative paths of the files taken. */
  files: string[];
  bytes: number;
  /** Files deleted between listing and taking them. */
  vanished: string[];
}

function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_FICLONE);
  }
}

/** Takes every file of `uploadsDir` into `into`. */
export function stageUploads(uploadsDir: string, into: string): StagedUploads {
  const staged: StagedUploads = { files: [], bytes: 0, vanished: [] };
  for (const rel of listFiles(uploadsDir)) {
    const to = path.join(into, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    try {
      linkOrCopy(path.join(uploadsDir, rel), to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      staged.vanished.push(rel);
      continue;
    }
    staged.files.push(rel);
    staged.bytes += fs.statSync(to).size;
  }
  return staged;
}

/** Moves a folder, copying when it crosses file systems. */
function moveDir(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Moves the restored files (`from`, or nothing) into a hidden folder beside
 * `uploadsDir` (Strapi does not serve dot-folders); returns it.
 */
export function stageUploadsBeside(from: string | null, uploadsDir: string): string {
  const parent = path.dirname(uploadsDir);
  fs.mkdirSync(parent, { recursive: true });
  const staged = path.join(parent, `.${path.basename(uploadsDir)}.restore-${crypto.randomBytes(4).toString('hex')}`);
  if (from && fs.existsSync(from)) moveDir(from, staged);
  else fs.mkdirSync(staged);
  return staged;
}

/** Swaps the staged folder in for `uploadsDir`; the old one is deleted once the new one is in place. */
export function swapUploadsIn(staged: string, uploadsDir: string): void {
  const old = `${staged}.old`;
  const hadOld = fs.existsSync(uploadsDir);
  if (hadOld) fs.renameSync(uploadsDir, old);
  try {
    fs.renameSync(staged, uploadsDir);
  } catch (error) {
    if (hadOld) fs.renameSync(old, uploadsDir);
    throw error;
  }
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
}
