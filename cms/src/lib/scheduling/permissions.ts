/**
 * The same checks the content manager makes when an editor publishes or unpublishes
 * by hand: its permission checker over the user's ability, on the entry in that
 * locale (a language editor's role allows only its own locale). For a due schedule
 * there is no request, so the ability of the editor who made it is built from their
 * roles as they are now, with Strapi's admin permission engine.
 */
import type { Core } from '@strapi/strapi';
import type { ScheduleAction } from './types';

/** An ability as Strapi's admin permission engine builds it (a CASL ability). */
export type UserAbility = { can(...args: unknown[]): boolean; cannot(...args: unknown[]): boolean };

interface PermissionChecker {
  can: Record<ScheduleAction, (entity?: object) => boolean>;
  cannot: Record<ScheduleAction, (entity?: object) => boolean>;
}

export interface AdminUserRecord {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
  isActive?: boolean;
  roles?: { code: string }[];
}

export const editorName = (user: AdminUserRecord): string =>
  [user.firstname, user.lastname].filter(Boolean).join(' ').trim() || user.email || `admin user ${user.id}`;

export function permissionChecker(strapi: Core.Strapi, userAbility: UserAbility, uid: string): PermissionChecker {
  return strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: uid }) as PermissionChecker;
}

/** Whether the ability allows `action` on this entry (or any entry) in `locale`. */
export function mayAct(strapi: Core.Strapi, userAbility: UserAbility, uid: string, action: ScheduleAction, entry: object & { locale: string }): boolean {
  return permissionChecker(strapi, userAbility, uid).can[action](entry);
}

/** The admin user with their roles, or null when the account is gone. */
export async function findAdminUser(strapi: Core.Strapi, id: number): Promise<AdminUserRecord | null> {
  return ((await strapi.db.query('admin::user').findOne({ where: { id }, populate: ['roles'] })) as AdminUserRecord | null) ?? null;
}

/** The ability of an admin user as their roles stand now (what a request of theirs would get). */
export async function abilityOf(strapi: Core.Strapi, user: AdminUserRecord): Promise<UserAbility> {
  const engine = strapi.service('admin::permission').engine as { generateUserAbility(user: AdminUserRecord): Promise<UserAbility> };
  return engine.generateUserAbility(user);
}
