/**
 * Rollback: points `live` at an earlier release (the one before the live one, or
 * a named one), with the same atomic switch a publish uses. Pruning never removes
 * the live release, so a rollback stays until the next publish, which builds a
 * new release as usual.
 */
import { currentRelease, listReleases, switchLive, type ReleasePaths } from './release.ts';

/** A rollback that cannot be done as asked; `live` was left as it was. */
export class RollbackRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackRefused';
  }
}

export function rollback(paths: ReleasePaths, id?: string): { from: string | null; to: string } {
  const releases = listReleases(paths);
  const live = currentRelease(paths);
  const known = () => (releases.length ? `the releases are: ${releases.join(', ')}` : 'there are no releases');
  let to: string;
  if (id !== undefined) {
    if (!releases.includes(id)) throw new RollbackRefused(`there is no release "${id}"; ${known()}`);
    to = id;
  } else {
    if (!live) throw new RollbackRefused(`no release is live, so there is none before it: name the release to switch to; ${known()}`);
    const index = releases.indexOf(live);
    if (index < 1) throw new RollbackRefused(`the live release ${live} is the oldest kept: there is none before it`);
    to = releases[index - 1];
  }
  if (to !== live) switchLive(paths, to);
  return { from: live, to };
}
