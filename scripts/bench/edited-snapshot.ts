/**
 * A copy of a snapshot with one entry edited, for timing the rebuild a single
 * publish causes: the manifest and entry files are copied, the media folder is
 * linked (media are never changed here), and the first English news item gets a
 * new title.
 */
import fs from 'node:fs';
import path from 'node:path';
import { entriesFile, MANIFEST_FILE } from '@ssc/content-schemas';

export function snapshotWithOneEdit(snapshotDir: string, targetDir: string): { documentId: string } {
  fs.rmSync(targetDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(targetDir, 'entries'), { recursive: true });
  fs.copyFileSync(path.join(snapshotDir, MANIFEST_FILE), path.join(targetDir, MANIFEST_FILE));
  for (const name of fs.readdirSync(path.join(snapshotDir, 'entries')))
    fs.copyFileSync(path.join(snapshotDir, 'entries', name), path.join(targetDir, 'entries', name));
  fs.symlinkSync(path.join(snapshotDir, 'media'), path.join(targetDir, 'media'), 'dir');
  const file = path.join(targetDir, entriesFile('news', 'en'));
  const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as { documentId: string; title: string }[];
  if (!entries.length) throw new Error(`no English news in ${snapshotDir} to edit`);
  entries[0].title = `${entries[0].title} (edited)`;
  fs.writeFileSync(file, JSON.stringify(entries));
  return { documentId: entries[0].documentId };
}
