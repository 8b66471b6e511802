/**
 * The parts of the content model the CMS needs at run time. Generated into
 * src/generated/model.json from content-schemas by `npm run generate`.
 */
import generated from '../generated/model.json';

export interface RuntimeCollection {
  name: string;
  uid: `api::${string}.${string}`;
  pluralName: string;
  /** The field that dates its items (content-schemas' itemDateField), or null. */
  dateField: string | null;
  /** The field that names an entry (content-schemas' labelField): its title in the admin's lists and headings. */
  labelField: string;
  /** The edit form's paths of localized prose fields (`*` for a repeatable component's index). */
  localizedProsePaths: string[];
  draftAndPublish: boolean;
  isContentType: boolean;
  /** Shared vocabulary (themes, countries, partners): language editors only translate it. */
  isTaxonomy: boolean;
  /** Paths of values that must differ within one entry (`modules.*.lessons.*.slug`). */
  uniqueWithinEntry: string[];
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
  /** Known only to the CMS: never sent out (content API, partner API). */
  private?: boolean;
}

export interface RuntimeModel {
  defaultLocale: string;
  /** Where the static site is when SSC_SITE_URL is not set: `npm start`'s server on this machine. */
  localSite: { host: string; defaultPort: number };
  /** An item's page on the site, with `{locale}`, `{pluralName}` and `{slug}` to fill in. */
  itemPathTemplate: string;
  slugPattern: string;
  /** Each licence id of the model with its deed URL, or null. */
  licenseDeeds: Record<string, string | null>;
  /** The partner API's defaults (its environment can change the sizes) and its orders, the default first. */
  partnerApi: { pageSize: number; maxPageSize: number; maxChanges: number; sorts: string[]; openFilterValues: string[] };
  locales: { code: string; tag: string; name: string; englishName: string; dir: 'ltr' | 'rtl' }[];
  /** Shared components (`category.name`) and their fields' kinds. */
  components: { name: string; fields: Record<string, RuntimeField> }[];
  collections: RuntimeCollection[];
}

export const model = generated as unknown as RuntimeModel;

export const localeCodes = model.locales.map((l) => l.code);

/** What a slug must match: lowercase ASCII words joined by hyphens. */
export const SLUG = new RegExp(model.slugPattern);

/** The static site's public URL without a trailing slash: SSC_SITE_URL, else `npm start`'s local site (SITE_PORT or the default port). */
export const siteUrlFrom = (env: NodeJS.ProcessEnv = process.env): string =>
  (env.SSC_SITE_URL || `${model.localSite.host}:${env.SITE_PORT || model.localSite.defaultPort}`).replace(/\/+$/, '');

/**
 * The CMS's public URL without a trailing slash, for links and redirects it gives out
 * (learner pages, certificates, media in the partner API): SSC_CMS_PUBLIC_URL, else
 * Strapi's PUBLIC_URL (`server.url`), else the address it listens on. Not Strapi's
 * `server.absoluteUrl`, which says "localhost" for 127.0.0.1: a redirect there would
 * lose the learner's session cookie.
 */
export const cmsUrlFrom = (serverUrl: unknown, env: NodeJS.ProcessEnv = process.env): string =>
  (
    env.SSC_CMS_PUBLIC_URL ||
    (typeof serverUrl === 'string' && /^https?:\/\//.test(serverUrl) ? serverUrl : '') ||
    `http://${env.HOST || '127.0.0.1'}:${env.PORT || '1337'}`
  ).replace(/\/+$/, '');

/** The site path of an item of `collection` in `locale`. */
export const itemSitePath = (collection: RuntimeCollection, locale: string, slug: string): string =>
  model.itemPathTemplate.replace('{locale}', locale).replace('{pluralName}', collection.pluralName).replace('{slug}', slug);

export const collectionByUid = new Map(model.collections.map((c) => [c.uid as string, c]));

export const collectionByPluralName = new Map(model.collections.map((c) => [c.pluralName, c]));

export const collectionByName = new Map(model.collections.map((c) => [c.name, c]));

export const contentCollections = model.collections.filter((c) => c.isContentType);
