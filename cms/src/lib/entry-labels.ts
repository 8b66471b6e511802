/**
 * Names entries by their title in the admin. The content manager shows an entry
 * by its type's "main field" (in list views and the edit view's heading) and a
 * related entry by the main field set on the relation. Strapi's default for both is
 * the first string attribute, the slug. On every boot this sets them to the
 * model's label field (content-schemas' labelField: the title, or a taxonomy's
 * name) and puts it first in list views. A main field an administrator chose in the
 * view settings is kept.
 */
import type { Core } from '@strapi/strapi';
import { collectionByName, model, type RuntimeField } from './model';

interface FieldMetadata {
  edit?: { mainField?: string; [key: string]: unknown };
  [key: string]: unknown;
}

interface ViewConfiguration {
  settings: { mainField?: string; defaultSortBy?: string; [key: string]: unknown };
  metadatas: Record<string, FieldMetadata>;
  layouts: { list?: string[]; [key: string]: unknown };
}

/** What the content manager's `content-types` and `components` services have in common. */
interface ConfigurationService {
  find(uid: string): unknown;
  findConfiguration(schema: unknown): Promise<ViewConfiguration & { uid: string; category?: string }>;
  updateConfiguration(schema: unknown, configuration: ViewConfiguration): Promise<unknown>;
}

/** Main fields the content manager picks when nobody chose one. */
const STRAPI_DEFAULTS = new Set(['slug', 'id', 'documentId']);
const isDefault = (mainField: string | undefined) => mainField === undefined || STRAPI_DEFAULTS.has(mainField);

/** The configuration with relations labelled by their target's label field; null when nothing changes. */
function withRelationLabels(configuration: ViewConfiguration, fields: Record<string, RuntimeField>): ViewConfiguration | null {
  let changed = false;
  const metadatas = { ...configuration.metadatas };
  for (const [name, field] of Object.entries(fields)) {
    const label = field.kind === 'relation' && field.target ? collectionByName.get(field.target)?.labelField : undefined;
    const edit = metadatas[name]?.edit;
    if (!label || !edit || edit.mainField === label || !isDefault(edit.mainField)) continue;
    metadatas[name] = { ...metadatas[name], edit: { ...edit, mainField: label } };
    changed = true;
  }
  return changed ? { ...configuration, metadatas } : null;
}

/** The configuration with the type's own entries named by `label`; null when nothing changes. */
function withMainField(configuration: ViewConfiguration, label: string): ViewConfiguration | null {
  const current = configuration.settings.mainField;
  if (current === label || !isDefault(current)) return null;
  const sortBy = configuration.settings.defaultSortBy;
  const list = configuration.layouts.list ?? [];
  return {
    ...configuration,
    settings: { ...configuration.settings, mainField: label, defaultSortBy: sortBy === current ? label : sortBy },
    layouts: { ...configuration.layouts, list: [label, ...list.filter((f) => f !== label && f !== 'id')] },
  };
}

async function relabel(service: ConfigurationService, uid: string, fields: Record<string, RuntimeField>, label?: string): Promise<void> {
  const schema = service.find(uid);
  if (!schema) return;
  const { uid: _uid, category: _category, ...configuration } = await service.findConfiguration(schema);
  const named = label ? withMainField(configuration, label) : null;
  const next = withRelationLabels(named ?? configuration, fields) ?? named;
  if (next) await service.updateConfiguration(schema, next);
}

export async function ensureEntryLabels(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service('content-types');
  const components = contentManager.service('components');
  const types: ConfigurationService = {
    find: (uid) => contentTypes.findContentType(uid),
    findConfiguration: (schema) => contentTypes.findConfiguration(schema),
    updateConfiguration: (schema, configuration) => contentTypes.updateConfiguration(schema, configuration),
  };
  const parts: ConfigurationService = {
    find: (uid) => components.findComponent(uid),
    findConfiguration: (schema) => components.findConfiguration(schema),
    updateConfiguration: (schema, configuration) => components.updateConfiguration(schema, configuration),
  };
  for (const collection of model.collections) await relabel(types, collection.uid, collection.fields, collection.labelField);
  for (const component of model.components) await relabel(parts, component.name, component.fields);
}
