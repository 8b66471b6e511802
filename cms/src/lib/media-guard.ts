/**
 * Who may change a media file, and what a change sets off.
 * - A language editor may replace, edit or delete only a file they uploaded
 *   (their role's `admin::is-creator` condition) and that no published entry in
 *   another language uses (checked here, since permissions cannot express it).
 * - The chief editor and super admins may change any file.
 * - Writes outside an admin request (seeding, tools) are not restricted.
 * After a file that published entries use is replaced, edited or deleted, those
 * entries are recorded as updated in the partner change log; the "Site rebuild"
 * webhook listens to the same media events, so the site is rebuilt too.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { entriesUsingFile, type MediaUse } from './media-usage';
import { hasEditorialControl, localeEditorCode } from './editor-roles';
import { localeCodes, collectionByUid } from './model';
import { recordMediaChange } from './syndication/recorder';

const FILE_UID = 'plugin::upload.file';

interface AdminUser {
  id: number;
  roles?: { code: string }[];
}

/** The locales an admin user is limited to, or null when unrestricted (no admin user, chief editor, super admin). */
export function restrictedLocales(user: AdminUser | undefined): string[] | null {
  if (!user || hasEditorialControl(user.roles)) return null;
  const codes = new Set((user.roles ?? []).map((r) => r.code));
  return localeCodes.filter((l) => codes.has(localeEditorCode(l)));
}

function adminUser(strapi: Core.Strapi): AdminUser | undefined {
  const ctx = strapi.requestContext.get() as { state?: { user?: AdminUser; route?: { info?: { type?: string } } } } | undefined;
  return ctx?.state?.route?.info?.type === 'admin' ? ctx.state.user : undefined;
}

function describe(use: MediaUse): string {
  const name = collectionByUid.get(use.uid)?.name ?? use.uid;
  return `the published ${name} ${use.documentId} [${use.locale}]`;
}

async function checkMayChange(strapi: Core.Strapi, where: unknown, verb: string): Promise<void> {
  const user = adminUser(strapi);
  const locales = restrictedLocales(user);
  if (!locales) return;
  const files = await strapi.db.query(FILE_UID).findMany({ where, select: ['id', 'name'], populate: { createdBy: { select: ['id'] } } });
  for (const file of files as { id: number; name: string; createdBy?: { id: number } | null }[]) {
    if (file.createdBy?.id !== user!.id) {
      throw new errors.PolicyError(`You may ${verb} only media you uploaded: "${file.name}" was uploaded by someone else`);
    }
    const foreign = (await entriesUsingFile(strapi, file.id)).filter((u) => u.published && !locales.includes(u.locale));
    if (foreign.length) {
      throw new errors.PolicyError(
        `"${file.name}" is used by ${describe(foreign[0])}${foreign.length > 1 ? ` and ${foreign.length - 1} more` : ''}: only the chief editor may ${verb} it`,
      );
    }
  }
}

async function publishedUses(strapi: Core.Strapi, where: unknown): Promise<MediaUse[]> {
  const files = await strapi.db.query(FILE_UID).findMany({ where, select: ['id'] });
  const uses: MediaUse[] = [];
  for (const file of files as { id: number }[]) uses.push(...(await entriesUsingFile(strapi, file.id)).filter((u) => u.published));
  return uses;
}

export function registerMediaGuard(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    async beforeUpdate(event) {
      await checkMayChange(strapi, event.params.where, 'replace or edit');
    },
    async beforeDelete(event) {
      await checkMayChange(strapi, event.params.where, 'delete');
      event.state.uses = await publishedUses(strapi, event.params.where);
    },
    async beforeDeleteMany(event) {
      await checkMayChange(strapi, event.params.where, 'delete');
      event.state.uses = await publishedUses(strapi, event.params.where);
    },
    async afterUpdate(event) {
      const id = event.result?.id;
      if (id)
        await recordMediaChange(
          strapi,
          (await entriesUsingFile(strapi, id)).filter((u) => u.published),
        );
    },
    async afterDelete(event) {
      const uses = event.state.uses as MediaUse[] | undefined;
      if (uses?.length) await recordMediaChange(strapi, uses);
    },
    async afterDeleteMany(event) {
      const uses = event.state.uses as MediaUse[] | undefined;
      if (uses?.length) await recordMediaChange(strapi, uses);
    },
  });
}
