/** Compares and writes the files that content-schemas generates into cms/. */
import fs from 'node:fs';
import path from 'node:path';
import { cmsDir } from './paths.ts';

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Relative paths (under cms/) whose content differs from what the model generates. */
export function diffGeneratedFiles(files: Map<string, string>, root = cmsDir): string[] {
  return [...files].filter(([rel, content]) => read(path.join(root, rel)) !== content).map(([rel]) => rel);
}

export function writeGeneratedFiles(files: Map<string, string>, root = cmsDir): string[] {
  const changed = diffGeneratedFiles(files, root);
  for (const rel of changed) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, files.get(rel)!);
  }
  return changed;
}
