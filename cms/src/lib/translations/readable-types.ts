/**
 * Which collections a signed-in admin user may open in the content manager, decided by the content manager's own
 * permission checker over the user's ability (their roles' read permission on the type, in any locale). The
 * translation status shows and answers for those only: a language editor has no offer, demand or match (the
 * broker's), so the report must not list their titles to them.
 */
import type { Core } from '@strapi/strapi';
import type { UserAbility } from '../scheduling/permissions';

/** Whether the user may read entries of the collection `uid`. */
export type MayRead = (uid: string) => boolean;

interface ReadChecker {
  can: { read(entity?: object): boolean };
}

/** The user's read check, one permission lookup per type; with no ability (no admin session), nothing is readable. */
export function contentManagerReader(strapi: Core.Strapi, userAbility: UserAbility | undefined): MayRead {
  if (!userAbility) return () => false;
  const service = strapi.plugin('content-manager').service('permission-checker');
  const known = new Map<string, boolean>();
  return (uid) => {
    let may = known.get(uid);
    if (may === undefined) {
      may = (service.create({ userAbility, model: uid }) as ReadChecker).can.read();
      known.set(uid, may);
    }
    return may;
  };
}
