/**
 * Admin roles for editors, kept in sync with the content model on every boot:
 * - one "<Language> editor" role per locale: reads every language (translators need
 *   the source), but creates, edits, publishes and deletes only in its own locale, and
 *   on existing entries edits only localized fields, since shared fields (slug, dates,
 *   taxonomy links) change every translation at once;
 * - a "Chief editor" role with every locale and every field, who also sees and
 *   revokes partner API tokens.
 */
import type { Core } from '@strapi/strapi';
import { model, localeCodes } from './model';
import { PARTNER_TOKEN_UID } from './syndication/names';

const CM = 'plugin::content-manager.explorer';
export const CHIEF_EDITOR_CODE = 'ssc-chief-editor';
export const localeEditorCode = (locale: string) => `ssc-editor-${locale}`;

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

const MEDIA_PERMISSIONS: Permission[] = [
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
].map((action) => ({ action, conditions: [] }));

/** Every content-manager permission on our collections, with nested field paths. */
function allCollectionPermissions(strapi: Core.Strapi): Permission[] {
  const actions = strapi.service('admin::permission').actionProvider.values().filter((a: { section: string }) => a.section === 'contentTypes');
  const ours = new Set(model.collections.map((c) => c.uid as string));
  const others = Object.keys(strapi.contentTypes).filter((uid) => !ours.has(uid));
  return strapi.service('admin::content-type').getPermissionsWithNestedFields(actions, { restrictedSubjects: others });
}

/** The chief editor sees partner API tokens and revokes or deletes them (keys are made on the command line). */
const PARTNER_TOKEN_FIELDS = ['name', 'description', 'keyPrefix', 'revoked', 'rateLimit'];
const PARTNER_TOKEN_PERMISSIONS: Permission[] = [
  { action: `${CM}.read`, subject: PARTNER_TOKEN_UID, properties: { fields: PARTNER_TOKEN_FIELDS }, conditions: [] },
  { action: `${CM}.update`, subject: PARTNER_TOKEN_UID, properties: { fields: ['description', 'revoked', 'rateLimit'] }, conditions: [] },
  { action: `${CM}.delete`, subject: PARTNER_TOKEN_UID, properties: {}, conditions: [] },
];

function chiefEditorPermissions(base: Permission[]): Permission[] {
  return [...base.map((p) => ({ ...p, properties: { ...p.properties, locales: [...localeCodes] } })), ...MEDIA_PERMISSIONS, ...PARTNER_TOKEN_PERMISSIONS];
}

function localeEditorPermissions(base: Permission[], locale: string): Permission[] {
  const out: Permission[] = [];
  for (const p of base) {
    const collection = model.collections.find((c) => c.uid === p.subject);
    if (!collection) continue;
    const isRead = p.action === `${CM}.read`;
    if (isRead) {
      out.push({ ...p, properties: { ...p.properties, locales: [...localeCodes] } });
      continue;
    }
    // Taxonomy is shared vocabulary: language editors only translate it.
    if (!collection.isContentType && p.action !== `${CM}.update`) continue;
    const properties: Permission['properties'] = { ...p.properties, locales: [locale] };
    if (p.action === `${CM}.update` && properties.fields) {
      const localized = new Set(collection.localizedFields);
      properties.fields = properties.fields.filter((field) => localized.has(field.split('.')[0]));
    }
    out.push({ ...p, properties });
  }
  return [...out, ...MEDIA_PERMISSIONS];
}

async function upsertRole(strapi: Core.Strapi, code: string, name: string, description: string, permissions: Permission[]) {
  const roles = strapi.service('admin::role');
  let role = await strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) {
    role = await roles.create({ name, code, description });
    strapi.log.info(`[roles] created "${name}"`);
  }
  await roles.assignPermissions(role.id, permissions);
  return role;
}

export async function ensureEditorRoles(strapi: Core.Strapi): Promise<void> {
  const base = allCollectionPermissions(strapi);
  await upsertRole(
    strapi,
    CHIEF_EDITOR_CODE,
    'Chief editor',
    'Creates, edits, publishes and deletes content and taxonomy in every language, including shared fields.',
    chiefEditorPermissions(base),
  );
  for (const locale of model.locales) {
    await upsertRole(
      strapi,
      localeEditorCode(locale.code),
      `${locale.englishName} editor`,
      `Reads every language; creates, edits, publishes and deletes content only in ${locale.englishName}. Translates taxonomy.`,
      localeEditorPermissions(base, locale.code),
    );
  }
}
