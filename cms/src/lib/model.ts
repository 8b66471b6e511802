/**
 * The parts of the content model the CMS needs at run time. Generated into
 * src/generated/model.json from content-schemas by `npm run generate`.
 */
import generated from '../generated/model.json';

export interface RuntimeCollection {
  name: string;
  uid: `api::${string}.${string}`;
  pluralName: string;
  draftAndPublish: boolean;
  isContentType: boolean;
  localizedFields: string[];
  sharedFields: string[];
  populate: Record<string, unknown>;
  fields: Record<string, RuntimeField>;
}

export interface RuntimeField {
  kind: string;
  /** Relations: the target collection's model name. */
  target?: string;
  multiple?: boolean;
  /** Components: `category.name`. */
  component?: string;
  repeatable?: boolean;
}

export interface RuntimeModel {
  defaultLocale: string;
  /** Where the static site is when SSC_SITE_URL is not set: `npm start`'s server on this machine. */
  localSite: { host: string; defaultPort: number };
  locales: { code: string; name: string; englishName: string; dir: 'ltr' | 'rtl' }[];
  collections: RuntimeCollection[];
}

export const model = generated as unknown as RuntimeModel;

export const localeCodes = model.locales.map((l) => l.code);

export const collectionByUid = new Map(model.collections.map((c) => [c.uid as string, c]));

export const collectionByPluralName = new Map(model.collections.map((c) => [c.pluralName, c]));

export const collectionByName = new Map(model.collections.map((c) => [c.name, c]));

export const contentCollections = model.collections.filter((c) => c.isContentType);
