/**
 * Admin roles for editors, kept in sync with the content model on every boot:
 * - one "<Language> editor" role per locale: reads every language (translators need
 *   the source), but creates, edits, publishes and deletes only in its own locale, and
 *   on existing entries edits only localized fields, since shared fields (slug, dates,
 *   taxonomy links) change every translation at once;
 * - a "Chief editor" role with every locale and every field, who also sees and
 *   revokes partner API tokens;
 * - a "Broker" role for the solutions exchange: every action on solutions, offers,
 *   demands and matches in every locale, and reads the taxonomy.
 *
 * Language editors keep solutions (documented good practices with no private field,
 * translated like reports) but get no offer, demand or match, not even to read: those
 * carry a submitter's contact details and a broker's notes. So only brokers and the
 * chief editor moderate, publish and match them.
 */
import type { Core } from '@strapi/strapi';
import { model, localeCodes } from './model';
import { PARTNER_TOKEN_UID } from './syndication/names';

const CM = 'plugin::content-manager.explorer';
export const CHIEF_EDITOR_CODE = 'ssc-chief-editor';
/** Strapi's own super admin role. */
export const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Whether an admin user's roles span every locale and every file: the chief editor or a super admin. */
export function hasEditorialControl(roles: { code: string }[] | undefined): boolean {
  return (roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE || r.code === CHIEF_EDITOR_CODE);
}
export const localeEditorCode = (locale: string) => `ssc-editor-${locale}`;
export const BROKER_CODE = 'ssc-broker';

/** Whether an admin user may broker the solutions exchange: a broker, the chief editor or a super admin. */
export function mayBroker(roles: { code: string }[] | undefined): boolean {
  return hasEditorialControl(roles) || (roles ?? []).some((r) => r.code === BROKER_CODE);
}

/** The solutions exchange's types (model names): the broker's. */
export const EXCHANGE_TYPES = ['solution', 'offer', 'demand', 'match'] as const;
/** The exchange types language editors do not get (private submitter details, broker notes). */
const BROKER_ONLY_TYPES = new Set<string>(['offer', 'demand', 'match']);
const uidsOf = (names: Iterable<string>) => new Set(model.collections.filter((c) => [...names].includes(c.name)).map((c) => c.uid as string));

interface Permission {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[]; locales?: string[] };
  conditions?: string[];
}

const MEDIA_ACTIONS = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
/** `assets.update` covers replacing, editing and deleting a file. */
const MEDIA_UPDATE = 'plugin::upload.assets.update';

/** The chief editor manages every file in the media library. */
const CHIEF_MEDIA_PERMISSIONS: Permission[] = [...MEDIA_ACTIONS, MEDIA_UPDATE].map((action) => ({ action, conditions: [] }));

/**
 * Language editors see and upload media, but replace, edit or delete only files
 * they uploaded; lib/media-guard.ts also refuses files another language's
 * published entry uses.
 */
const LANGUAGE_MEDIA_PERMISSIONS: Permission[] = [
  ...MEDIA_ACTIONS.map((action) => ({ action, conditions: [] })),
  { action: MEDIA_UPDATE, conditions: ['admin::is-creator'] },
];

/** Every content-manager permission on our collections, with nested field paths. */
function allCollectionPermissions(strapi: Core.Strapi): Permission[] {
  const actions = strapi
    .service('admin::permission')
    .actionProvider.values()
    .filter((a: { section: string }) => a.section === 'contentTypes');
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
  return [...base.map((p) => ({ ...p, properties: { ...p.properties, locales: [...localeCodes] } })), ...CHIEF_MEDIA_PERMISSIONS, ...PARTNER_TOKEN_PERMISSIONS];
}

function localeEditorPermissions(base: Permission[], locale: string): Permission[] {
  const out: Permission[] = [];
  for (const p of base) {
    const collection = model.collections.find((c) => c.uid === p.subject);
    if (!collection || BROKER_ONLY_TYPES.has(collection.name)) continue;
    const isRead = p.action === `${CM}.read`;
    if (isRead) {
      out.push({ ...p, properties: { ...p.properties, locales: [...localeCodes] } });
      continue;
    }
    // Taxonomy is shared vocabulary: language editors only translate it.
    if (collection.isTaxonomy && p.action !== `${CM}.update`) continue;
    const properties: Permission['properties'] = { ...p.properties, locales: [locale] };
    if (p.action === `${CM}.update` && properties.fields) {
      const localized = new Set(collection.localizedFields);
      properties.fields = properties.fields.filter((field) => localized.has(field.split('.')[0]));
    }
    out.push({ ...p, properties });
  }
  return [...out, ...LANGUAGE_MEDIA_PERMISSIONS];
}

/** Every action on the exchange types in every locale; read on the taxonomy (to pick themes, countries, partners). */
export function brokerPermissions(base: Permission[]): Permission[] {
  const exchange = uidsOf(EXCHANGE_TYPES);
  const taxonomy = new Set(model.collections.filter((c) => c.isTaxonomy).map((c) => c.uid as string));
  const allLocales = (p: Permission): Permission => ({ ...p, properties: { ...p.properties, locales: [...localeCodes] } });
  const out = base.filter((p) => (p.subject && exchange.has(p.subject)) || (p.subject && taxonomy.has(p.subject) && p.action === `${CM}.read`));
  return [...out.map(allLocales), ...LANGUAGE_MEDIA_PERMISSIONS];
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

/** Strapi's stock roles, which keep create, read, update and delete on every content type (partner tokens included). */
export const STOCK_ROLE_CODES = ['strapi-editor', 'strapi-author'];

/**
 * Removes Strapi's stock Editor and Author roles. A stock role that still has users
 * is kept but emptied of every permission, so nobody is locked out silently: an
 * administrator moves those users to one of the roles above.
 */
export async function removeStockRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  for (const code of STOCK_ROLE_CODES) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    if ((await roles.getUsersCount(role.id)) === 0) {
      await roles.deleteByIds([role.id]);
      strapi.log.info(`[roles] removed Strapi's stock role "${role.name}"`);
    } else {
      await roles.assignPermissions(role.id, []);
      strapi.log.warn(`[roles] Strapi's stock role "${role.name}" still has users: it keeps no permission; give them an editor role`);
    }
  }
}

export async function ensureEditorRoles(strapi: Core.Strapi): Promise<void> {
  await removeStockRoles(strapi);
  const base = allCollectionPermissions(strapi);
  await upsertRole(
    strapi,
    CHIEF_EDITOR_CODE,
    'Chief editor',
    'Creates, edits, publishes and deletes content and taxonomy in every language, including shared fields.',
    chiefEditorPermissions(base),
  );
  await upsertRole(
    strapi,
    BROKER_CODE,
    'Broker',
    'Moderates, publishes and matches the solutions exchange (solutions, offers, demands, matches) in every language; reads the taxonomy.',
    brokerPermissions(base),
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
