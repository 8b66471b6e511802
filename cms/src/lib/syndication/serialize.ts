/**
 * Turns a published entry (read with its collection's default populate) into the
 * item partners receive. The stored form keeps the site path and media URLs as the
 * CMS knows them; `publicItem` makes them absolute when a response is written, so
 * that changing SSC_SITE_URL or PUBLIC_URL needs no rebuild of the stored items.
 */
import { isOpenOn, OPEN_RULE_FIELDS } from '../../generated/exchange-status';
import type { Attachment, Image, Item, Link } from '../../generated/partner-api-types';
import { itemSitePath, model, type RuntimeCollection, type RuntimeField } from '../model';

/** The JSON shape of one item, generated from the OpenAPI document (schema `Item`). */
export type SyndicationItem = Item;

/** A media file as the Document Service returns it (the fields read here). */
interface MediaFile {
  url?: string | null;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  mime?: string | null;
  size?: number | null;
}

/** The shared.captioned-image component. */
interface ImageComponent {
  image?: MediaFile | null;
  alt?: string | null;
  caption?: string | null;
  credit?: string | null;
}

/** The shared.file-attachment component. */
interface AttachmentComponent {
  title: string;
  language: string;
  file?: MediaFile | null;
  sizeBytes?: number | null;
}

/** A published entry as the Document Service returns it with its collection's populate: the fields every collection has, and the rest by name. */
export interface Entry {
  id: number;
  documentId: string;
  locale: Item['locale'];
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  updatedAt?: string | null;
  license: Item['license'];
  attribution: string;
  [field: string]: unknown;
}

/** The public fields (never a private one) that pass `test`. */
const fieldNames = (collection: RuntimeCollection, test: (f: RuntimeField) => boolean) =>
  Object.entries(collection.fields)
    .filter(([, f]) => !f.private && test(f))
    .map(([name]) => name);

/** A relation or component field's value as a list (a single one, or none). */
const asList = <T>(value: unknown): T[] => (Array.isArray(value) ? value : value ? [value as T] : []);

function slugsOf(collection: RuntimeCollection, entry: Entry, target: string): string[] {
  const names = fieldNames(collection, (f) => f.kind === 'relation' && f.target === target);
  const slugs = names.flatMap((name) => asList<{ slug?: string }>(entry[name]).map((related) => related.slug as string)).filter(Boolean);
  return [...new Set(slugs)].sort();
}

function image(component: ImageComponent | null | undefined): Image | null {
  const media = component?.image;
  if (!media?.url) return null;
  return {
    url: media.url,
    alt: component!.alt ?? media.alternativeText ?? '',
    caption: component!.caption ?? null,
    credit: component!.credit ?? null,
    width: media.width ?? null,
    height: media.height ?? null,
    mime: media.mime ?? null,
  };
}

function attachment(component: AttachmentComponent): Attachment | null {
  const file = component.file;
  if (!file?.url) return null;
  return {
    title: component.title,
    language: component.language,
    url: file.url,
    mime: file.mime ?? null,
    // Strapi stores sizes in kilobytes.
    sizeBytes: component.sizeBytes ?? (typeof file.size === 'number' ? Math.round(file.size * 1000) : null),
  };
}

/** The deed of a licence id of the model (content-schemas' licenseDeedUrl), or null. */
const licenseUrl = (license: string): string | null => model.licenseDeeds[license] ?? null;

const iso = (value: unknown): string => new Date(value as string | number | Date).toISOString();

/** An entry's `exchange.link` components as stored: the targets' locales are found when a response is written (links.ts). */
function storedLinks(collection: RuntimeCollection, entry: Entry): Link[] {
  const names = fieldNames(collection, (f) => f.kind === 'component' && f.component === 'exchange.link');
  return names.flatMap((name) =>
    asList<{ type?: Link['type']; targetDocumentId?: string }>(entry[name])
      .filter((l) => l.type && l.targetDocumentId)
      .map((l) => ({ type: l.type!, documentId: l.targetDocumentId!, locales: [] })),
  );
}

/**
 * The public status field of a type that opens and closes (the shared rule's OPEN_RULE_FIELDS): a demand's `state`,
 * an offer's `validUntil`; nothing for other types. `open` is not stored: it depends on the day (`publicItem`).
 */
function statusFields(collection: RuntimeCollection, entry: Entry): Pick<Item, 'state' | 'validUntil'> {
  const field = OPEN_RULE_FIELDS[collection.name];
  if (!field || !fieldNames(collection, () => true).includes(field)) return {};
  const value = (entry[field] as string | null | undefined) ?? null;
  return field === 'state' ? { state: value as Item['state'] } : { validUntil: value };
}

export function serializeEntry(collection: RuntimeCollection, entry: Entry): SyndicationItem {
  const dateField = collection.dateField;
  const bodyField = fieldNames(collection, (f) => f.kind === 'richtext')[0];
  const imageField = fieldNames(collection, (f) => f.kind === 'component' && f.component === 'shared.captioned-image' && !f.repeatable)[0];
  const attachmentFields = fieldNames(collection, (f) => f.kind === 'component' && f.component === 'shared.file-attachment');
  return {
    type: collection.name as Item['type'],
    documentId: entry.documentId,
    locale: entry.locale,
    slug: entry.slug,
    url: itemSitePath(collection, entry.locale, entry.slug),
    title: entry.title,
    summary: entry.summary,
    date: dateField ? ((entry[dateField] as string | null | undefined) ?? null) : null,
    publishedAt: iso(entry.publishedAt),
    updatedAt: iso(entry.updatedAt ?? entry.publishedAt),
    license: entry.license,
    licenseUrl: licenseUrl(entry.license),
    attribution: entry.attribution,
    themes: slugsOf(collection, entry, 'theme'),
    countries: slugsOf(collection, entry, 'country'),
    image: imageField ? image(entry[imageField] as ImageComponent | null | undefined) : null,
    body: bodyField ? ((entry[bodyField] as string | null | undefined) ?? null) : null,
    attachments: attachmentFields.flatMap((name) =>
      asList<AttachmentComponent>(entry[name])
        .map(attachment)
        .filter((a): a is Attachment => a !== null),
    ),
    links: storedLinks(collection, entry),
    ...statusFields(collection, entry),
  };
}

/** `base` is an origin with an optional path and no trailing slash; absolute URLs stay as they are. */
const absolute = (url: string, base: string) => (/^https?:\/\//.test(url) ? url : `${base}${url.startsWith('/') ? '' : '/'}${url}`);

/** The item as sent on `today` (YYYY-MM-DD, UTC): site and media URLs made absolute, and whether a demand or an offer is open that day. */
export function publicItem(item: SyndicationItem, origins: { siteUrl: string; cmsUrl: string }, today: string): SyndicationItem {
  const open = isOpenOn(item, today);
  return {
    ...item,
    ...(open === undefined ? {} : { open }),
    url: absolute(item.url, origins.siteUrl),
    image: item.image ? { ...item.image, url: absolute(item.image.url, origins.cmsUrl) } : null,
    attachments: item.attachments.map((a) => ({ ...a, url: absolute(a.url, origins.cmsUrl) })),
  };
}
